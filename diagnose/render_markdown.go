package diagnose

import (
	"fmt"
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// Markdown renders a report a user can paste into a community chat or a
// support ticket: public facts only, the explorer link, what was tried.
func Markdown(rep *Report, lang string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", mdEscape(Headline(rep, lang)))
	for _, r := range KeyNumbers(rep, lang) {
		v := mdEscape(r[1])
		if strings.HasPrefix(r[1], "https://") {
			v = "<" + r[1] + ">"
		}
		fmt.Fprintf(&b, "- **%s**: %s\n", mdEscape(r[0]), v)
	}
	if len(rep.Findings) > 0 {
		fmt.Fprintf(&b, "\n**%s**\n\n", label(lang, "Findings", "发现"))
	}
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "- %s **%s**", severityWord(f.Severity, lang), mdEscape(f.Title))
		if f.Detail != "" {
			fmt.Fprintf(&b, " — %s", mdEscape(f.Detail))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\n**%s**\n\n", label(lang, "What was checked", "查询了什么"))
	fmt.Fprintf(&b, "- %s\n", mdEscape(searchedLine(rep, lang)))
	for _, s := range rep.Searched {
		if s.Result == "found" || (s.Result == "error" && s.Fault != "cancelled") {
			line := fmt.Sprintf("%s — %s", s.Chain, resultWord(s.Result, lang))
			switch {
			case lang == "zh" && s.Fault != "":
				line += "：" + noderpc.Fault(s.Fault).WordsZH() // the node's own words are English
			case s.Error != "":
				line += ": " + s.Error
			}
			fmt.Fprintf(&b, "- %s\n", mdEscape(line))
		}
	}
	fmt.Fprintf(&b, "\n_%s_\n", label(lang,
		"Made with unstuck. This report contains only public blockchain data: no recovery phrase, no private key. Never share those with anyone, including \"support\".",
		"由 unstuck 生成。本报告只包含公开的链上数据，不含助记词或私钥。永远不要把它们发给任何人，包括自称“客服”的人。"))
	return b.String()
}

// resultWord is what an endpoint's answer was, in the user's language.
func resultWord(result, lang string) string {
	switch result {
	case "found":
		return label(lang, "found", "找到")
	case "absent":
		return label(lang, "absent", "没有")
	case "error":
		return label(lang, "error", "出错")
	}
	return result
}

// severityWord labels a finding in a Markdown list, where a glyph after
// the list's own bullet would read as a second bullet.
func severityWord(s Severity, lang string) string {
	switch s {
	case SevError:
		return label(lang, "Problem:", "问题：")
	case SevWarn:
		return label(lang, "Warning:", "注意：")
	}
	return label(lang, "Note:", "说明：")
}

// mdEscape keeps node-supplied text from turning into Markdown markup.
func mdEscape(s string) string {
	s = Sanitize(s)
	r := strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]", "<", "&lt;", ">", "&gt;", "|", "\\|", "#", "\\#")
	return r.Replace(s)
}
