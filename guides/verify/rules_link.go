package verify

import (
	"fmt"
	"strings"

	"github.com/unstuck-dev/unstuck/guides"
)

// link judges a URL or bare domain.
func (c checker) link(l link) Result {
	var pre []guides.Text
	if l.UserInfo != "" {
		pre = append(pre, t(
			fmt.Sprintf("The part before \"@\" (%s) is decoration: this link opens %s.", l.UserInfo, l.Host.Unicode),
			fmt.Sprintf("“@”前面的部分（%s）只是伪装：这个链接实际打开的是 %s。", l.UserInfo, l.Host.Unicode)))
	}
	res := c.judgeHost(l.Host, l.Path, false)
	res.Kind = KindOfURL
	if res.Verdict == Official {
		if target, ok := redirectTarget(l); ok {
			inner := c.judgeHost(target.Host, target.Path, false)
			if inner.Verdict != Official {
				inner.Kind = KindOfURL
				inner.Why = append([]guides.Text{t(
					fmt.Sprintf("This official address forwards to %s: what counts is where it lands.", target.Host.Unicode),
					fmt.Sprintf("这个官方地址会跳转到 %s：要看的是最终打开的网站。", target.Host.Unicode))}, inner.Why...)
				if inner.Wallet == nil {
					inner.Wallet = res.Wallet
				}
				if inner.Severity == SeverityInfo {
					inner.Severity = SeverityWarn
				}
				res = inner
			}
		}
	}
	if l.UserInfo != "" && worse(Impersonation, res.Verdict) {
		if uh, ok := parseHost(strings.SplitN(l.UserInfo, ":", 2)[0]); ok {
			if w, _, ok := officialHost(c.scope, uh, "", false); ok {
				res.Verdict, res.Severity, res.Wallet = Impersonation, SeverityDanger, w
				res.Why = []guides.Text{t(
					fmt.Sprintf("Putting %s before the \"@\" is a trick to make the link look like %s's.", uh.Unicode, w.Name),
					fmt.Sprintf("把 %s 放在“@”前面，是让链接看起来像 %s 官方的伎俩。", uh.Unicode, w.Name)), realSite(w)}
			}
		}
	}
	res.Why = append(pre, res.Why...)
	return res
}

// redirectTarget finds a link to another site in the query string
// (?url=https://…, ?redirect=…), which open redirects on official hosts
// carry.
func redirectTarget(l link) (link, bool) {
	for _, vals := range l.Query {
		for _, v := range vals {
			lv := strings.ToLower(v)
			if strings.HasPrefix(lv, "http://") || strings.HasPrefix(lv, "https://") || strings.HasPrefix(lv, "//") {
				if target, ok := parseLink(v); ok && target.Host.Registered != l.Host.Registered {
					return target, true
				}
			}
		}
	}
	return link{}, false
}

// officialHost finds the wallet and channel a host (and path) belongs to
// among wallets. mailOnly limits the match to domains and exact hosts.
func officialHost(wallets []*Wallet, h host, path string, mailOnly bool) (*Wallet, Channel, bool) {
	for _, w := range wallets {
		for _, ch := range w.Channels {
			switch ch.Kind {
			case KindDomain:
				if h.under(ch.Value) {
					return w, ch, true
				}
			case KindHost:
				if h.ASCII == ch.Value || h.ASCII == "www."+ch.Value {
					return w, ch, true
				}
			case KindURL:
				if mailOnly {
					continue
				}
				hostPart, prefix, _ := strings.Cut(ch.Value, "/")
				p := strings.ToLower(path)
				prefix = "/" + strings.ToLower(prefix)
				if (h.ASCII == hostPart || h.ASCII == "www."+hostPart) &&
					(p == prefix || strings.HasPrefix(p, prefix+"/")) {
					return w, ch, true
				}
			}
		}
	}
	return nil, Channel{}, false
}

// judgeHost runs the domain rules on a host: official, look-alike
// characters, brand name on a foreign domain, short typo, else not listed.
func (c checker) judgeHost(h host, path string, mailOnly bool) Result {
	if w, ch, ok := officialHost(c.scope, h, path, mailOnly); ok {
		return officialResult(w, ch, h.Unicode)
	}
	var why []guides.Text
	if c.narrowed {
		if w, _, ok := officialHost(c.reg.wallets, h, path, mailOnly); ok {
			why = append(why, t(
				fmt.Sprintf("%s belongs to %s, not to %s.", h.Unicode, w.Name, c.scope[0].Name),
				fmt.Sprintf("%s 属于 %s，不属于 %s。", h.Unicode, w.Name, c.scope[0].Name)))
		}
	}
	var prefixed *Wallet
	for _, w := range c.scope {
		for _, d := range w.Of(KindDomain) {
			if strings.HasPrefix(h.ASCII, d.Value+".") {
				prefixed = w
				why = append(why, t(
					fmt.Sprintf("%s is only the start of the name: the site is %s, which is not %s.", d.Value, h.Registered, d.Value),
					fmt.Sprintf("%s 只是名字的开头：真正的网站是 %s，并不是 %s。", d.Value, h.Registered, d.Value)))
			}
		}
	}
	free := c.freeHost(h)
	labels := h.ownLabels()
	var raw, sk []string
	for _, l := range labels {
		raw = append(raw, runs(splitTokens(strings.ToLower(l)))...)
		sk = append(sk, runs(splitTokens(skeleton(l)))...)
	}
	var tokens []string
	for _, l := range labels {
		tokens = append(tokens, splitTokens(strings.ToLower(l))...)
	}
	res := Result{Verdict: NotListed, Severity: SeverityInfo}
	for _, w := range c.scope {
		if v, whyW := c.hostBrand(w, h, raw, sk, tokens, free); better(v, res) {
			res = v
			res.Why = whyW
		}
	}
	if prefixed != nil && worse(Impersonation, res.Verdict) {
		res = Result{Verdict: Impersonation, Severity: SeverityDanger, Wallet: prefixed}
	}
	if res.Wallet == nil {
		res.Why = append(res.Why, c.notOnList(h.Unicode))
		if lure := lureInside(tokens, c.lure); lure != "" {
			res.Severity = SeverityWarn
			res.Why = append(res.Why, t(
				fmt.Sprintf("\"%s\" in the name is a word scam sites use to look like support.", lure),
				fmt.Sprintf("名字里的“%s”是诈骗网站冒充客服常用的词。", lure)))
		}
		if free {
			res.Severity = SeverityWarn
			res.Why = append(res.Why, freeHostWhy(h))
		}
	}
	res.Why = append(why, res.Why...)
	if res.Wallet != nil {
		res.Why = append(res.Why, realSite(res.Wallet))
	}
	return res
}

// hostBrand applies the look-alike, brand and typo rules for one wallet.
func (c checker) hostBrand(w *Wallet, h host, raw, sk, tokens []string, free bool) (Result, []guides.Text) {
	_, _, rawHit := findBrand(w.BrandTokens, w.Exceptions, raw, c.lure)
	_, _, skHit := findBrand(skeletons(w.BrandTokens), skeletons(w.Exceptions), sk, c.lure)
	lookAlikeDomain := ""
	for _, d := range w.Of(KindDomain) {
		if h.Registered != d.Value && skeleton(registeredUnicode(h)) == skeleton(d.Value) {
			lookAlikeDomain = d.Value
		}
	}
	switch {
	case lookAlikeDomain != "" || (skHit && !rawHit):
		what := lookAlikeDomain
		if what == "" {
			what = w.Name
		}
		why := []guides.Text{t(
			fmt.Sprintf("%s imitates %s with look-alike characters (it is really %s). Real %s sites never do this.", h.Unicode, what, h.ASCII, w.Name),
			fmt.Sprintf("%s 用形似的字符冒充 %s（它的真实写法是 %s）。真正的 %s 网站从不这样做。", h.Unicode, what, h.ASCII, w.Name))}
		return Result{Verdict: Impersonation, Severity: SeverityDanger, Wallet: w}, why
	case rawHit:
		sev := SeverityWarn
		why := []guides.Text{t(
			fmt.Sprintf("%s uses the %s name but is not one of %s's official sites.", h.Unicode, w.Name, w.Name),
			fmt.Sprintf("%s 用了 %s 的名字，但不是 %s 的官方网站。", h.Unicode, w.Name, w.Name))}
		if lure := lureIn(tokens, c.lure); lure != "" || lureInRunAny(raw, w.BrandTokens, c.lure) != "" {
			if lure == "" {
				lure = lureInRunAny(raw, w.BrandTokens, c.lure)
			}
			sev = SeverityDanger
			why = append(why, t(
				fmt.Sprintf("\"%s\" in the name is a word scam sites use to look like support.", lure),
				fmt.Sprintf("名字里的“%s”是诈骗网站冒充客服常用的词。", lure)))
		}
		if free {
			sev = SeverityDanger
			why = append(why, freeHostWhy(h))
		}
		return Result{Verdict: NotListed, Severity: sev, Wallet: w}, why
	}
	if brand, in, ok := findTypo(w, raw); ok {
		why := []guides.Text{t(
			fmt.Sprintf("%s looks like %s (\"%s\" is one or two letters from \"%s\") but is not official.", h.Unicode, w.Name, in, brand),
			fmt.Sprintf("%s 看起来像 %s（“%s”和“%s”只差一两个字母），但不是官方的。", h.Unicode, w.Name, in, brand))}
		sev := SeverityWarn
		if free || lureIn(tokens, c.lure) != "" {
			sev = SeverityDanger
		}
		return Result{Verdict: Lookalike, Severity: sev, Wallet: w}, why
	}
	return Result{Verdict: NotListed, Severity: SeverityInfo}, nil
}

// better reports whether candidate a should replace b: a worse verdict, or
// the same verdict with a wallet named where b has none, or louder.
func better(a, b Result) bool {
	switch {
	case a.Verdict != b.Verdict:
		return worse(a.Verdict, b.Verdict)
	case (a.Wallet != nil) != (b.Wallet != nil):
		return a.Wallet != nil
	}
	return a.Severity == SeverityDanger && b.Severity != SeverityDanger
}

// lureInside finds a long lure word inside brand-free tokens
// ("dappsfixsupport" → "support"); short words (app, fix) and "wallet"
// would match too much.
func lureInside(tokens []string, lure map[string]bool) string {
	if l := lureIn(tokens, lure); l != "" {
		return l
	}
	for _, tok := range tokens {
		for _, w := range sortedWords(lure) {
			if len(w) >= 6 && w != "wallet" && strings.Contains(tok, w) {
				return w
			}
		}
	}
	return ""
}

func lureInRunAny(rs, brands []string, lure map[string]bool) string {
	for _, r := range rs {
		for _, b := range brands {
			if l := lureInRun(r, b, lure); l != "" {
				return l
			}
		}
	}
	return ""
}

// registeredUnicode is the registrable domain as the user sees it.
func registeredUnicode(h host) string {
	n := strings.Count(h.Registered, ".") + 1
	labels := strings.Split(h.Unicode, ".")
	if len(labels) >= n {
		return strings.Join(labels[len(labels)-n:], ".")
	}
	return h.Unicode
}

// freeHost reports whether the host sits on a free hosting service: a
// private Public Suffix List entry (pages.dev, vercel.app, github.io…) or a
// site builder from the patterns.
func (c checker) freeHost(h host) bool {
	if h.Private {
		return true
	}
	for _, f := range c.reg.patterns.FreeHosts {
		if h.under(f) {
			return true
		}
	}
	return false
}

func freeHostWhy(h host) guides.Text {
	on := h.Suffix
	if !h.Private {
		on = h.Registered
	}
	return t(fmt.Sprintf("It sits on %s, a free hosting service anyone can put a page on.", on),
		fmt.Sprintf("它放在 %s 上，这是任何人都能免费建站的服务。", on))
}

// email judges an e-mail address.
func (c checker) email(e email) Result {
	addr := e.Address()
	for _, w := range c.scope {
		for _, ch := range w.Of(KindEmail) {
			if strings.EqualFold(ch.Value, addr) {
				r := officialResult(w, ch, addr)
				r.Kind = KindOfEmail
				return r
			}
		}
	}
	var res Result
	if free := c.freeMail(e.Host); free != "" {
		res = Result{Verdict: ScamPattern, Severity: SeverityDanger}
		res.Why = append(res.Why, t(
			fmt.Sprintf("%s is a free mailbox: anyone can open one in a minute, and no wallet's support writes from one.", free),
			fmt.Sprintf("%s 是免费邮箱：任何人一分钟就能注册一个，没有任何钱包的客服会用它发邮件。", free)))
		local := runs(splitTokens(e.Local))
		for _, w := range c.scope {
			if _, _, ok := findBrand(w.BrandTokens, w.Exceptions, local, c.lure); ok {
				res.Wallet = w
				res.Why = append(res.Why, t(
					fmt.Sprintf("The name before \"@\" uses \"%s\": anyone can choose that.", e.Local),
					fmt.Sprintf("“@”前面的名字用了“%s”：这是谁都能随便起的。", e.Local)))
				break
			}
		}
	} else {
		res = c.judgeHost(e.Host, "", true)
		if res.Verdict == Official {
			res.Why = append(res.Why, t(
				"The domain is the wallet's own; a sender's address can still be forged, so answer only through the help centre you open yourself.",
				"这个域名是钱包官方的；但发件人地址可以伪造，请只通过你自己打开的帮助中心回复。"))
		}
	}
	res.Kind = KindOfEmail
	if res.Wallet != nil && res.Verdict != Official && res.Wallet.NoEmail.En != "" {
		res.Why = append(res.Why, res.Wallet.NoEmail)
	}
	return res
}

// freeMail returns the free-mail domain the host is, or "".
func (c checker) freeMail(h host) string {
	for _, f := range c.reg.patterns.FreeMail {
		if h.ASCII == f || h.Registered == f {
			return f
		}
	}
	return ""
}

// officialResult is the answer for an exact registry entry.
func officialResult(w *Wallet, ch Channel, shown string) Result {
	why := []guides.Text{t(
		fmt.Sprintf("%s is on %s's official list (%s).", shown, w.Name, KindName(ch.Kind, guides.En)),
		fmt.Sprintf("%s 在 %s 的官方名单上（%s）。", shown, w.Name, KindName(ch.Kind, guides.Zh)))}
	if ch.Note.En != "" {
		why = append(why, ch.Note)
	}
	why = append(why, sourceWhy(ch.Source))
	if ch.Source.Grade == GradeSecondary {
		why = append(why, t("This entry comes from a secondary source: confirm it from inside the app before you rely on it.",
			"这一条来自第三方资料：依赖它之前，请在 App 里再核实一次。"))
	}
	return Result{Verdict: Official, Severity: SeverityInfo, Wallet: w, Why: why}
}

func sourceWhy(s Source) guides.Text {
	return t(fmt.Sprintf("Source: %s (read %s).", s.Ref, s.Retrieved),
		fmt.Sprintf("来源：%s（读取于 %s）。", s.Ref, s.Retrieved))
}

// notOnList is the neutral answer: never "safe", never "fake".
func (c checker) notOnList(what string) guides.Text {
	if c.narrowed {
		w := c.scope[0]
		return t(fmt.Sprintf("%s is not on our list of %s's official channels. That does not make it safe: use only the channels below.", what, w.Name),
			fmt.Sprintf("%s 不在我们的 %s 官方渠道名单上。这不代表它安全：只使用下面列出的渠道。", what, w.Name))
	}
	return t(fmt.Sprintf("%s is not on our list of official wallet channels. That does not make it safe or fake: reach support only through the wallet's own website or app.", what),
		fmt.Sprintf("%s 不在我们的钱包官方渠道名单上。这既不代表它安全，也不代表它一定是假的：只通过钱包自己的官网或 App 联系客服。", what))
}

// realSite names the wallet's official websites.
func realSite(w *Wallet) guides.Text {
	var ds []string
	for _, d := range w.Of(KindDomain) {
		ds = append(ds, d.Value)
	}
	for _, d := range w.Of(KindHost) {
		if len(ds) == 0 {
			ds = append(ds, d.Value)
		}
	}
	return t(fmt.Sprintf("%s's real website: %s.", w.Name, strings.Join(ds, ", ")),
		fmt.Sprintf("%s 真正的官网：%s。", w.Name, strings.Join(ds, "、")))
}

// t builds a bilingual text.
func t(en, zh string) guides.Text { return guides.Text{En: en, Zh: zh} }
