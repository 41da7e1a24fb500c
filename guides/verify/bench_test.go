package verify

import "testing"

// BenchmarkLoad is the cost of parsing and checking the embedded registry
// (paid once per start of the TUI or of `unstuck verify`).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck is one verdict per input kind over the real corpus.
func BenchmarkCheck(b *testing.B) {
	r := load(b)
	rows := readCorpus(b)
	for b.Loop() {
		for _, row := range rows {
			if _, err := r.Check(row.input, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(rows)), "ns/input")
}
