package secret_test

// The input parser's side of the secrets corpus: diagnose.ParseInput and
// diagnose.ParseAddress refuse every case the detector catches. It lives
// with the corpus, as an external test (diagnose imports this package).

import (
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/secret"
)

// TestParseInputRefusesCorpus: ParseAddress refuses every corpus case as a
// secret, and so does ParseInput with the fixed text, except a bare 64-hex
// standing alone, which it holds until the user confirms it is a
// transaction ID (the CLI and TUI tests check that it is never sent
// unconfirmed).
func TestParseInputRefusesCorpus(t *testing.T) {
	reg := chains.MustDefault()
	cases := secret.CorpusCases(t, "corpus.txt", "generated.txt")
	if len(cases) < 300 {
		t.Fatalf("corpus has %d cases, want at least 300", len(cases))
	}
	refused := 0
	for _, c := range cases {
		if _, err := diagnose.ParseAddress(c.Text); !secret.IsRefusal(err) {
			t.Errorf("%s: ParseAddress = %v, want a secret refusal", c.Name, err)
		}
		q, err := diagnose.ParseInput(c.Text, reg)
		if secret.IsBareHex64(c.Text) {
			if err != nil || !q.NeedsConfirm {
				t.Errorf("%s: ParseInput = %+v, %v; want it held for confirmation", c.Name, q, err)
			}
			refused++
			continue
		}
		if !secret.IsRefusal(err) {
			t.Errorf("%s: ParseInput = %v, want a secret refusal", c.Name, err)
			continue
		}
		if msg := err.Error(); msg != secret.Refusal {
			t.Errorf("%s: refusal %q, want the fixed secret.Refusal text", c.Name, msg)
		}
		refused++
	}
	t.Logf("%d of %d secret-shaped inputs refused or held", refused, len(cases))
}

// TestParseInputRefusesCorpusRuns: every run of 4–11 wordlist words is
// refused, with the fixed text, by both parsers (they take a hash, a link
// or an address).
func TestParseInputRefusesCorpusRuns(t *testing.T) {
	reg := chains.MustDefault()
	cases := secret.CorpusCases(t, "runs.txt")
	if len(cases) < 150 {
		t.Fatalf("runs corpus has %d cases, want at least 150", len(cases))
	}
	for _, c := range cases {
		_, err := diagnose.ParseInput(c.Text, reg)
		_, aerr := diagnose.ParseAddress(c.Text)
		for _, e := range []error{err, aerr} {
			if !secret.IsRefusal(e) || e.Error() != secret.Refusal {
				t.Errorf("%s: %v, want the fixed refusal", c.Name, e)
			}
		}
	}
	t.Logf("%d runs refused by both parsers", len(cases))
}
