package tron

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/tronreplay"
)

// pinnedNow is after every recorded block; the rules prefer the head
// block's time, so it matters only when a node gives none.
var pinnedNow = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)

func recordings(t testing.TB) *tronreplay.Recordings {
	t.Helper()
	rec, err := tronreplay.Load()
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// backendFor builds a backend whose only network is the scenario's, with
// the given endpoints.
func backendFor(t testing.TB, network string, endpoints ...string) *Backend {
	t.Helper()
	n, ok := NetworkByKey(network)
	if !ok {
		t.Fatalf("no network %q", network)
	}
	n.Endpoints = endpoints
	b, err := New(Config{Networks: []Network{n}, Timeout: 20 * time.Second, Now: func() time.Time { return pinnedNow }})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func codes(fs []diagnose.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, string(f.Code))
	}
	return out
}

func finding(rep *diagnose.Report, c diagnose.Code) *diagnose.Finding {
	for i := range rep.Findings {
		if rep.Findings[i].Code == c {
			return &rep.Findings[i]
		}
	}
	return nil
}

// TestScenarios checks every recorded scenario's status and findings
// against one replay endpoint, and that the check asked exactly the
// recorded questions: nothing unrecorded (the server fails the test),
// nothing recorded left unasked (round 2 only asks what the verdict needs).
func TestScenarios(t *testing.T) {
	rec := recordings(t)
	for _, name := range rec.ScenarioNames() {
		sc := rec.Scenarios[name]
		if sc.Status == "" {
			continue // an account scenario
		}
		t.Run(name, func(t *testing.T) {
			srv := tronreplay.Start(t, rec, name)
			b := backendFor(t, sc.Network, srv.URL)
			rep, err := b.Check(context.Background(), diagnose.Query{Family: diagnose.FamilyTron, Ref: sc.Input, Raw: sc.Input}, diagnose.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if string(rep.Status) != sc.Status {
				t.Errorf("status = %s, want %s", rep.Status, sc.Status)
			}
			if got := codes(rep.Findings); !slices.Equal(got, sc.Findings) {
				t.Errorf("findings = %v, want %v", got, sc.Findings)
			}
			if got, want := len(srv.Requests()), len(sc.Answers); got != want {
				t.Errorf("%d requests, want the %d recorded: %v", got, want, srv.Requests())
			}
			if rep.Family != diagnose.FamilyTron || rep.Chain == nil || rep.Chain.Key != sc.Network {
				t.Errorf("family %s chain %+v", rep.Family, rep.Chain)
			}
			if len(rep.Searched) != 1 || rep.Searched[0].Requests != len(sc.Answers) {
				t.Errorf("searched = %+v", rep.Searched)
			}
			for _, f := range rep.Findings {
				if f.Title == "" || f.Guide == "" {
					t.Errorf("finding %s has no title or guide: %+v", f.Code, f)
				}
			}
		})
	}
}
