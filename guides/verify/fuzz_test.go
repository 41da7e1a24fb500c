package verify

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCheck feeds hostile text to every parser (URL, e-mail, handle, phone,
// app id, message): Check must never panic, must answer any non-empty input
// of a sane size with a known verdict, kind and guide, and must never put
// raw control characters in its reasons.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"https://token.im@evil.example/", "token.im.evil.example", "xn--meamask-orb.com",
		"support@token.im", "a@b@c", "@imTokenOfficial", "t.me/tokenpocket_C", "+1-(530)-447-2879", "im.token.app",
		"hxxps://evil[.]example/x?url=https://token.im", "https://token.im/?redirect=//evil.example", "\x00\x1b[31m",
		"http://[::1]:80/", "https://%zz", "mailto:support@token.im", "请认准 https://tokenpocket.pro/ 和 https://tpwallet.io/",
		"https://xn--/", "..", "@", "+", strings.Repeat("a.", 200), "ｔｏｋｅｎ。ｉｍ", "https://user:pass@token.im:99999/"} {
		f.Add(s)
	}
	r, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	verdicts := map[Verdict]bool{}
	for _, v := range Verdicts() {
		verdicts[v] = true
	}
	f.Fuzz(func(t *testing.T, s string) {
		res, err := r.Check(s, Options{})
		if err != nil {
			if in := strings.TrimSpace(stripControls(s)); in != "" && len(in) <= maxInput {
				t.Fatalf("refused %q: %v", s, err)
			}
			return
		}
		if !verdicts[res.Verdict] || res.Kind == "" || res.Guide != GuideFor(res.Verdict) || len(res.Why) == 0 {
			t.Fatalf("%q: incomplete result %+v", s, res)
		}
		for _, w := range res.Why {
			for _, x := range []string{w.En, w.Zh} {
				if strings.ContainsAny(x, "\x1b\x00\r") {
					t.Fatalf("%q: control characters in a reason: %q", s, x)
				}
				if utf8.ValidString(s) && !utf8.ValidString(x) {
					t.Fatalf("%q: invalid UTF-8 in a reason: %q", s, x)
				}
			}
		}
	})
}
