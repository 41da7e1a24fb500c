package guides

import (
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func explainSeeds(f *testing.F) {
	for _, s := range []string{"", "4001", `{"code":-32002}`, "Gas 不足", "ｎｏｎｃｅ　ｔｏｏ　ｌｏｗ", "\xff\xfe", "{{{{", "-", "0x",
		`{"a":{"b":{"c":{"message":"x"}}}}`, `reason="\"` + `"`, "at x (y:1:2)\nat z (w:3:4)", "4163636f756e74", "{'message': 'x', code: 5}",
		"https://", "Details: \nCaused by: ", `{"message":"{\"message\":\"{\\\"message\\\":\\\"deep\\\"}\"}"}`} {
		f.Add(s)
	}
}

// FuzzNormalize: normalizing and masking never panic, give valid UTF-8,
// and are stable (doing them again changes nothing).
func FuzzNormalize(f *testing.F) {
	lib := mustLoad(f)
	explainSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		n := lib.explain().maskNoise(normalize(s))
		if !utf8.ValidString(n) && utf8.ValidString(s) {
			t.Fatalf("normalize(%q) = %q is not valid UTF-8", s, n)
		}
		if again := lib.explain().maskNoise(normalize(n)); again != n {
			t.Fatalf("not stable: %q → %q → %q", s, n, again)
		}
		_ = hanBigrams(n)
		_ = contentWords(n, lib.explain().stop)
	})
}

// FuzzUnwrap: unwrapping any text ends, stays within its bounds, and
// gives the whole text (stack frames dropped) as the first layer.
func FuzzUnwrap(f *testing.F) {
	explainSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		u := unwrap(s)
		if len(u.layers) > maxLayers || len(u.codes) > maxLayers {
			t.Fatalf("%d layers, %d codes", len(u.layers), len(u.codes))
		}
		for i, ly := range u.layers {
			if ly.depth < 0 || ly.depth > maxUnwrapDeep+1 || (i > 0 && ly.text == "") {
				t.Fatalf("layer %d: %+v", i, ly)
			}
		}
	})
}

// FuzzExplainRanked: any text gives matches that name nodes, are sorted,
// have scores in (0, 1) and a reason, in both languages.
func FuzzExplainRanked(f *testing.F) {
	lib := mustLoad(f)
	explainSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range Langs() {
			got := lib.Explain(s, lang)
			for i, m := range got {
				if _, ok := lib.Node(m.Guide); !ok || m.Score <= 0 || m.Score >= 1 || m.Why == "" || m.Title == "" {
					t.Fatalf("match %d: %+v", i, m)
				}
				if i > 0 && got[i-1].Score < m.Score {
					t.Fatalf("not sorted: %+v", got)
				}
			}
		}
	})
}

// BenchmarkExplain runs the decoder over the real corpus (and one long
// nested paste near the input bound) and reports the 99th percentile of
// the per-text time, each text's time being its median over the b.N runs
// so that a busy machine's pauses do not pass for the decoder's cost.
// Target: p99 under 2 ms.
func BenchmarkExplain(b *testing.B) {
	lib := mustLoad(b)
	var inputs []string
	for _, c := range loadCorpus(b) {
		inputs = append(inputs, c.Text)
	}
	inputs = append(inputs, strings.Repeat(`{"error":{"code":-32603,"message":"execution reverted: `+strings.Repeat("x", 200)+`"}} `, 60))
	runs := make([][]time.Duration, len(inputs))
	var all []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, in := range inputs {
			start := time.Now()
			lib.Explain(in, Zh)
			d := time.Since(start)
			runs[j] = append(runs[j], d)
			all = append(all, d)
		}
	}
	b.StopTimer()
	medians := make([]time.Duration, len(inputs))
	for j, r := range runs {
		sort.Slice(r, func(a, c int) bool { return r[a] < r[c] })
		medians[j] = r[len(r)/2]
	}
	pct := func(d []time.Duration, q float64) float64 {
		sort.Slice(d, func(a, c int) bool { return d[a] < d[c] })
		return float64(d[int(q*float64(len(d)-1))].Microseconds())
	}
	b.ReportMetric(pct(medians, 0.50), "p50-µs/text")
	b.ReportMetric(pct(medians, 0.99), "p99-µs/text")
	b.ReportMetric(pct(medians, 1), "max-µs/text")
	b.ReportMetric(pct(all, 0.99), "p99-raw-µs")
}
