package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
)

// bench holds what every measurement needs.
type bench struct {
	n       int
	unstuck string // built binary
	cast    string
	tmp     string
	runs    int   // unstuck runs so far, for fresh cache directories
	peakRSS int64 // kilobytes, of one `unstuck check` per scenario
	peakFor string
	rssNote string // why it was not measured
}

// sideRow is one scenario at one delay on one node: medians of n runs.
type sideRow struct {
	node             string
	r                time.Duration
	sc               scenario
	unstuck, engine  time.Duration
	cast             time.Duration // 0: not measured
	castFacts        time.Duration // cast with the further commands; 0: none
	unstuckReq, cReq float64
	castNote         string
}

// unstuckEnv gives every run a fresh cache directory: a first check, with
// nothing remembered.
func (b *bench) unstuckEnv() []string {
	b.runs++
	dir := filepath.Join(b.tmp, "cache", strconv.Itoa(b.runs))
	return append(os.Environ(), "UNSTUCK_CACHE_DIR="+dir, "UNSTUCK_RPC=", "LANG=C.UTF-8")
}

// side measures unstuck (the binary and the engine in-process) and cast on
// one scenario behind one delaying proxy, alternating who goes first.
func (b *bench) side(ctx context.Context, node, target string, sc scenario, r time.Duration, withCast bool) (sideRow, error) {
	ep, err := newDelayed(target, r)
	if err != nil {
		return sideRow{}, err
	}
	defer ep.Close()
	row := sideRow{node: node, r: r, sc: sc}
	var us, es, cs, fs []time.Duration
	var uReq, cReq int
	castOK := withCast
	for i := 0; i < b.n; i++ {
		doUnstuck := func() error {
			before := ep.Requests()
			run, err := exec1(ctx, b.unstuckEnv(), b.unstuck, "check", sc.hash.Hex(), "--rpc", ep.URL(), "--json", "--timeout", "30s")
			if err != nil {
				return err
			}
			uReq += ep.Requests() - before
			if run.code != 0 {
				return fmt.Errorf("%s on %s: unstuck exited %d: %.400s", sc.name, node, run.code, run.out)
			}
			if _, err := checkUnstuck(sc, run.out); err != nil {
				return fmt.Errorf("%s: %w", node, err)
			}
			us = append(us, run.wall)
			return nil
		}
		doCast := func() error {
			if !castOK {
				return nil
			}
			before := ep.Requests()
			run, err := sequence(ctx, os.Environ(), castCommands(b.cast, ep.URL(), sc))
			if err != nil {
				return err
			}
			cReq += ep.Requests() - before
			if !sc.castSays(run.out) {
				castOK = false
				row.castNote = fmt.Sprintf("cast did not give the answer: %.200q", run.out)
				return nil
			}
			cs = append(cs, run.wall)
			if sc.facts == nil {
				return nil
			}
			more, err := sequence(ctx, os.Environ(), sc.facts(b.cast, ep.URL()))
			if err != nil {
				return err
			}
			if more.code != 0 {
				return fmt.Errorf("%s on %s: a cast command for the further facts failed: %.300s", sc.name, node, more.out)
			}
			fs = append(fs, run.wall+more.wall)
			return nil
		}
		first, second := doUnstuck, doCast
		if i%2 == 1 {
			first, second = doCast, doUnstuck
		}
		if err := first(); err != nil {
			return row, err
		}
		if err := second(); err != nil {
			return row, err
		}
		d, err := b.inProcess(ctx, ep.URL(), sc)
		if err != nil {
			return row, fmt.Errorf("%s on %s in-process: %w", sc.name, node, err)
		}
		es = append(es, d)
	}
	kb, err := peakRSS(ctx, b.unstuckEnv(), b.unstuck, "check", sc.hash.Hex(), "--rpc", ep.URL(), "--json")
	switch {
	case err != nil:
		b.rssNote = err.Error()
	case kb > b.peakRSS:
		b.peakRSS, b.peakFor = kb, fmt.Sprintf("%s on %s, R = %s", sc.name, node, r)
	}
	row.unstuck, row.engine = median(us), median(es)
	row.unstuckReq = float64(uReq) / float64(b.n)
	if castOK {
		row.cast, row.castFacts = median(cs), median(fs)
		row.cReq = float64(cReq) / float64(b.n)
	}
	return row, nil
}

// inProcess runs the engine alone (a new engine and HTTP client, so no
// connection is reused), to tell process start-up from the diagnosis.
func (b *bench) inProcess(ctx context.Context, url string, sc scenario) (time.Duration, error) {
	d, rep, err := checkLoopback(ctx, chains.MustDefault(), []string{url}, sc.hash)
	if err != nil {
		return 0, err
	}
	if string(rep.Status) != sc.status {
		return 0, fmt.Errorf("status %s, want %s", rep.Status, sc.status)
	}
	return d, nil
}
