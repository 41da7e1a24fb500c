package tui

import (
	"strings"

	"github.com/unstuck-dev/unstuck/guides"
	"github.com/unstuck-dev/unstuck/guides/verify"
)

// maxVerifyMenuRows is how many next steps show at once.
const maxVerifyMenuRows = 5

// head is what stands above the result: title, prompt, field.
func (m verifyModel) head() string {
	st, w := m.d.st, m.width
	var b strings.Builder
	title := m.lang.Pick("Someone says they are support", "有人自称是客服")
	prompt := m.lang.Pick(
		"Paste exactly what they gave you — a link, e-mail address, @account, phone number or their whole message. It is checked on this computer; nothing is sent.",
		"把对方给你的东西原样粘贴进来——链接、邮箱、@账号、电话号码或整条消息。检查在这台电脑上完成，不会发送任何内容。")
	if m.channels {
		title = m.lang.Pick("Official channels", "官方渠道")
		prompt = m.lang.Pick("Which wallet do you use?", "你用的是哪个钱包？")
	}
	if m.node != nil {
		prompt = oneLine(m.node.Prompt.Get(m.lang))
	}
	b.WriteString(st.Title.Render(truncate(title, w)) + "\n")
	// On a short terminal the verdict needs the room more than the prompt.
	if !(m.fresh() && m.height < 20) {
		b.WriteString(paint(st.Text, wrap(prompt, w)) + "\n\n")
	}
	if !m.channels {
		b.WriteString(m.input.View() + "\n\n")
	}
	if m.res != nil && m.fresh() {
		b.WriteString(m.verdictLine() + "\n")
	} else if m.asked != "" && m.res == nil && m.input.Value() == m.asked {
		b.WriteString(paint(st.Warn, wrap(m.lang.Pick("! That is too long to check: paste only the link, address, account or message.",
			"! 内容太长，无法检查：只粘贴链接、地址、账号或那条消息。"), w)) + "\n")
	}
	return b.String()
}

// verdictLine is the verdict with a glyph and a word, so it reads without
// colour.
func (m verifyModel) verdictLine() string {
	st, r := m.d.st, m.res
	glyph := "!"
	style := st.Warn
	switch {
	case r.Verdict == verify.Official:
		glyph, style = "✓", st.OK
	case r.Severity == verify.SeverityDanger:
		glyph, style = "✗", st.Fail
	}
	line := glyph + " " + strings.ToUpper(verify.VerdictName(r.Verdict, m.lang))
	if r.Wallet != nil {
		line += " · " + r.Wallet.Name
	}
	return style.Render(truncate(line, m.width))
}

// body is the scrollable part: reasons, the safety steps for this verdict,
// and the wallet's real channels.
func (m verifyModel) body() string {
	st, w, r := m.d.st, max(m.width, 10), m.res
	var b strings.Builder
	for _, why := range r.WhyIn(m.lang) {
		b.WriteString(bullet("•", st.Text.Render, clean(why), w) + "\n")
	}
	b.WriteString("\n" + st.Title.Render(m.lang.Pick("What to do", "该怎么做")) + "\n")
	for i, s := range safetySteps(r.Verdict) {
		b.WriteString(bullet(string(rune('1'+i))+".", st.Text.Render, s.Get(m.lang), w) + "\n")
	}
	if r.Wallet != nil {
		b.WriteString("\n" + st.Title.Render(truncate(wf(m.lang, "%s's real channels", "%s 的真实渠道", r.Wallet.Name), w)) + "\n")
		for _, c := range r.Wallet.Channels {
			b.WriteString(bullet(" ", st.Link.Render, c.DisplayIn(m.lang), w) + "\n")
		}
		if len(r.Wallet.Unknown) > 0 {
			var names []string
			for _, k := range r.Wallet.Unknown {
				names = append(names, verify.KindName(k, m.lang))
			}
			b.WriteString(paint(st.Subtle, wrap(wf(m.lang, "We know of no official %s.", "我们不知道它有官方的%s。",
				strings.Join(names, m.lang.Pick(", ", "、"))), w)) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// wf formats a text in the language.
func wf(lang guides.Lang, en, zh string, arg string) string {
	return strings.Replace(lang.Pick(en, zh), "%s", arg, 1)
}

// safetySteps are what to do for each verdict.
func safetySteps(v verify.Verdict) []guides.Text {
	never := both("Never send your recovery phrase, private key or password — real support never asks.",
		"绝不发送助记词、私钥或密码——真客服从不索要。")
	switch v {
	case verify.Official:
		return []guides.Text{
			both("Type the address yourself next time, or use the help entry in the app.", "下次自己手动输入网址，或者用 App 里的帮助入口。"),
			both("Official accounts never message you first: if one did, compare the name letter by letter.", "官方账号从不主动私信你：如果有“官方账号”先找你，逐个字母核对名字。"),
			never,
		}
	case verify.NotListed:
		return []guides.Text{
			both("Treat it as unverified: do not type any words, keys or passwords into it, and install nothing from it.", "把它当作未经证实：不要在里面输入任何单词、密钥或密码，也不要从它那里安装任何东西。"),
			both("Reach the wallet yourself through its own website or app, and ask there.", "自己通过钱包的官网或 App 联系它，在那里询问。"),
			never,
		}
	case verify.Lookalike, verify.Impersonation:
		return []guides.Text{
			both("Close it now: do not connect, sign or type anything.", "马上关掉：不要连接、签名或输入任何东西。"),
			both("If you already typed your recovery phrase there, move your funds to a new wallet now.", "如果已经在那里输入过助记词，马上把资产转到新钱包。"),
			both("Report it where you found it.", "在你发现它的地方举报它。"),
		}
	}
	return []guides.Text{
		both("Stop replying and block them: this is how phrase thieves work.", "停止回复并拉黑：这正是骗取助记词的手法。"),
		never,
		both("If you already shared your phrase or key, move your funds to a new wallet now.", "如果已经泄露了助记词或私钥，马上把资产转到新钱包。"),
	}
}

// layout sizes the viewport to what the head and the menu leave.
func (m verifyModel) layout() verifyModel {
	m.vp.Width = max(1, m.width)
	if m.channels || !m.fresh() {
		m.vp.Height = 0
		m.vp.SetContent("")
		return m
	}
	// head ends in a line break (its last "line" is where the viewport
	// starts); that line's worth is kept for "(pgdn for more)".
	used := lineCount(m.head())
	if len(m.next.items) > 0 {
		used += m.next.height(maxVerifyMenuRows) + 1
	}
	m.vp.Height = max(1, m.height-used)
	m.vp.SetContent(m.body())
	return m
}

// View draws the head, the result and the next steps.
func (m verifyModel) View() string {
	st, w := m.d.st, m.width
	var b strings.Builder
	b.WriteString(m.head())
	if m.channels {
		rows := max(1, m.height-lineCount(b.String()))
		b.WriteString(m.next.view(st, w, rows))
		return b.String()
	}
	if !m.fresh() {
		return b.String()
	}
	b.WriteString(m.vp.View())
	if m.vp.TotalLineCount() > m.vp.Height {
		b.WriteString("\n" + st.Subtle.Render(truncate(m.lang.Pick("  (pgdn for more)", "  （pgdn 查看更多）"), w)))
	}
	if len(m.next.items) > 0 {
		b.WriteString("\n\n" + m.next.view(st, w, maxVerifyMenuRows))
	}
	return b.String()
}
