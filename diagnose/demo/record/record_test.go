package main

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose/demo"
	"github.com/unstuck-dev/unstuck/diagnose/internal/btcdnode"
	"github.com/unstuck-dev/unstuck/diagnose/internal/esplorareplay"
	"github.com/unstuck-dev/unstuck/diagnose/internal/tronreplay"
)

// TestGenerate runs the generator against a fresh simulated node (it fails
// if any recipe no longer gives its verdict) and checks that the committed
// recordings list the same examples: the transactions are deterministic,
// so a difference means recordings.json is out of date.
func TestGenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a simulated node")
	}
	data, err := generate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := demo.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := demo.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fresh.Examples, committed.Examples) {
		t.Errorf("recordings.json lists other examples than the generator makes: run go generate ./diagnose/demo\nfresh:     %+v\ncommitted: %+v",
			fresh.Examples, committed.Examples)
	}
	if len(fresh.Memory) != len(committed.Memory) {
		t.Errorf("memory: %d entries fresh, %d committed", len(fresh.Memory), len(committed.Memory))
	}
	for i := range fresh.Memory {
		if i < len(committed.Memory) && fresh.Memory[i].Hash != committed.Memory[i].Hash {
			t.Errorf("memory %d: %s fresh, %s committed", i, fresh.Memory[i].Hash.Hex(), committed.Memory[i].Hash.Hex())
		}
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	rec := &demo.Recording{Version: demo.FormatVersion, ChainID: demo.ChainID, Source: source,
		Examples: []demo.Example{{ID: "a", Input: "0x01"}},
		Calls: []demo.Call{
			{Method: "eth_chainId", Params: []byte(`[]`), Result: []byte(`"0xf1b31"`)},
			{Method: "eth_blockNumber", Params: []byte(`[]`), Result: []byte(`"0x13"`)},
		}}
	data, err := encode(rec)
	if err != nil {
		t.Fatal(err)
	}
	back, err := demo.Parse(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if !reflect.DeepEqual(back.Examples, rec.Examples) || len(back.Calls) != 2 || back.Source != source {
		t.Errorf("round trip: %+v", back)
	}
}

func TestDedupe(t *testing.T) {
	a := demo.Call{Method: "eth_chainId", Params: []byte(`[]`), Result: []byte(`"0x1"`)}
	b := demo.Call{Method: "eth_blockNumber", Params: []byte(`[]`), Result: []byte(`"0x2"`)}
	tests := []struct {
		name    string
		input   []demo.Call
		want    int
		wantErr bool
	}{
		{name: "same twice", input: []demo.Call{a, b, a}, want: 2},
		{name: "different answers", input: []demo.Call{a, {Method: "eth_chainId", Params: []byte(`[]`), Result: []byte(`"0x2"`)}}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := dedupe(tt.input)
			if (err != nil) != tt.wantErr || (!tt.wantErr && len(got) != tt.want) {
				t.Fatalf("got %d calls, %v", len(got), err)
			}
			if !tt.wantErr && got[0].Method != "eth_blockNumber" {
				t.Errorf("not sorted: %+v", got)
			}
		})
	}
}

// TestRESTUpToDate: the committed rest_recordings.json.gz is what the
// generator makes from the replay data now.
func TestRESTUpToDate(t *testing.T) {
	fresh, err := generateREST()
	if err != nil {
		t.Fatal(err)
	}
	committed, err := demo.LoadREST()
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(fresh)
	b, _ := json.Marshal(committed)
	if !bytes.Equal(a, b) {
		t.Error("rest_recordings.json.gz is not what the generator makes: run go generate ./diagnose/demo")
	}
	rec, err := demo.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := verifyREST(context.Background(), rec, fresh); err != nil {
		t.Error(err)
	}
}

// TestRESTConflictStops: two scenarios of one world that answer the same
// request differently stop the generator (the TRON out-of-energy and
// fee-limit scenarios are the same transaction with other answers), and
// so does an unknown scenario.
func TestRESTConflictStops(t *testing.T) {
	trx, err := tronreplay.Load()
	if err != nil {
		t.Fatal(err)
	}
	esplora, err := esplorareplay.Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	btcd, err := btcdnode.Recordings()
	if err != nil {
		t.Fatal(err)
	}
	data := replays{trx, esplora, btcd}
	tests := []struct {
		name   string
		worlds []restWorld
		want   string
	}{
		{"same world", []restWorld{{name: "t", api: demo.APITron, picks: []restPick{
			{id: "a", scenario: "usdt-out-of-energy"}, {id: "b", scenario: "usdt-fee-limit"}}}}, "answer POST /wallet/"},
		{"esplora fees", []restWorld{{name: "b", api: demo.APIEsplora, picks: []restPick{
			{id: "a", scenario: "mempool-confirmed", txid: "00"}, {id: "b", scenario: "mempool-pending", txid: "00"}}}}, "/v1/fees/recommended differently"},
		{"unknown scenario", []restWorld{{name: "t", api: demo.APITron, picks: []restPick{{id: "a", scenario: "nope"}}}}, "nope"},
		{"btcd chain states", []restWorld{{name: "c", api: demo.APICore, picks: []restPick{
			{id: "a", scenario: "pending-underpriced"}, {id: "b", scenario: "not-found"}}}}, "differently"},
		{"btcd replaced", []restWorld{{name: "c", api: demo.APICore, picks: []restPick{{id: "a", scenario: "replaced"}}}}, "2 checks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := buildREST(tt.worlds, data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
	// The same pair in two worlds is fine.
	if _, err := buildREST([]restWorld{
		{name: "t1", api: demo.APITron, picks: []restPick{{id: "a", scenario: "usdt-out-of-energy"}}},
		{name: "t2", api: demo.APITron, picks: []restPick{{id: "b", scenario: "usdt-fee-limit"}}},
	}, data); err != nil {
		t.Error(err)
	}
}
