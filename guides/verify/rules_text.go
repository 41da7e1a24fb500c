package verify

import (
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/unstuck-dev/unstuck/guides"
)

var (
	emailInText  = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\p{L}\-]+(?:\.[A-Za-z0-9\p{L}\-]+)+`)
	urlInText    = regexp.MustCompile(`(?i)(?:https?|hxxps?)://[^\s<>"'“”‘’（）()\[\]，。]+`)
	domainInText = regexp.MustCompile(`(?i)(?:[a-z0-9\p{L}\-]+\.)+[a-z\p{L}][a-z0-9\p{L}\-]+(?:/[^\s<>"'“”‘’（）()\[\]，。]*)?`)
	handleInText = regexp.MustCompile(`(?:^|[^A-Za-z0-9_.@＠])[@＠]([A-Za-z0-9_]{3,32})`)
	phoneInText  = regexp.MustCompile(`\+?\(?\d[\d\s\-().]{5,}\d`)
)

// extract finds the contacts in a message: e-mail addresses, links,
// domains, @handles and phone numbers, each once, in that order.
func extract(s string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(x string) {
		x = strings.TrimRight(x, ".,;:!?)]}>'\"")
		if x != "" && !seen[strings.ToLower(x)] {
			seen[strings.ToLower(x)] = true
			out = append(out, x)
		}
	}
	rest := s
	for _, m := range emailInText.FindAllString(rest, -1) {
		add(m)
	}
	rest = emailInText.ReplaceAllString(rest, " ")
	for _, m := range urlInText.FindAllString(rest, -1) {
		add(m)
	}
	rest = urlInText.ReplaceAllString(rest, " ")
	for _, m := range domainInText.FindAllString(rest, -1) {
		hostPart, _, _ := strings.Cut(m, "/")
		if h, ok := parseHost(strings.TrimRight(hostPart, ".")); ok {
			if _, icann := publicsuffix.PublicSuffix(h.ASCII); icann || h.Private {
				add(m)
			}
		}
	}
	rest = domainInText.ReplaceAllString(rest, " ")
	for _, m := range handleInText.FindAllStringSubmatch(rest, -1) {
		add("@" + m[1])
	}
	for _, m := range phoneInText.FindAllString(rest, -1) {
		m = strings.TrimSpace(m)
		if d, ok := phoneShape(m); ok && (strings.HasPrefix(m, "+") || len(d) >= 10) {
			add(m)
		}
	}
	return out
}

// scripts finds the scam-script phrases of each group. A request for the
// phrase inside a sentence that says "never" ("we will never ask for your
// seed phrase") does not count: that is a warning, not a request.
func (c checker) scripts(s string) map[string]string {
	lower := strings.ToLower(s)
	found := map[string]string{}
	for _, g := range scriptGroups() {
		for _, p := range c.reg.patterns.Scripts[g] {
			at := findPhrase(lower, strings.ToLower(p))
			if at < 0 {
				continue
			}
			if g == ScriptPhrase && negated(sentenceAt(lower, at)) {
				continue
			}
			found[g] = p
			break
		}
	}
	return found
}

// findPhrase finds p in s: as a substring for Chinese, at word boundaries
// otherwise.
func findPhrase(s, p string) int {
	if hasHan(p) {
		return strings.Index(s, p)
	}
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], p)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(p)
		if (i == 0 || !wordByte(s[i-1])) && (end == len(s) || !wordByte(s[end])) {
			return i
		}
		from = i + 1
	}
	return -1
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
}

// sentenceAt is the sentence around byte offset at.
func sentenceAt(s string, at int) string {
	isEnd := func(r rune) bool { return strings.ContainsRune(".!?。！？\n", r) }
	start := strings.LastIndexFunc(s[:at], isEnd) + 1
	end := strings.IndexFunc(s[at:], isEnd)
	if end < 0 {
		return s[start:]
	}
	return s[start : at+end]
}

func negated(sentence string) bool {
	for _, n := range []string{"never", "not ", "n't", "no one", "nobody", "绝不", "不会", "不要", "切勿", "从不", "别", "不得"} {
		if strings.Contains(sentence, n) {
			return true
		}
	}
	return false
}

// text judges a pasted message: the scam scripts in it, then every contact
// it carries.
func (c checker) text(s string) Result {
	res := Result{Kind: KindOfText, Verdict: NotListed, Severity: SeverityInfo}
	res.Wallet = c.named(s)
	for _, item := range extract(s) {
		part := c.one(item, false)
		part.Input = item
		part.Guide = GuideFor(part.Verdict)
		res.Parts = append(res.Parts, part)
		if res.Wallet == nil && part.Wallet != nil {
			res.Wallet = part.Wallet
		}
	}
	hits := c.scripts(s)
	var why []guides.Text
	if p, ok := hits[ScriptPhrase]; ok {
		why = append(why, t(
			fmt.Sprintf("It asks for your recovery phrase or private key (\"%s\"). No real support ever does: whoever has them has your money.", p),
			fmt.Sprintf("它在索要你的助记词或私钥（“%s”）。真正的客服从不这样做：谁拿到它们，谁就拿走你的钱。", p)))
	}
	if p, ok := hits[ScriptFix]; ok {
		why = append(why, t(
			fmt.Sprintf("It asks you to sync, validate, verify or rectify your wallet (\"%s\"). No such procedure exists: it is how phrase thieves work.", p),
			fmt.Sprintf("它让你“同步、验证或修复”钱包（“%s”）。根本没有这种操作：这是骗取助记词的惯用手法。", p)))
	}
	unlisted := false
	for _, p := range res.Parts {
		if p.Verdict != Official {
			unlisted = true
		}
	}
	if p, ok := hits[ScriptFreeze]; ok && (len(res.Parts) > 0 || hits[ScriptContact] != "") {
		why = append(why, t(
			fmt.Sprintf("It promises to freeze, unfreeze or recover funds (\"%s\"). A self-custody wallet cannot do that for anyone.", p),
			fmt.Sprintf("它承诺冻结、解冻或追回资金（“%s”）。自托管钱包不能替任何人做这些事。", p)))
	}
	if p, ok := hits[ScriptContact]; ok && unlisted {
		why = append(why, t(
			fmt.Sprintf("\"Support\" that sends you to a ticket, live chat, number or link outside the wallet's own site (\"%s\") is the fake-support pattern.", p),
			fmt.Sprintf("把你引到钱包官网以外的工单、在线客服、电话或链接（“%s”），正是假客服的套路。", p)))
	}
	if len(why) > 0 {
		res.Verdict, res.Severity = ScamPattern, SeverityDanger
		res.Why = why
	} else if len(res.Parts) > 0 {
		res.Verdict, res.Severity = Official, SeverityInfo
	}
	for _, p := range res.Parts {
		if worse(p.Verdict, res.Verdict) {
			res.Verdict, res.Severity = p.Verdict, p.Severity
		}
		if res.Verdict == p.Verdict && p.Severity == SeverityDanger {
			res.Severity = SeverityDanger
		}
	}
	for _, p := range res.Parts {
		line := t(fmt.Sprintf("%s — %s", p.Input, VerdictName(p.Verdict, guides.En)),
			fmt.Sprintf("%s —— %s", p.Input, VerdictName(p.Verdict, guides.Zh)))
		if len(p.Why) > 0 {
			line.En += ": " + p.Why[0].En
			line.Zh += "：" + p.Why[0].Zh
		}
		res.Why = append(res.Why, line)
	}
	if len(res.Why) == 0 {
		if _, ok := hits[ScriptContact]; ok {
			res.Severity = SeverityWarn
			res.Why = append(res.Why, t("Someone offering \"support\" who contacted you first is not support: real support never messages first.",
				"主动联系你、自称能提供“客服”帮助的人不是客服：真正的客服从不主动私信。"))
		}
		if _, ok := hits[ScriptFreeze]; ok {
			res.Severity = SeverityWarn
			res.Why = append(res.Why, t("A self-custody wallet cannot freeze, unfreeze or recover funds for anyone; whoever promises it wants something from you.",
				"自托管钱包不能替任何人冻结、解冻或追回资金；承诺这些的人另有所图。"))
		}
		res.Why = append(res.Why, t("Nothing in this text is a link, address, account or number to check. Paste exactly what they gave you.",
			"这段文字里没有可以检查的链接、地址、账号或电话。请粘贴对方给你的原文。"))
	}
	return res
}

// named finds a wallet named in a message by any of its names, in either
// language.
func (c checker) named(s string) *Wallet {
	lower := strings.ToLower(s)
	for _, w := range c.scope {
		for _, n := range append([]string{w.Name}, w.Names...) {
			n = strings.ToLower(n)
			// Short names are words ("trust", "okx", "base"): only longer
			// names, or Chinese ones, name a wallet in running text.
			if !hasHan(n) && len(n) < 6 {
				continue
			}
			if hasHan(n) {
				if strings.Contains(lower, n) {
					return w
				}
				continue
			}
			if findPhrase(lower, n) >= 0 {
				return w
			}
		}
	}
	return nil
}

// VerdictName is a verdict in words.
func VerdictName(v Verdict, lang guides.Lang) string {
	en, zh := "", ""
	switch v {
	case Official:
		en, zh = "on the official list", "在官方名单上"
	case NotListed:
		en, zh = "not on our list", "不在我们的名单上"
	case Lookalike:
		en, zh = "look-alike", "形似仿冒"
	case Impersonation:
		en, zh = "impersonation", "冒充"
	default:
		en, zh = "scam pattern", "诈骗套路"
	}
	if lang == guides.Zh {
		return zh
	}
	return en
}
