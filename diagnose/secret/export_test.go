package secret

import (
	"path/filepath"
	"testing"
)

// CorpusCase is one corpus case, for the tests outside the package
// (parse_corpus_test.go).
type CorpusCase struct{ Name, Text string }

// CorpusCases reads the named corpus files (corpus.txt, generated.txt,
// runs.txt), leaving out the cases the detector is known to miss.
func CorpusCases(t *testing.T, files ...string) []CorpusCase {
	t.Helper()
	gaps := readGaps(t, corpusGaps)
	var out []CorpusCase
	for _, f := range files {
		for _, c := range readCorpus(t, filepath.Join("testdata", "secrets", f)) {
			if !gaps[c.name] {
				out = append(out, CorpusCase{c.name, c.text})
			}
		}
	}
	return out
}
