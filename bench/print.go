package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// Targets from the issue.
const (
	maxPerR       = 2.3 // a full diagnosis ≤ 2.3 × R
	minVsCast     = 1.3 // ≥ 1.3× faster than cast tx + receipt
	minVsCastRun  = 5.0 // ≥ 5× faster than cast tx + receipt + run
	maxFleetRatio = 1.3 // 16 chains ≤ 1.3 × one chain
	maxVersion    = 5   // ms (issue 12)
	maxFrame      = 35  // ms (issue 12)
	maxStripped   = 15  // MB
	maxRSS        = 40  // MB
	mb            = 1e6 // bytes in a MB
)

func mark(ok bool) string {
	if ok {
		return "✓"
	}
	return "✗"
}

func printMachine(ctx context.Context, anvil, cast string, o options) {
	fmt.Printf("## Machine\n\n")
	fmt.Printf("- CPU: %s, %d cores (GOMAXPROCS %d); %s/%s; %s\n", cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, runtime.Version())
	for _, t := range []string{cast, anvil} {
		if out, err := exec.CommandContext(ctx, t, "--version").Output(); err == nil {
			fmt.Printf("- %s\n", strings.SplitN(strings.TrimSpace(string(out)), "\n", 2)[0])
		}
	}
	rs := make([]string, len(o.rs))
	for i, r := range o.rs {
		rs[i] = r.String()
	}
	fmt.Printf("- %d repetitions per cell (medians), R = %s, one run, %s\n", o.n, strings.Join(rs, ", "), time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Printf("- load average at start: %s\n\n", loadAvg())
}

// loadAvg is the 1-, 5- and 15-minute load average: other work on the
// machine shows in the numbers.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

func printSides(rows []sideRow) {
	fmt.Printf("## One transaction, unstuck vs cast, delay R on every HTTP request\n\n")
	fmt.Printf("unstuck = `unstuck check <hash> --rpc <proxy> --json` (built binary, fresh process); engine = the same check in-process;\n")
	fmt.Printf("cast = `cast tx` + `cast receipt --async` (+ `cast run` for the failed one), one after another. req = HTTP requests per answer.\n")
	fmt.Printf("cast, same facts = cast plus the commands that fetch the rest of what unstuck reports (see BENCHMARKS.md).\n\n")
	fmt.Printf("| node | R | transaction | unstuck ms | ×R (≤ %.1f) | engine ms | req | cast ms | cast req | cast ÷ unstuck | cast, same facts ms | ÷ unstuck | target |\n", maxPerR)
	fmt.Printf("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
	for _, r := range rows {
		perR, target := "—", ""
		if r.r > 0 {
			x := float64(r.unstuck) / float64(r.r)
			perR, target = fmt.Sprintf("%.2f", x), fmt.Sprintf("%s ≤ %.1f×R", mark(x <= maxPerR), maxPerR)
		}
		castMS, castReq, ratio := "n/a", "n/a", "n/a"
		if r.cast > 0 {
			castMS, castReq = ms(r.cast), fmt.Sprintf("%.1f", r.cReq)
			x := float64(r.cast) / float64(r.unstuck)
			ratio = fmt.Sprintf("%.2f×", x)
			switch {
			case r.r == 0:
			case r.sc.replay:
				target += fmt.Sprintf(", %s ≥ %.0f× cast", mark(x >= minVsCastRun), minVsCastRun)
			case r.sc.status != "not_found":
				target += fmt.Sprintf(", %s ≥ %.1f× cast", mark(x >= minVsCast), minVsCast)
			}
		} else if r.castNote != "" {
			castMS = "—"
			ratio = "cast: " + r.castNote
		}
		factsMS, factsRatio := "—", "—"
		if r.castFacts > 0 {
			factsMS, factsRatio = ms(r.castFacts), fmt.Sprintf("%.2f×", float64(r.castFacts)/float64(r.unstuck))
		}
		fmt.Printf("| %s | %s | %s | %s | %s | %s | %.1f | %s | %s | %s | %s | %s | %s |\n",
			r.node, r.r, r.sc.name, ms(r.unstuck), perR, ms(r.engine), r.unstuckReq, castMS, castReq, ratio, factsMS, factsRatio, target)
	}
	fmt.Println()
}

func printFleet(rows []fleetRow) {
	fmt.Printf("## Searching 16 chains vs one (in-process engine)\n\n")
	fmt.Printf("Each chain is its own anvil behind 3 endpoints: two delayed by R, one by %d × R (listed first).\n\n", slowFactor)
	fmt.Printf("| R | search | 1 chain ms | 16 chains ms | 16 ÷ 1 (≤ %.1f) | max req per endpoint | waited for a slow endpoint |\n", maxFleetRatio)
	fmt.Printf("|---|---|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		x := float64(r.all) / float64(r.one)
		fmt.Printf("| %s | %s | %s | %s | %s %.2f | %d | %d |\n", r.r, r.what, ms(r.one), ms(r.all), mark(x <= maxFleetRatio), x, r.maxReqPerEndpoint, r.slowEndpointsAnswers)
	}
	fmt.Println()
}

func printStartup(s startup, b *bench) {
	fmt.Printf("## Start-up, size, memory\n\n")
	fmt.Printf("| measure | value | target |\n|---|---:|---|\n")
	fmt.Printf("| `unstuck --version` (median of %d; min) | %s ms (%s ms) | %s ≤ %d ms |\n", max(21, b.n), ms(s.version), ms(s.versionMin), mark(s.version <= maxVersion*time.Millisecond), maxVersion)
	if s.frame > 0 {
		fmt.Printf("| first TUI frame, 80×24 pty (median of %d) | %s ms | %s ≤ %d ms |\n", b.n, ms(s.frame), mark(s.frame <= maxFrame*time.Millisecond), maxFrame)
	} else {
		fmt.Printf("| first TUI frame | not measured: %s | ≤ %d ms |\n", s.frameNote, maxFrame)
	}
	fmt.Printf("| binary, `-trimpath -ldflags \"-s -w\"` (or -unstuck) | %.2f MB (%d B) | %s ≤ %d MB |\n", float64(s.stripped)/mb, s.stripped, mark(float64(s.stripped)/mb <= maxStripped), maxStripped)
	if s.unstripped > 0 {
		fmt.Printf("| binary, `-trimpath` only | %.2f MB (%d B) | |\n", float64(s.unstripped)/mb, s.unstripped)
	}
	switch {
	case b.peakRSS > 0:
		rss := float64(b.peakRSS) * 1024 / mb
		fmt.Printf("| peak RSS of a full check (`/usr/bin/time`, worst: %s) | %.1f MB | %s ≤ %d MB |\n", b.peakFor, rss, mark(rss <= maxRSS), maxRSS)
	case b.rssNote != "":
		fmt.Printf("| peak RSS of a full check | not measured: %s | ≤ %d MB |\n", b.rssNote, maxRSS)
	}
	fmt.Println()
}
