package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json from the current engine")

// TestJSONGoldens pins the JSON contract: one golden per demo example
// (Report), plus the account and endpoint reports of the demo chain. A
// change to any of them is a change to the contract DESIGN.md promises:
// fields may be added, never renamed. Latencies are the only field that
// differs between runs, so they are zeroed.
func TestJSONGoldens(t *testing.T) {
	d := startDemo(t)
	ctx := context.Background()
	var from string
	for _, ex := range d.Examples() {
		rep, err := d.Run(ctx, ex)
		if err != nil {
			t.Fatalf("%s: %v", ex.ID, err)
		}
		if from == "" && rep.Tx != nil {
			from = rep.Tx.From
		}
		zeroLatency(rep.Searched)
		golden(t, d, "check-"+ex.ID, rep)
	}
	acc, err := d.AccountOf(ctx, addressQuery(t, from))
	if err != nil {
		t.Fatal(err)
	}
	zeroLatency(acc.Searched)
	golden(t, d, "account", acc)
	ep, err := d.Endpoint(ctx, d.URL(), ChainID)
	if err != nil {
		t.Fatal(err)
	}
	ep.LatencyMS = 0
	zeroLatency(ep.Searched)
	golden(t, d, "endpoint", ep)
	noMisses(t, d)
}

func zeroLatency(rows []diagnose.Searched) {
	for i := range rows {
		rows[i].LatencyMS = 0
	}
}

// golden compares v's JSON with testdata/golden/<name>.json. The demo
// server's port differs between runs, so its URL is written as
// http://demo.invalid.
func golden(t *testing.T, d *Demo, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = bytes.ReplaceAll(append(got, '\n'), []byte(d.URL()), []byte("http://demo.invalid"))
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./diagnose/demo -run TestJSONGoldens -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: the JSON report changed (fields may be added, never renamed; rerun with -update if intended)\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}
