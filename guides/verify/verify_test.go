package verify

import (
	"bufio"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/unstuck-dev/unstuck/guides"
)

func load(t testing.TB) *Registry {
	t.Helper()
	r, err := Load()
	if err != nil {
		t.Fatalf("embedded registry: %v", err)
	}
	return r
}

// TestRegistryCovers checks the wallets the issue names are all there,
// with a Chinese alias and at least one domain each.
func TestRegistryCovers(t *testing.T) {
	r := load(t)
	for _, id := range []string{"imtoken", "metamask", "trustwallet", "tokenpocket", "tronlink", "okx", "bitget", "coinbase", "phantom", "ledger"} {
		w, ok := r.Wallet(id)
		if !ok {
			t.Errorf("no wallet %s", id)
			continue
		}
		if len(w.Of(KindDomain))+len(w.Of(KindHost)) == 0 {
			t.Errorf("%s has no domain", id)
		}
	}
	for alias, want := range map[string]string{"im钱包": "imtoken", "IM钱包": "imtoken", "tokenim": "imtoken", "TP钱包": "tokenpocket",
		"tp 钱包": "tokenpocket", "Trust-Wallet": "trustwallet", "小狐狸": "metamask", "欧易": "okx", "Base app": "coinbase", "BitKeep": "bitget"} {
		if w, ok := r.Wallet(alias); !ok || w.ID != want {
			t.Errorf("alias %q: got %v, want %s", alias, w, want)
		}
	}
}

// TestEveryOfficialEntryVerifies runs every channel of the registry through
// Check, as the user would paste it: each must come back official for its
// own wallet, with and without --wallet.
func TestEveryOfficialEntryVerifies(t *testing.T) {
	r := load(t)
	n := 0
	for _, w := range r.Wallets() {
		for _, c := range w.Channels {
			var inputs []string
			switch c.Kind {
			case KindInApp, KindAndroidDeveloper, KindIOSDeveloper, KindAppName, KindWeChat:
				continue // names, not something a user pastes as a contact
			case KindDomain, KindHost:
				inputs = []string{c.Value, "https://" + c.Value + "/", "www." + c.Value}
			case KindX, KindTelegram, KindDiscord:
				inputs = []string{c.Display(), "https://" + c.Display()}
				if c.Kind != KindDiscord {
					inputs = append(inputs, "@"+c.Value)
				}
			default:
				inputs = []string{c.Display()}
				if strings.Contains(c.Display(), ": ") {
					inputs = []string{c.Value}
				}
			}
			for _, in := range inputs {
				for _, opt := range []Options{{}, {Wallet: w}} {
					n++
					res, err := r.Check(in, opt)
					if err != nil {
						t.Errorf("%s %q: %v", w.ID, in, err)
						continue
					}
					if res.Verdict != Official || res.Wallet == nil || res.Wallet.ID != w.ID {
						t.Errorf("%s %s %q (narrowed %v): got %s for %v: %v", w.ID, c.Kind, in, opt.Wallet != nil, res.Verdict, res.Wallet, res.WhyIn(guides.En))
					}
				}
			}
		}
	}
	t.Logf("%d official inputs verified", n)
}

type corpusRow struct {
	input, wallet, label, source string
	want                         Verdict
}

func readCorpus(t testing.TB) []corpusRow {
	t.Helper()
	f, err := os.Open("testdata/corpus.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []corpusRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 5 {
			t.Fatalf("corpus line has %d columns: %q", len(cols), line)
		}
		rows = append(rows, corpusRow{input: cols[0], wallet: cols[1], want: Verdict(cols[2]), label: cols[3], source: cols[4]})
	}
	return rows
}

// TestCorpus checks every real case from the reference with its expected
// verdict, and that no legitimate name is called impersonation or a scam.
func TestCorpus(t *testing.T) {
	r := load(t)
	for _, row := range readCorpus(t) {
		var opt Options
		if row.wallet != "" {
			w, ok := r.Wallet(row.wallet)
			if !ok {
				t.Fatalf("corpus names unknown wallet %q", row.wallet)
			}
			opt.Wallet = w
		}
		res, err := r.Check(row.input, opt)
		if err != nil {
			t.Errorf("%q: %v", row.input, err)
			continue
		}
		if res.Verdict != row.want {
			t.Errorf("%q (%s): got %s, want %s: %v", row.input, row.source, res.Verdict, row.want, res.WhyIn(guides.En))
		}
		if row.label == "good" && (res.Verdict == Impersonation || res.Verdict == ScamPattern) {
			t.Errorf("false positive: %q called %s", row.input, res.Verdict)
		}
		if res.Guide != GuideFor(res.Verdict) || len(res.Why) == 0 {
			t.Errorf("%q: guide %q, %d reasons", row.input, res.Guide, len(res.Why))
		}
		for _, w := range res.Why {
			if w.En == "" || !hasHan(w.Zh) {
				t.Errorf("%q: reason not in both languages: %+v", row.input, w)
			}
		}
	}
}

// flagged is what counts as a warning for precision/recall: any verdict
// that tells the user to stop (impersonation, lookalike, scam pattern), or
// "not on our list" raised to a warning (brand name, lure word, free host).
func flagged(res Result) bool {
	return res.Verdict == Impersonation || res.Verdict == Lookalike || res.Verdict == ScamPattern ||
		res.Verdict == NotListed && res.Severity != SeverityInfo
}

// TestPrecisionRecall measures the rules over the corpus plus every
// official entry (as negatives) and pins the numbers: a change that makes
// them worse fails here. "Flagged" is any warning (flagged); "alarm" is the
// verdicts that say stop outright (impersonation, scam pattern), where a
// false positive is the worst error.
func TestPrecisionRecall(t *testing.T) {
	r := load(t)
	var tp, fp, fn, tn, alarmTP, alarmFP int
	check := func(label, input string, opt Options) {
		res, _ := r.Check(input, opt)
		alarm := res.Verdict == Impersonation || res.Verdict == ScamPattern
		switch {
		case label == "bad" && flagged(res):
			tp++
		case label == "bad":
			fn++
		case flagged(res):
			fp++
			t.Logf("flagged legitimate: %q → %s/%s", input, res.Verdict, res.Severity)
		default:
			tn++
		}
		if alarm && label == "bad" {
			alarmTP++
		} else if alarm {
			alarmFP++
		}
	}
	for _, row := range readCorpus(t) {
		var opt Options
		if row.wallet != "" {
			opt.Wallet, _ = r.Wallet(row.wallet)
		}
		check(row.label, row.input, opt)
	}
	for _, w := range r.Wallets() {
		for _, c := range w.Channels {
			if c.Kind == KindDomain || c.Kind == KindHost || c.Kind == KindEmail || isSocial(c.Kind) {
				check("good", c.Display(), Options{})
			}
		}
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	alarmPrecision := float64(alarmTP) / float64(alarmTP+alarmFP)
	t.Logf("corpus: tp=%d fp=%d fn=%d tn=%d precision=%.3f recall=%.3f; alarms: %d true, %d false (precision %.3f)",
		tp, fp, fn, tn, precision, recall, alarmTP, alarmFP, alarmPrecision)
	if precision < 0.93 || recall < 0.90 || alarmFP > 0 {
		t.Errorf("precision %.3f (want ≥ 0.93), recall %.3f (want ≥ 0.90), false alarms %d (want 0)", precision, recall, alarmFP)
	}
}

// TestGuideContract ties the verdicts to the guides: the verify check's
// statuses are exactly the verdicts, and it routes each to GuideFor.
func TestGuideContract(t *testing.T) {
	lib, err := guides.Load()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, v := range Verdicts() {
		want = append(want, string(v))
	}
	if got := guides.CheckStatuses(guides.CheckVerify); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("guides verify statuses %v, verdicts %v", got, want)
	}
	n, ok := lib.Node(GuideCheck)
	if !ok || n.Kind != guides.KindCheck || n.Check != guides.CheckVerify {
		t.Fatalf("%s is not a verify check node", GuideCheck)
	}
	for _, v := range Verdicts() {
		next, ok := lib.Route(GuideCheck, string(v), nil)
		if !ok || next != GuideFor(v) {
			t.Errorf("%s routes %s to %q, GuideFor says %q", GuideCheck, v, next, GuideFor(v))
		}
		if a, ok := lib.Node(GuideFor(v)); !ok || a.Kind != guides.KindAnswer {
			t.Errorf("GuideFor(%s) = %q is not an answer node", v, GuideFor(v))
		}
	}
}

// TestKinds pins how inputs are read, the edges included.
func TestKinds(t *testing.T) {
	r := load(t)
	for _, tc := range []struct {
		input string
		kind  Kind
	}{
		{"token.im", KindOfURL}, {"HTTPS://TOKEN.IM/", KindOfURL}, {"ｔｏｋｅｎ。ｉｍ", KindOfURL},
		{"hxxps://evil[.]example", KindOfURL}, {"support@token.im", KindOfEmail}, {"mailto:support@token.im", KindOfEmail},
		{"@imTokenOfficial", KindOfHandle}, {"https://twitter.com/imTokenOfficial", KindOfHandle},
		{"discord.com/invite/imToken", KindOfHandle}, {"+86 138 0013 8000", KindOfPhone}, {"400-123-4567", KindOfPhone},
		{"2024-03-26", KindOfText}, {"12345678", KindOfText}, {"im.token.app", KindOfText},
		{"hello there", KindOfText}, {"客服", KindOfText},
	} {
		res, err := r.Check(tc.input, Options{})
		if err != nil || res.Kind != tc.kind {
			t.Errorf("%q: kind %s (err %v), want %s", tc.input, res.Kind, err, tc.kind)
		}
	}
	for _, bad := range []string{"", "   ", "\x00\x1b", strings.Repeat("a", maxInput+1)} {
		var inErr *InputError
		if _, err := r.Check(bad, Options{}); err == nil || !errors.As(err, &inErr) || !hasHan(inErr.Reason.Zh) {
			t.Errorf("%q: err %v, want a bilingual InputError", bad, err)
		}
	}
	if res, _ := r.Check("ｔｏｋｅｎ。ｉｍ", Options{}); res.Verdict != Official {
		t.Errorf("full-width token.im: %s, want official", res.Verdict)
	}
}
