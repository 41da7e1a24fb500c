package tron

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/tronreplay"
)

// TestRoundTrips proves at most two rounds of latency per endpoint: the
// replay server holds each round until all its requests have arrived, so
// a backend that asked one question after another would stall and time
// out, and a third round would fail the test.
func TestRoundTrips(t *testing.T) {
	rec := recordings(t)
	tests := []struct {
		scenario string
		rounds   []int
	}{
		{"nile-success", []int{4}},          // final success, nothing more to ask
		{"usdt-out-of-energy", []int{4, 3}}, // sender, resources, prices
		{"usdt-blacklisted", []int{4, 2}},   // sender, isBlackListed
		{"usdt-success", []int{4, 2}},       // sender, recipient
		{"trx-activation", []int{4, 3}},     // sender, recipient, prices
		{"not-found", []int{4, 1}},          // the pending pool
		{"expired", []int{4, 1}},            // the pending pool
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			sc := rec.Scenarios[tt.scenario]
			srv := tronreplay.Start(t, rec, tt.scenario, tronreplay.WithRounds(tt.rounds...))
			rep, err := backendFor(t, sc.Network, srv.URL).Check(context.Background(),
				diagnose.Query{Family: diagnose.FamilyTron, Ref: sc.Input}, diagnose.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if string(rep.Status) != sc.Status {
				t.Errorf("status = %s, want %s (searched %+v)", rep.Status, sc.Status, rep.Searched)
			}
			if got := codes(rep.Findings); !slices.Equal(got, sc.Findings) {
				t.Errorf("findings = %v, want %v", got, sc.Findings)
			}
			if got := srv.Rounds(); got != len(tt.rounds) || got > 2 {
				t.Errorf("%d rounds, want %d: %+v", got, len(tt.rounds), srv.Requests())
			}
			for _, p := range []string{pathTx, pathInfo, pathSolidInfo, pathNowBlock} {
				if srv.Count(p) != 1 {
					t.Errorf("%s asked %d times", p, srv.Count(p))
				}
			}
		})
	}
}

// TestNotFoundAsksEveryEndpoint: "not found" is the verdict only when every
// endpoint of the network says so, each in at most two rounds.
func TestNotFoundAsksEveryEndpoint(t *testing.T) {
	rec := recordings(t)
	sc := rec.Scenarios["not-found"]
	a := tronreplay.Start(t, rec, "not-found", tronreplay.WithRounds(4, 1))
	b := tronreplay.Start(t, rec, "not-found", tronreplay.WithRounds(4, 1))
	rep, err := backendFor(t, "tron", a.URL, b.URL).Check(context.Background(),
		diagnose.Query{Family: diagnose.FamilyTron, Ref: sc.Input}, diagnose.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != diagnose.StatusNotFound || len(rep.Searched) != 2 {
		t.Fatalf("status %s, searched %+v", rep.Status, rep.Searched)
	}
	for _, s := range rep.Searched {
		if s.Result != "absent" || s.Requests != 5 {
			t.Errorf("searched row %+v", s)
		}
	}
}

// TestWrongNetwork: the user said mainnet, the transaction is on Nile.
// Both networks are searched at once; mainnet's nodes answer {} for it.
func TestWrongNetwork(t *testing.T) {
	rec := recordings(t)
	nile := tronreplay.Start(t, rec, "nile-success")
	main := tronreplay.Start(t, rec, "nile-tx-on-mainnet")
	tn, _ := NetworkByKey("tron")
	nn, _ := NetworkByKey("nile")
	tn.Endpoints, nn.Endpoints = []string{main.URL}, []string{nile.URL}
	be, err := New(Config{Networks: []Network{tn, nn}, Now: func() time.Time { return pinnedNow }})
	if err != nil {
		t.Fatal(err)
	}
	sc := rec.Scenarios["nile-success"]
	rep, err := be.Check(context.Background(), diagnose.Query{Family: diagnose.FamilyTron, Ref: sc.Input},
		diagnose.CheckOptions{Network: "tron"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Chain.Key != "nile" || rep.Status != diagnose.StatusSuccess || finding(rep, diagnose.CodeWrongChain) == nil {
		t.Errorf("chain %+v status %s findings %v", rep.Chain, rep.Status, codes(rep.Findings))
	}
	if f := finding(rep, diagnose.CodeWrongChain); f != nil && (f.Data["found"] != "TRON Nile testnet" || f.Data["expected"] != "TRON") {
		t.Errorf("wrong_chain data %v", f.Data)
	}
}

// TestNotFoundAnywhere: absent on mainnet and Nile (every answer {}, served
// for both) names both networks and no single chain.
func TestNotFoundAnywhere(t *testing.T) {
	rec := recordings(t)
	sc := rec.Scenarios["not-found"]
	tn, _ := NetworkByKey("tron")
	nn, _ := NetworkByKey("nile")
	tn.Endpoints = []string{tronreplay.Start(t, rec, "not-found").URL}
	nn.Endpoints = []string{tronreplay.Start(t, rec, "not-found").URL}
	be, err := New(Config{Networks: []Network{tn, nn}})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := be.Check(context.Background(), diagnose.Query{Family: diagnose.FamilyTron, Ref: sc.Input}, diagnose.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f := finding(rep, diagnose.CodeNotFound)
	if rep.Status != diagnose.StatusNotFound || rep.Chain != nil || f == nil || f.Data["chain"] != "TRON, TRON Nile testnet" ||
		f.Title != "Not found on TRON, TRON Nile testnet" || len(rep.Searched) != 2 {
		t.Errorf("status %s chain %+v finding %+v searched %d", rep.Status, rep.Chain, f, len(rep.Searched))
	}
}
