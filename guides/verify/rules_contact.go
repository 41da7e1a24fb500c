package verify

import (
	"fmt"
	"strings"

	"github.com/unstuck-dev/unstuck/guides"
)

// app matches an exact app identifier: Android package, Chrome extension
// id, App Store id or release-signing key.
func (c checker) app(s string) (Result, bool) {
	v := strings.TrimSpace(s)
	gpg := strings.ToUpper(strings.ReplaceAll(v, " ", ""))
	for _, w := range c.scope {
		for _, ch := range w.Channels {
			switch ch.Kind {
			case KindAndroidPackage, KindChromeExtension, KindIOSAppID:
				if strings.EqualFold(ch.Value, v) {
					r := officialResult(w, ch, ch.Value)
					r.Kind = KindOfText
					return r, true
				}
			case KindGPGKey:
				if strings.EqualFold(ch.Value, gpg) {
					r := officialResult(w, ch, ch.Value)
					r.Kind = KindOfText
					return r, true
				}
			}
		}
	}
	if isExtensionID(strings.ToLower(v)) {
		return Result{Kind: KindOfText, Verdict: NotListed, Severity: SeverityWarn, Why: []guides.Text{t(
			fmt.Sprintf("%s is not an extension id on our list. Install wallet extensions only from the link on the wallet's own website.", v),
			fmt.Sprintf("%s 不是我们名单上的扩展 ID。钱包扩展只从钱包官网给出的链接安装。", v))}}, true
	}
	return Result{}, false
}

// phoneShape reports whether s is only a phone number: digits with + ( ) -
// . and spaces, 7 to 15 digits. It returns the digits.
func phoneShape(s string) (string, bool) {
	var digits strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r >= '０' && r <= '９':
			digits.WriteRune(r - '０' + '0')
		case strings.ContainsRune("+()-. \u00a0", r):
		default:
			return "", false
		}
	}
	d := digits.String()
	if len(d) < 7 || len(d) > 15 {
		return "", false
	}
	// A bare run of digits is more often an amount or an id than a number,
	// and 2024-03-26 is a date.
	if !strings.ContainsAny(s, "+()- ") || datePattern.MatchString(strings.TrimSpace(s)) {
		return "", false
	}
	return d, true
}

// phone judges a phone number given as "support".
func (c checker) phone(digits string) Result {
	res := Result{Kind: KindOfPhone}
	if c.narrowed {
		w := c.scope[0]
		res.Wallet = w
		switch w.Phone {
		case PhoneNone:
			res.Verdict, res.Severity = ScamPattern, SeverityDanger
			res.Why = []guides.Text{t(
				fmt.Sprintf("%s has no phone support: any \"%s support number\" is a scam.", w.Name, w.Name),
				fmt.Sprintf("%s 没有电话客服：任何“%s 客服电话”都是诈骗。", w.Name, w.Name)), w.PhoneNote}
		case PhoneYes:
			res.Verdict, res.Severity = NotListed, SeverityWarn
			res.Why = []guides.Text{t(
				fmt.Sprintf("We keep no list of %s's phone numbers.", w.Name),
				fmt.Sprintf("我们没有收录 %s 的电话号码。", w.Name)), w.PhoneNote}
		default:
			res.Verdict, res.Severity = NotListed, SeverityWarn
			res.Why = []guides.Text{t(
				fmt.Sprintf("We know of no official %s phone number.", w.Name),
				fmt.Sprintf("我们不知道 %s 有任何官方电话号码。", w.Name)), w.PhoneNote}
		}
		res.Why = append(res.Why, sourceWhy(w.PhoneSource))
		return res
	}
	var none []string
	for _, w := range c.reg.wallets {
		if w.Phone == PhoneNone {
			none = append(none, w.Name)
		}
	}
	res.Verdict, res.Severity = ScamPattern, SeverityDanger
	res.Why = []guides.Text{
		t(fmt.Sprintf("%s have no phone support: a \"wallet support\" number is a scam.", strings.Join(none, ", ")),
			fmt.Sprintf("%s 都没有电话客服：所谓“钱包客服电话”都是诈骗。", strings.Join(none, "、"))),
		t("Only an exchange (Coinbase, for one) has phone support, and only on the Contact page of its own website: look the number up there yourself.",
			"只有交易所（例如 Coinbase）才有电话客服，而且只在它官网的“联系我们”页面上：请自己去那里查号码。"),
	}
	return res
}

// platforms maps account hosts to the channel kind of their accounts.
func platformOf(host string) string {
	switch strings.TrimPrefix(host, "www.") {
	case "t.me", "telegram.me", "telegram.dog":
		return KindTelegram
	case "x.com", "twitter.com", "mobile.twitter.com", "mobile.x.com":
		return KindX
	case "discord.com", "discord.gg", "discordapp.com":
		return KindDiscord
	case "reddit.com", "old.reddit.com":
		return KindReddit
	case "youtube.com", "m.youtube.com":
		return KindYouTube
	case "instagram.com":
		return KindInstagram
	case "facebook.com", "m.facebook.com", "fb.com":
		return KindFacebook
	case "medium.com":
		return KindMedium
	case "farcaster.xyz", "warpcast.com":
		return KindFarcaster
	}
	return ""
}

// socialLink reads an account link (t.me/name, x.com/name,
// discord.gg/code, discord.com/invite/code, reddit.com/r/name,
// youtube.com/@name, medium.com/@name).
func socialLink(l link) (platform, name string, ok bool) {
	platform = platformOf(l.Host.ASCII)
	if platform == "" {
		return "", "", false
	}
	parts := strings.FieldsFunc(l.Path, func(r rune) bool { return r == '/' })
	if len(parts) == 0 {
		return "", "", false
	}
	name = parts[0]
	switch {
	case platform == KindDiscord && (name == "invite" || name == "invites") && len(parts) > 1:
		name = parts[1]
	case platform == KindReddit && name == "r" && len(parts) > 1:
		name = parts[1]
	case platform == KindTelegram && name == "s" && len(parts) > 1:
		name = parts[1]
	}
	name = strings.TrimPrefix(name, "@")
	if name == "" {
		return "", "", false
	}
	return platform, name, true
}

// parseHandle reads "@name" (any platform).
func parseHandle(s string) (platform, name string, ok bool) {
	if !strings.HasPrefix(s, "@") && !strings.HasPrefix(s, "＠") {
		return "", "", false
	}
	name = strings.TrimLeft(s, "@＠")
	if name == "" || len(name) > 64 || strings.ContainsAny(name, "/@:") {
		return "", "", false
	}
	return "", name, true
}

// handle judges an account name, on one platform or (for a bare @name)
// on any.
func (c checker) handle(platform, name string) Result {
	res := Result{Kind: KindOfHandle}
	shown := shownHandle(platform, name)
	same := func(ch Channel) bool {
		if platform != "" && ch.Kind != platform {
			return false
		}
		if !isSocial(ch.Kind) {
			return false
		}
		if ch.Kind == KindDiscord {
			return ch.Value == name
		}
		return strings.EqualFold(ch.Value, name)
	}
	for _, w := range c.scope {
		for _, ch := range w.Channels {
			if same(ch) {
				r := officialResult(w, ch, shown)
				r.Kind = KindOfHandle
				if platform == "" {
					r.Why = append(r.Why, t(
						fmt.Sprintf("That is the %s account. The same name on another app can belong to anyone: check the app too.", KindName(ch.Kind, guides.En)),
						fmt.Sprintf("这是 %s 上的账号。别的 App 上同名的账号可能是任何人：也要核对是哪个 App。", KindName(ch.Kind, guides.Zh))))
				}
				r.Why = append(r.Why, neverDMFirst(w))
				return r
			}
		}
		for _, ch := range w.Fakes {
			if same(ch) {
				res.Verdict, res.Severity, res.Wallet = Impersonation, SeverityDanger, w
				res.Why = []guides.Text{t(
					fmt.Sprintf("%s names %s as a known fake account.", w.Name, shown),
					fmt.Sprintf("%s 已经公布 %s 是假冒账号。", w.Name, shown)), sourceWhy(ch.Source)}
				return c.withHandleAdvice(res, platform)
			}
		}
	}
	lower := strings.ToLower(name)
	rs := runs(splitTokens(lower))
	sk := runs(splitTokens(skeleton(name)))
	tokens := splitTokens(lower)
	best := Result{Verdict: NotListed, Severity: SeverityInfo}
	for _, w := range c.scope {
		r := c.handleBrand(w, platform, name, shown, rs, sk, tokens)
		if worse(r.Verdict, best.Verdict) || (best.Wallet == nil && r.Wallet != nil && r.Verdict == best.Verdict) {
			best = r
		}
	}
	best.Kind = KindOfHandle
	if best.Wallet == nil {
		best.Why = append(best.Why, c.notOnList(shown))
	}
	return c.withHandleAdvice(best, platform)
}

// handleBrand applies the look-alike, brand and typo rules to an account
// name for one wallet.
func (c checker) handleBrand(w *Wallet, platform, name, shown string, rs, sk, tokens []string) Result {
	for _, ch := range w.Channels {
		if isSocial(ch.Kind) && (platform == "" || ch.Kind == platform) &&
			!strings.EqualFold(ch.Value, name) && skeleton(ch.Value) == skeleton(name) {
			return Result{Verdict: Impersonation, Severity: SeverityDanger, Wallet: w, Why: []guides.Text{t(
				fmt.Sprintf("%s imitates %s's account %s with look-alike characters.", shown, w.Name, ch.Display()),
				fmt.Sprintf("%s 用形似的字符冒充 %s 的账号 %s。", shown, w.Name, ch.Display()))}}
		}
	}
	_, _, rawHit := findBrand(w.BrandTokens, w.Exceptions, rs, c.lure)
	_, _, skHit := findBrand(skeletons(w.BrandTokens), skeletons(w.Exceptions), sk, c.lure)
	switch {
	case skHit && !rawHit:
		return Result{Verdict: Impersonation, Severity: SeverityDanger, Wallet: w, Why: []guides.Text{t(
			fmt.Sprintf("%s spells %s with look-alike characters.", shown, w.Name),
			fmt.Sprintf("%s 用形似的字符拼出 %s。", shown, w.Name))}}
	case rawHit:
		r := Result{Verdict: NotListed, Severity: SeverityWarn, Wallet: w, Why: []guides.Text{t(
			fmt.Sprintf("%s uses the %s name but is not one of %s's official accounts.", shown, w.Name, w.Name),
			fmt.Sprintf("%s 用了 %s 的名字，但不是 %s 的官方账号。", shown, w.Name, w.Name))}}
		lure := lureIn(tokens, c.lure)
		if lure == "" {
			lure = lureInRunAny(rs, w.BrandTokens, c.lure)
		}
		if lure == "" {
			for _, extra := range []string{"admin", "team", "mod", "helper", "agent"} {
				if strings.Contains(strings.ToLower(name), extra) {
					lure = extra
				}
			}
		}
		if lure != "" {
			r.Severity = SeverityDanger
			r.Why = append(r.Why, t(
				fmt.Sprintf("\"%s\" in an account name is how fake support dresses up.", lure),
				fmt.Sprintf("账号名里的“%s”正是假客服的伪装。", lure)))
		}
		return r
	}
	if brand, in, ok := findTypo(w, rs); ok {
		return Result{Verdict: Lookalike, Severity: SeverityWarn, Wallet: w, Why: []guides.Text{t(
			fmt.Sprintf("%s looks like %s (\"%s\" is one or two letters from \"%s\") but is not official.", shown, w.Name, in, brand),
			fmt.Sprintf("%s 看起来像 %s（“%s”和“%s”只差一两个字母），但不是官方的。", shown, w.Name, in, brand))}}
	}
	return Result{Verdict: NotListed, Severity: SeverityInfo}
}

// withHandleAdvice adds what the registry knows about the wallet's
// accounts on that platform, and the support model.
func (c checker) withHandleAdvice(r Result, platform string) Result {
	if r.Wallet == nil {
		r.Why = append(r.Why, t("Real support never messages you first: whoever wrote to you first is not support.",
			"真正的客服从不主动私信你：谁先来找你，谁就不是客服。"))
		return r
	}
	w := r.Wallet
	if platform != "" && len(w.Of(platform)) == 0 && w.IsUnknown(platform) {
		r.Why = append(r.Why, t(
			fmt.Sprintf("We know of no official %s account on %s.", w.Name, KindName(platform, guides.En)),
			fmt.Sprintf("我们不知道 %s 在 %s 上有官方账号。", w.Name, KindName(platform, guides.Zh))))
	}
	r.Why = append(r.Why, neverDMFirst(w))
	return r
}

// neverDMFirst is the support model, in the vendor's words when the
// registry has them.
func neverDMFirst(w *Wallet) guides.Text {
	for _, s := range w.Statements {
		low := strings.ToLower(s.En)
		if strings.Contains(low, " dm") || strings.Contains(low, "message") || strings.Contains(s.Zh, "私信") || strings.Contains(s.Zh, "私聊") {
			return t(fmt.Sprintf("%s says: \"%s\"", w.Name, s.En), fmt.Sprintf("%s 说：“%s”", w.Name, s.Zh))
		}
	}
	return t(fmt.Sprintf("Real %s support never messages you first and never asks for your recovery phrase.", w.Name),
		fmt.Sprintf("真正的 %s 客服从不主动私信你，也绝不会索要你的助记词。", w.Name))
}

func isSocial(kind string) bool {
	for _, k := range socialKinds() {
		if k == kind {
			return true
		}
	}
	return false
}

func shownHandle(platform, name string) string {
	switch platform {
	case "":
		return "@" + name
	case KindTelegram:
		return "t.me/" + name
	case KindX:
		return "x.com/" + name
	case KindDiscord:
		return "discord.gg/" + name
	}
	return (Channel{Kind: platform, Value: name}).Display()
}

// KindName names a channel kind (or "phone", "weibo") for people.
func KindName(kind string, lang guides.Lang) string {
	en, zh := kind, kind
	switch kind {
	case KindDomain:
		en, zh = "website", "官网"
	case KindHost:
		en, zh = "official site", "官方站点"
	case KindURL:
		en, zh = "official page", "官方页面"
	case KindHelp:
		en, zh = "help centre", "帮助中心"
	case KindEmail:
		en, zh = "e-mail", "邮箱"
	case KindInApp:
		en, zh = "in the app", "App 内"
	case KindX:
		en, zh = "X (Twitter)", "X（推特）"
	case KindTelegram:
		en, zh = "Telegram", "Telegram（电报）"
	case KindDiscord:
		en, zh = "Discord", "Discord"
	case KindReddit:
		en, zh = "Reddit", "Reddit"
	case KindYouTube:
		en, zh = "YouTube", "YouTube"
	case KindInstagram:
		en, zh = "Instagram", "Instagram"
	case KindFacebook:
		en, zh = "Facebook", "Facebook"
	case KindMedium:
		en, zh = "Medium", "Medium"
	case KindFarcaster:
		en, zh = "Farcaster", "Farcaster"
	case KindWeChat:
		en, zh = "WeChat official account", "微信公众号"
	case KindAndroidPackage:
		en, zh = "Android package", "安卓包名"
	case KindAndroidDeveloper:
		en, zh = "Google Play developer", "Google Play 开发者"
	case KindIOSDeveloper:
		en, zh = "App Store developer", "App Store 开发者"
	case KindIOSAppID:
		en, zh = "App Store id", "App Store ID"
	case KindChromeExtension:
		en, zh = "Chrome extension", "Chrome 扩展"
	case KindGPGKey:
		en, zh = "release signing key", "安装包签名密钥"
	case KindAPKCheck:
		en, zh = "APK check", "APK 校验"
	case KindVerifyTool:
		en, zh = "official verification tool", "官方验证工具"
	case KindAppName:
		en, zh = "app name", "App 名称"
	case "phone":
		en, zh = "phone line", "客服电话"
	case "weibo":
		en, zh = "Weibo", "微博"
	}
	if lang == guides.Zh {
		return zh
	}
	return en
}
