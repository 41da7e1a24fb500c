package verify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unstuck-dev/unstuck/guides"
)

// Verdict is the answer for one input (the JSON contract of `unstuck
// verify`).
type Verdict string

// Verdicts, from reassuring to alarming.
const (
	Official      Verdict = "official"      // an exact entry of the registry
	NotListed     Verdict = "not_listed"    // not on our list; nothing says it is fake
	Lookalike     Verdict = "lookalike"     // a short typo away from a brand
	Impersonation Verdict = "impersonation" // look-alike characters, a known fake, or the brand dressed as support
	ScamPattern   Verdict = "scam_pattern"  // what real support never does
)

// rank orders verdicts for combining several: the worst wins.
func (v Verdict) rank() int {
	switch v {
	case Official:
		return 0
	case NotListed:
		return 1
	case Lookalike:
		return 2
	case Impersonation:
		return 3
	}
	return 4
}

// Kind is what the input was read as.
type Kind string

// Input kinds. App identifiers and pasted messages are both text.
const (
	KindOfURL    Kind = "url"
	KindOfEmail  Kind = "email"
	KindOfHandle Kind = "handle"
	KindOfPhone  Kind = "phone"
	KindOfText   Kind = "text"
)

// Severity is how loudly a result is shown.
type Severity string

// Severities.
const (
	SeverityInfo   Severity = "info"
	SeverityWarn   Severity = "warn"
	SeverityDanger Severity = "danger"
)

// Guide nodes each verdict leads to (guides/data/safety.yaml).
const (
	GuideOfficial  = "verify-official"
	GuideNotListed = "verify-not-listed"
	GuideLookalike = "verify-lookalike"
	GuideScam      = "support-scam"
	// GuideCheck is the guide's check node that opens verify.
	GuideCheck = "verify-contact"
)

// GuideFor is the guide node that explains a verdict.
func GuideFor(v Verdict) string {
	switch v {
	case Official:
		return GuideOfficial
	case NotListed:
		return GuideNotListed
	case Lookalike, Impersonation:
		return GuideLookalike
	}
	return GuideScam
}

// Verdicts lists every verdict in contract order.
func Verdicts() []Verdict {
	return []Verdict{Official, NotListed, Impersonation, Lookalike, ScamPattern}
}

// Result is the answer for one input.
type Result struct {
	Input    string
	Kind     Kind
	Verdict  Verdict
	Severity Severity
	// Wallet is the wallet the input is (or claims to be) about, or nil.
	Wallet *Wallet
	// Why are the reasons, most important first.
	Why []guides.Text
	// Guide is the answer node that explains the verdict.
	Guide string
	// Parts are the contacts found inside a pasted message.
	Parts []Result
}

// WhyIn is the reasons in one language.
func (r Result) WhyIn(lang guides.Lang) []string {
	out := make([]string, 0, len(r.Why))
	for _, w := range r.Why {
		out = append(out, w.Get(lang))
	}
	return out
}

// Options narrow a check.
type Options struct {
	// Wallet, when set, is the only wallet whose channels count.
	Wallet *Wallet
}

// maxInput bounds what Check reads: a pasted message, not a document.
const maxInput = 4096

// InputError is input that cannot be checked; Reason says why in both
// languages.
type InputError struct{ Reason guides.Text }

func (e *InputError) Error() string { return e.Reason.En }

// Check reads input as an app identifier, a phone number, an e-mail
// address, a handle or account link, a URL or domain, or else a pasted
// message, and judges it against the registry. The caller has already
// screened it for secrets.
func (r *Registry) Check(input string, opt Options) (Result, error) {
	s := strings.TrimSpace(stripControls(input))
	switch {
	case s == "":
		return Result{}, &InputError{t("nothing to check: paste the link, e-mail address, account or number you were given",
			"没有可检查的内容：请粘贴对方给你的链接、邮箱、账号或电话号码")}
	case len(s) > maxInput:
		return Result{}, &InputError{t("that is too long to check: paste only the link, address, account or message",
			"内容太长，无法检查：只粘贴链接、地址、账号或那条消息")}
	}
	scope := r.wallets
	if opt.Wallet != nil {
		scope = []*Wallet{opt.Wallet}
	}
	c := checker{reg: r, scope: scope, narrowed: opt.Wallet != nil, lure: set(r.patterns.LureWords)}
	res := c.one(s, true)
	res.Input = s
	if res.Wallet == nil && opt.Wallet != nil {
		res.Wallet = opt.Wallet
	}
	res.Guide = GuideFor(res.Verdict)
	return res, nil
}

// checker carries one check's scope.
type checker struct {
	reg      *Registry
	scope    []*Wallet
	narrowed bool // --wallet was given
	lure     map[string]bool
}

// one judges a single input; text is whether a message may be read when
// nothing else fits.
func (c checker) one(s string, text bool) Result {
	if res, ok := c.app(s); ok {
		return res
	}
	if digits, ok := phoneShape(s); ok {
		return c.phone(digits)
	}
	if !strings.ContainsAny(s, " \t\r\n") {
		if e, ok := parseEmail(s); ok {
			return c.email(e)
		}
		if platform, name, ok := parseHandle(s); ok {
			return c.handle(platform, name)
		}
		if l, ok := parseLink(s); ok {
			if platform, name, ok := socialLink(l); ok {
				return c.handle(platform, name)
			}
			return c.link(l)
		}
	}
	if !text {
		return Result{Kind: KindOfText, Verdict: NotListed, Severity: SeverityInfo}
	}
	return c.text(s)
}

// stripControls drops control characters (keeping line breaks and tabs)
// and bidirectional overrides, which could reorder what the terminal shows:
// every reason may quote the input.
func stripControls(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case unicode.IsControl(r), r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
}

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[strings.ToLower(x)] = true
	}
	return m
}

// worse reports whether a is a worse verdict than b.
func worse(a, b Verdict) bool { return a.rank() > b.rank() }
