package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// profileRow is one status through one operator profile at one R.
type profileRow struct {
	r                time.Duration
	profile, status  string
	wall             time.Duration
	requests, rounds float64
}

// benchLine reads a line of BenchmarkProfiles' output.
var benchLine = regexp.MustCompile(`^BenchmarkProfiles/([^/]+)/(\S+?)-\d+\s+\d+\s+(\d+) ns/op\s+([\d.]+) requests/check\s+([\d.]+) rounds`)

// profiles runs diagnose's BenchmarkProfiles: every status through every
// operator emulator (diagnose/internal/opemu, which only tests can
// import), at each R, n checks per cell.
func (b *bench) profiles(ctx context.Context, rs []time.Duration) ([]profileRow, error) {
	var rows []profileRow
	for _, r := range rs {
		if r == 0 {
			continue
		}
		progress("operator profiles at R = " + r.String())
		cmd := exec.CommandContext(ctx, "go", "test", "./diagnose", "-run", "^$", "-bench", "^BenchmarkProfiles$",
			"-benchtime", strconv.Itoa(b.n)+"x", "-count", "1")
		cmd.Env = append(os.Environ(), "UNSTUCK_BENCH_R="+r.String())
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("go test -bench BenchmarkProfiles: %w\n%s", err, out.String())
		}
		sc := bufio.NewScanner(&out)
		for sc.Scan() {
			m := benchLine.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			ns, _ := strconv.ParseInt(m[3], 10, 64)
			req, _ := strconv.ParseFloat(m[4], 64)
			rounds, _ := strconv.ParseFloat(m[5], 64)
			rows = append(rows, profileRow{r: r, profile: m[1], status: strings.ReplaceAll(m[2], "_", " "),
				wall: time.Duration(ns), requests: req, rounds: rounds})
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("BenchmarkProfiles printed no results")
	}
	return rows, nil
}

func printProfiles(rows []profileRow) {
	fmt.Println("## Operator profiles (diagnose/internal/opemu in front of the simulated node)")
	fmt.Println()
	fmt.Println("| R | profile | status | wall per check (mean) | HTTP requests per check | rounds of latency (max) |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, r := range rows {
		fmt.Printf("| %s | %s | %s | %d ms | %.1f | %.0f |\n", r.r, r.profile, r.status, r.wall.Milliseconds(), r.requests, r.rounds)
	}
	fmt.Println()
}
