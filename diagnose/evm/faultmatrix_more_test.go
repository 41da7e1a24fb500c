package evm

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/internal/faultproxy"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// matrixEngine is an engine on a test chain listing endpoints, with a
// fresh HTTP client; custom says whether they are --rpc endpoints.
func matrixEngine(t *testing.T, custom bool, endpoints ...string) (*Backend, func()) {
	t.Helper()
	test := chains.Chain{ID: 1337, Name: "Test chain", Symbol: "ETH", Explorer: "https://explorer.invalid", Endpoints: endpoints}
	cfg := Config{Registry: chains.MustDefault().With(test), HTTP: noderpc.NewHTTPClient(), Timeout: matrixTimeout, MaxBody: matrixMaxBody}
	if custom {
		cfg.Endpoints = endpoints
	}
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e, cfg.HTTP.CloseIdleConnections
}

// TestFaultMatrixAccountAndEndpoint runs every fault through `account`
// (alone, and beside a healthy endpoint of the same chain) and through
// `endpoint` (the faulty one checked, the healthy one as the reference):
// no panic, no overrun, no goroutine left; account beside a healthy node
// gives the plain node's answer and alone says no node answered; the
// endpoint is never called OK, and says why in the fault or a finding.
func TestFaultMatrixAccountAndEndpoint(t *testing.T) {
	n := startNode(t, 0)
	for range matrixHead {
		n.Commit()
	}
	addr := n.Addrs[0]
	plainEngine, closePlain := matrixEngine(t, true, n.URL)
	plain, err := plainEngine.account(context.Background(), addr)
	closePlain()
	if err != nil {
		t.Fatal(err)
	}
	for _, fault := range faultproxy.Faults() {
		t.Run(string(fault), func(t *testing.T) {
			t.Run("account beside a healthy endpoint", func(t *testing.T) {
				rep, err := accountCell(t, n.URL, fault, true, addr)
				if err != nil || !reflect.DeepEqual(rep.Chains, plain.Chains) {
					t.Errorf("err %v, chains %+v, want %+v", err, rep.Chains, plain.Chains)
				}
			})
			t.Run("account alone", func(t *testing.T) {
				rep, err := accountCell(t, n.URL, fault, false, addr)
				var na *diagnose.NoAnswerError
				switch {
				case fault == faultproxy.Contradiction || fault == faultproxy.Stale || fault == faultproxy.Indexing:
					// Only transaction lookups are touched: the account's
					// own calls are answered truly.
					if err != nil || !reflect.DeepEqual(rep.Chains, plain.Chains) {
						t.Errorf("err %v, chains %+v", err, rep.Chains)
					}
				case !errors.As(err, &na) || len(rep.Chains) != 0:
					t.Errorf("err %v, chains %+v: want no answer", err, rep.Chains)
				}
			})
			t.Run("endpoint", func(t *testing.T) {
				rep := endpointCell(t, n.URL, fault)
				t.Logf("%s: reachable %v fault %q findings %v", fault, rep.Reachable, rep.Fault, variants(rep))
				if fault == faultproxy.Contradiction {
					// It lies only about real transactions; the probe asks
					// about the zero hash, which it answers truly (null).
					// A known blind spot (RELIABILITY.md).
					if !rep.OK || !rep.UsableByCheck {
						t.Errorf("report = %+v", rep)
					}
					return
				}
				if rep.OK {
					t.Errorf("an endpoint with fault %s is called OK: %+v", fault, rep)
				}
				if !rep.Reachable && rep.Fault == "" || rep.Reachable && len(rep.Problems) == 0 {
					t.Errorf("no reason given: %+v", rep)
				}
			})
		})
	}
}

func variants(rep *diagnose.EndpointReport) []string {
	var out []string
	for _, f := range rep.Findings {
		out = append(out, string(f.Code)+"/"+f.Data["variant"])
	}
	return out
}

func accountCell(t *testing.T, node string, fault faultproxy.Fault, healthy bool, addr common.Address) (*diagnose.AccountReport, error) {
	t.Helper()
	before := runtime.NumGoroutine()
	faulty, err := faultproxy.New(node, faultproxy.WithFault(fault), faultproxy.WithPad(matrixPad))
	if err != nil {
		t.Fatal(err)
	}
	endpoints := []string{faulty.URL()}
	var good *faultproxy.Proxy
	if healthy {
		if good, err = faultproxy.New(node, faultproxy.WithDelay(healthyDelay)); err != nil {
			t.Fatal(err)
		}
		endpoints = append(endpoints, good.URL())
	}
	e, closeIdle := matrixEngine(t, true, endpoints...)
	start := time.Now()
	rep, err := e.account(context.Background(), addr)
	if d := time.Since(start); d > matrixTimeout+time.Second {
		t.Errorf("took %v", d)
	}
	closeIdle()
	faulty.Close()
	if good != nil {
		good.Close()
	}
	if leaked := settleGoroutines(before, 3*time.Second); leaked != "" {
		t.Fatalf("goroutines left behind:\n%s", leaked)
	}
	return rep, err
}

func endpointCell(t *testing.T, node string, fault faultproxy.Fault) *diagnose.EndpointReport {
	t.Helper()
	before := runtime.NumGoroutine()
	faulty, err := faultproxy.New(node, faultproxy.WithFault(fault), faultproxy.WithPad(matrixPad))
	if err != nil {
		t.Fatal(err)
	}
	good, err := faultproxy.New(node, faultproxy.WithDelay(healthyDelay))
	if err != nil {
		t.Fatal(err)
	}
	e, closeIdle := matrixEngine(t, false, good.URL()) // the registry's reference
	start := time.Now()
	rep, err := e.Endpoint(context.Background(), faulty.URL(), 1337)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > matrixTimeout+time.Second {
		t.Errorf("took %v", d)
	}
	closeIdle()
	faulty.Close()
	good.Close()
	if leaked := settleGoroutines(before, 3*time.Second); leaked != "" {
		t.Fatalf("goroutines left behind:\n%s", leaked)
	}
	if strings.Contains(fmt.Sprint(rep.Problems), "\x1b") {
		t.Errorf("escape in problems")
	}
	return rep
}
