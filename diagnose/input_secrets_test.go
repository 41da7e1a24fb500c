package diagnose

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/secret"
)

// The secrets corpus belongs to the detector (diagnose/secret, whose
// corpus_test.go describes it and checks that every case is detected); the
// parser's tests read it to check that every case is refused.
const secretsCorpus = "secret/testdata/secrets"

type corpusCase struct{ name, text string }

// readSecrets reads corpus files (kind, name and Go-quoted text per line),
// leaving out the cases the detector is known to miss.
func readSecrets(t *testing.T, files ...string) []corpusCase {
	t.Helper()
	gaps := map[string]bool{}
	data, err := os.ReadFile(filepath.Join(secretsCorpus, "known_gaps.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			gaps[line] = true
		}
	}
	var out []corpusCase
	for _, file := range files {
		f, err := os.Open(filepath.Join(secretsCorpus, file))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			parts := strings.SplitN(sc.Text(), "\t", 3)
			if len(parts) != 3 || strings.HasPrefix(parts[0], "#") || gaps[parts[1]] {
				continue
			}
			text, err := strconv.Unquote(parts[2])
			if err != nil {
				t.Fatalf("%s: %s: %v", file, parts[1], err)
			}
			out = append(out, corpusCase{parts[1], text})
		}
		_ = f.Close()
	}
	return out
}

// TestParseInputRefusesCorpus: ParseAddress refuses every corpus case as a
// secret, and so does ParseInput with the fixed text, except a bare 64-hex
// standing alone, which it holds until the user confirms it is a
// transaction ID (the CLI and TUI tests check that it is never sent
// unconfirmed).
func TestParseInputRefusesCorpus(t *testing.T) {
	reg := chains.MustDefault()
	cases := readSecrets(t, "corpus.txt", "generated.txt")
	if len(cases) < 300 {
		t.Fatalf("corpus has %d cases, want at least 300", len(cases))
	}
	refused := 0
	for _, c := range cases {
		if _, err := ParseAddress(c.text); !secret.IsRefusal(err) {
			t.Errorf("%s: ParseAddress = %v, want a secret refusal", c.name, err)
		}
		q, err := ParseInput(c.text, reg)
		if secret.IsBareHex64(c.text) {
			if err != nil || !q.NeedsConfirm {
				t.Errorf("%s: ParseInput = %+v, %v; want it held for confirmation", c.name, q, err)
			}
			refused++
			continue
		}
		if !secret.IsRefusal(err) {
			t.Errorf("%s: ParseInput = %v, want a secret refusal", c.name, err)
			continue
		}
		if msg := err.Error(); msg != secret.Refusal {
			t.Errorf("%s: refusal %q, want the fixed secret.Refusal text", c.name, msg)
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
	cases := readSecrets(t, "runs.txt")
	if len(cases) < 150 {
		t.Fatalf("runs corpus has %d cases, want at least 150", len(cases))
	}
	for _, c := range cases {
		_, err := ParseInput(c.text, reg)
		_, aerr := ParseAddress(c.text)
		for _, e := range []error{err, aerr} {
			if !secret.IsRefusal(e) || e.Error() != secret.Refusal {
				t.Errorf("%s: %v, want the fixed refusal", c.name, e)
			}
		}
	}
	t.Logf("%d runs refused by both parsers", len(cases))
}
