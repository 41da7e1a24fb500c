package evm

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/internal/opemu"
)

// benchLatency is R, the round trip every request to the emulated
// operator costs (UNSTUCK_BENCH_R overrides it, e.g. "200ms").
func benchLatency(b *testing.B) time.Duration {
	if s := os.Getenv("UNSTUCK_BENCH_R"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			b.Fatalf("UNSTUCK_BENCH_R: %v", err)
		}
		return d
	}
	return 50 * time.Millisecond
}

// BenchmarkProfiles checks every status through every operator profile at
// R per request: wall time per check, HTTP requests and rounds of latency
// per check. "known-cap" profiles start at the registry's cap for the host
// (as the real dRPC hosts do); the others start at 10, as an unknown host.
func BenchmarkProfiles(b *testing.B) {
	r := benchLatency(b)
	w := newProfileWorld(b)
	profiles := append([]opemu.Profile{opemu.Plain}, opemu.Profiles()...)
	for _, p := range profiles {
		for _, known := range []bool{false, true} {
			if known && p != opemu.DRPC && p != opemu.NoBatch {
				continue
			}
			name := string(p)
			if known {
				name += "-known-cap"
			}
			for _, c := range w.cases {
				b.Run(name+"/"+strings.ReplaceAll(c.name, " ", "_"), func(b *testing.B) {
					var requests, rounds int
					for b.Loop() {
						emu, err := opemu.Start(w.node.URL, p, opemu.Options{Latency: r, Limit: map[opemu.Profile]int{opemu.Proxyd: 3}[p]})
						if err != nil {
							b.Fatal(err)
						}
						reg := chains.MustDefault()
						if known {
							cap := map[opemu.Profile]int{opemu.DRPC: 3, opemu.NoBatch: 1}[p]
							reg = reg.WithHost(chains.HostFacts{Host: strings.TrimPrefix(emu.URL, "http://"), BatchCap: cap,
								CapSource: "bench", Archive: chains.ArchiveUnknown, ArchiveSource: "bench"})
						}
						endpoints := []string{emu.URL}
						var archive *opemu.Server
						if p == opemu.PublicNodeArchive {
							if archive, err = opemu.Start(w.node.URL, opemu.Plain, opemu.Options{Latency: 3 * r}); err != nil {
								b.Fatal(err)
							}
							endpoints = append(endpoints, archive.URL)
						}
						memPath := filepath.Join(b.TempDir(), "pending.json")
						if err := os.WriteFile(memPath, w.memory, 0o600); err != nil {
							b.Fatal(err)
						}
						e := chainEngine(b, 1337, memPath, reg, endpoints...)
						rep, err := e.Check(context.Background(), diagnose.Query{Kind: diagnose.KindTxHash, Ref: c.hash.Hex(), Raw: c.hash.Hex()}, diagnose.CheckOptions{})
						if err != nil || rep.Status != c.status {
							b.Fatalf("%s: %v %v", c.name, rep, err)
						}
						requests += emu.Requests()
						rounds = max(rounds, opemu.Rounds(emu.Log()))
						emu.Close()
						if archive != nil {
							requests += archive.Requests()
							archive.Close()
						}
					}
					b.ReportMetric(float64(requests)/float64(b.N), "requests/check")
					b.ReportMetric(float64(rounds), "rounds")
				})
			}
		}
	}
}
