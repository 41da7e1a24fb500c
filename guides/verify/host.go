package verify

import (
	"net"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// host is one parsed host name in every form the rules need.
type host struct {
	ASCII      string // lower case, IDNA ASCII (xn--) form, no trailing dot
	Unicode    string // the same name decoded for people to read
	Registered string // registrable domain (eTLD+1), ASCII; the whole host for an IP or a bare suffix
	Suffix     string // the public suffix, ASCII
	Private    bool   // the suffix is a private PSL entry (pages.dev, vercel.app, github.io…)
	IP         bool
	Punycode   bool // some label is xn-- or non-ASCII
}

// dotLike are the characters people and input methods type for a dot.
var dotLike = strings.NewReplacer("。", ".", "．", ".", "｡", ".", "[.]", ".", "(.)", ".", "{.}", ".")

// parseHost normalises a host name: lower case, full-width and defanged dots,
// no trailing dot, IDNA both ways (UTS #46 lookup profile, falling back to
// plain punycode for names the profile refuses, which scams use too), and
// the registrable domain by the Public Suffix List.
func parseHost(s string) (host, bool) {
	s = strings.TrimSuffix(strings.ToLower(dotLike.Replace(strings.TrimSpace(s))), ".")
	if s == "" || len(s) > 253 || strings.ContainsAny(s, " \t\r\n/\\@?#") {
		return host{}, false
	}
	if ip := net.ParseIP(strings.Trim(s, "[]")); ip != nil {
		a := ip.String()
		return host{ASCII: a, Unicode: a, Registered: a, Suffix: "", IP: true}, true
	}
	a, err := idna.Lookup.ToASCII(s)
	if err != nil {
		if a, err = idna.Punycode.ToASCII(s); err != nil {
			return host{}, false
		}
	}
	if !strings.Contains(a, ".") || strings.Contains(a, "..") || strings.HasPrefix(a, ".") {
		return host{}, false
	}
	for _, label := range strings.Split(a, ".") {
		if label == "" || len(label) > 63 || !asciiLabel(label) {
			return host{}, false
		}
	}
	u, err := idna.Punycode.ToUnicode(a)
	if err != nil {
		u = a
	}
	h := host{ASCII: a, Unicode: u}
	h.Punycode = u != a || strings.Contains(a, "xn--")
	suffix, icann := publicsuffix.PublicSuffix(a)
	h.Suffix = suffix
	h.Private = !icann && strings.Contains(suffix, ".")
	if reg, err := publicsuffix.EffectiveTLDPlusOne(a); err == nil {
		h.Registered = reg
	} else {
		h.Registered = a
	}
	return h, true
}

func asciiLabel(l string) bool {
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// under reports whether h is domain or a host below it.
func (h host) under(domain string) bool {
	return h.ASCII == domain || strings.HasSuffix(h.ASCII, "."+domain)
}

// ownLabels are the host's labels left of the public suffix, in Unicode
// form (what the user sees), e.g. [support, imtoken-help] for
// support.imtoken-help.com.
func (h host) ownLabels() []string {
	u := h.Unicode
	if h.Suffix != "" && h.Suffix != h.ASCII {
		// Cut the suffix by label count: the Unicode form has the same labels.
		n := strings.Count(h.Suffix, ".") + 1
		labels := strings.Split(u, ".")
		if len(labels) > n {
			return labels[:len(labels)-n]
		}
	}
	return strings.Split(u, ".")
}

// link is a parsed URL-like input.
type link struct {
	Host     host
	Path     string // the path, as given
	UserInfo string // text before an @ in the authority, if any
	Query    url.Values
	Scheme   string
}

// parseLink reads a URL or a bare domain ("token.im", "token.im/hc",
// "hxxps://evil[.]example"). The host is what a browser would open: in
// https://token.im@evil.example it is evil.example.
func parseLink(s string) (link, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > maxInput || strings.ContainsAny(s, " \t\r\n") {
		return link{}, false
	}
	s = dotLike.Replace(s)
	lower := strings.ToLower(s)
	for _, defanged := range []string{"hxxps://", "hxxp://"} {
		if strings.HasPrefix(lower, defanged) {
			s = "htt" + s[len("hxx"):]
			lower = strings.ToLower(s)
		}
	}
	if !strings.Contains(lower, "://") {
		if strings.HasPrefix(lower, "//") {
			s = "http:" + s
		} else {
			s = "http://" + s
		}
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return link{}, false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return link{}, false
	}
	h, ok := parseHost(u.Hostname())
	if !ok {
		return link{}, false
	}
	l := link{Host: h, Path: u.EscapedPath(), Query: u.Query(), Scheme: strings.ToLower(u.Scheme)}
	if u.User != nil {
		l.UserInfo = u.User.String()
	}
	return l, true
}

// parseEmail splits an e-mail address into local part and host.
func parseEmail(s string) (email, bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(strings.ToLower(s), "mailto:") {
		s = s[len("mailto:"):]
	}
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || strings.ContainsAny(s, " \t\r\n/:<>") || strings.Count(s, "@") != 1 {
		return email{}, false
	}
	h, ok := parseHost(s[at+1:])
	if !ok || h.IP {
		return email{}, false
	}
	return email{Local: strings.ToLower(s[:at]), Host: h}, true
}

type email struct {
	Local string
	Host  host
}

// Address is the address in lower case with an ASCII domain.
func (e email) Address() string { return e.Local + "@" + e.Host.ASCII }

// isExtensionID reports whether s has the shape of a Chrome extension id.
func isExtensionID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'p' {
			return false
		}
	}
	return true
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
