package evm

import (
	"context"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/internal/opemu"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// statusCase is one transaction of every status, on one simulated node.
type statusCase struct {
	name   string
	hash   common.Hash
	status diagnose.Status
}

// profileWorld is a simulated node holding a transaction of every status,
// and the memory file of a check that saw the replaced one pending.
type profileWorld struct {
	node   *simnode.Node
	cases  []statusCase
	memory []byte
}

func newProfileWorld(t testing.TB) *profileWorld {
	t.Helper()
	ctx := context.Background()
	n, err := simnode.Start(0)
	if err != nil {
		t.Fatalf("start simulated node: %v", err)
	}
	t.Cleanup(func() { _ = n.Close() })
	token, err := n.DeployToken(ctx, 0, "USD Coin", "USDC", 6, big.NewInt(1e12))
	if err != nil {
		t.Fatal(err)
	}
	to := n.Addrs[3]
	success, err := n.Mine(ctx, simnode.Tx{From: 0, To: &to, Value: ether(1)})
	if err != nil {
		t.Fatal(err)
	}
	tokenTx, err := n.Mine(ctx, simnode.Tx{From: 0, To: &token, Data: simnode.MustCalldata("transfer", n.Addrs[2], big.NewInt(5))})
	if err != nil {
		t.Fatal(err)
	}
	failer, err := n.DeployFailer(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	failedTx, err := n.Mine(ctx, simnode.Tx{From: 1, To: &failer, Data: simnode.MustCalldata("swapExpired", big.NewInt(1))})
	if err != nil {
		t.Fatal(err)
	}
	failed := failedTx.Hash()
	pendingTx, err := n.SendUnderpriced(ctx, 1, nil, ether(1))
	if err != nil {
		t.Fatal(err)
	}
	pending := pendingTx.Hash()
	// The replaced one: seen pending by a check (remembered), then replaced.
	memPath := filepath.Join(t.TempDir(), "pending.json")
	seed := profileEngine(t, memPath, nil, n.URL)
	replacedTx, err := n.SendUnderpriced(ctx, 3, nil, ether(1))
	if err != nil {
		t.Fatal(err)
	}
	replaced, feeCap, tip := replacedTx.Hash(), replacedTx.GasFeeCap(), replacedTx.GasTipCap()
	if rep, err := seed.Check(ctx, diagnose.Query{Kind: diagnose.KindTxHash, Ref: replaced.Hex(), Raw: replaced.Hex()}, diagnose.CheckOptions{}); err != nil || rep.Status != diagnose.StatusPending {
		t.Fatalf("seed check: %v %v", rep, err)
	}
	base, _ := n.BaseFee(ctx)
	if _, err := n.Mine(ctx, simnode.Tx{From: 3, To: &to, Nonce: simnode.Ptr(uint64(0)),
		FeeCap: maxBig(ReplacementMin(feeCap), new(big.Int).Mul(base, big.NewInt(3))), Tip: ReplacementMin(tip)}); err != nil {
		t.Fatal(err)
	}
	mem, err := os.ReadFile(memPath)
	if err != nil {
		t.Fatal(err)
	}
	return &profileWorld{node: n, memory: mem, cases: []statusCase{
		{"success", success.Hash(), diagnose.StatusSuccess},
		{"token transfer", tokenTx.Hash(), diagnose.StatusSuccess},
		{"failed with reason", failed, diagnose.StatusFailed},
		{"pending", pending, diagnose.StatusPending},
		{"not found", crypto.Keccak256Hash([]byte("never sent")), diagnose.StatusNotFound},
		{"replaced", replaced, diagnose.StatusReplaced},
	}}
}

// profileEngine builds an engine on a test chain whose endpoints are
// endpoints, with the memory file at memPath and a fixed clock.
func profileEngine(t testing.TB, memPath string, reg *chains.Registry, endpoints ...string) *Backend {
	t.Helper()
	return chainEngine(t, 1337, memPath, reg, endpoints...)
}

func chainEngine(t testing.TB, chainID uint64, memPath string, reg *chains.Registry, endpoints ...string) *Backend {
	t.Helper()
	if reg == nil {
		reg = chains.MustDefault()
	}
	test := chains.Chain{ID: chainID, Name: "Test chain", Symbol: "ETH", Explorer: "https://explorer.invalid", Endpoints: endpoints}
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	var caps *noderpc.CapMemory
	if memPath != "" {
		caps = noderpc.NewCapMemory(filepath.Join(filepath.Dir(memPath), "endpoints.json"), nil, nil)
	}
	e, err := New(Config{Registry: reg.With(test), Endpoints: endpoints, Timeout: 20 * time.Second,
		Memory: diagnose.NewMemory(memPath), Caps: caps, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// check runs one check with a fresh copy of the world's memory.
func (w *profileWorld) check(t *testing.T, c statusCase, reg *chains.Registry, endpoints ...string) *diagnose.Report {
	t.Helper()
	memPath := filepath.Join(t.TempDir(), "pending.json")
	if err := os.WriteFile(memPath, w.memory, 0o600); err != nil {
		t.Fatal(err)
	}
	rep, err := profileEngine(t, memPath, reg, endpoints...).Check(context.Background(), diagnose.Query{Kind: diagnose.KindTxHash, Ref: c.hash.Hex(), Raw: c.hash.Hex()}, diagnose.CheckOptions{})
	if err != nil {
		t.Fatalf("%s: check: %v (exit would not be 0)", c.name, err)
	}
	wantStatus(t, rep, c.status)
	return rep
}

// comparable is a report without what depends on who answered: the
// searched rows and the rpc_degraded finding.
func comparable(t *testing.T, rep *diagnose.Report) map[string]any {
	t.Helper()
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "searched")
	var kept []any
	for _, f := range m["findings"].([]any) {
		if f.(map[string]any)["code"] != string(diagnose.CodeRPCDegraded) {
			kept = append(kept, f)
		}
	}
	m["findings"] = kept
	return m
}

// TestEveryStatusThroughEveryProfile: whatever an operator's endpoint
// refuses, and however, the report is the one the plain node gives.
func TestEveryStatusThroughEveryProfile(t *testing.T) {
	w := newProfileWorld(t)
	plain := map[string]map[string]any{}
	for _, c := range w.cases {
		plain[c.name] = comparable(t, w.check(t, c, nil, w.node.URL))
	}
	for _, p := range opemu.Profiles() {
		t.Run(string(p), func(t *testing.T) {
			for _, c := range w.cases {
				// proxyd's limit is the operator's: 3 here, so that the
				// plans (≤ 10 calls) pass it.
				emu, err := opemu.Start(w.node.URL, p, opemu.Options{Limit: map[opemu.Profile]int{opemu.Proxyd: 3}[p]})
				if err != nil {
					t.Fatal(err)
				}
				endpoints := []string{emu.URL}
				if p == opemu.PublicNodeArchive {
					// The state of old blocks lives elsewhere: a slower
					// endpoint that has it.
					archive, err := opemu.Start(w.node.URL, opemu.Plain, opemu.Options{Latency: 150 * time.Millisecond})
					if err != nil {
						t.Fatal(err)
					}
					defer archive.Close()
					endpoints = append(endpoints, archive.URL)
				}
				got := comparable(t, w.check(t, c, nil, endpoints...))
				if !reflect.DeepEqual(got, plain[c.name]) {
					a, _ := json.MarshalIndent(got, "", " ")
					b, _ := json.MarshalIndent(plain[c.name], "", " ")
					t.Errorf("%s through %s:\n%s\nplain node:\n%s", c.name, p, a, b)
				}
				if (p != opemu.PublicNodeArchive || c.status == diagnose.StatusFailed) && refusedNothing(emu.Log()) {
					t.Errorf("%s: the %s emulator refused nothing: the test proves nothing", c.name, p)
				}
				emu.Close()
			}
		})
	}
}

// refusedNothing reports whether an emulator let every request through.
func refusedNothing(log []opemu.Entry) bool {
	for _, e := range log {
		if e.Refused {
			return false
		}
	}
	return true
}

// TestReplayGoesWhereTheStateIs: PublicNode refuses the failed tx's old
// block; the replay goes to the endpoint that has it, and when none has
// it, the report says state_unavailable and who refused.
func TestReplayGoesWhereTheStateIs(t *testing.T) {
	w := newProfileWorld(t)
	failed := w.cases[2]
	emu, err := opemu.Start(w.node.URL, opemu.PublicNodeArchive, opemu.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer emu.Close()
	memPath := filepath.Join(t.TempDir(), "pending.json")
	rep, err := profileEngine(t, memPath, nil, emu.URL).Check(context.Background(), diagnose.Query{Kind: diagnose.KindTxHash, Ref: failed.hash.Hex(), Raw: failed.hash.Hex()}, diagnose.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	wantStatus(t, rep, diagnose.StatusFailed)
	su := mustFinding(t, rep, diagnose.CodeStateUnavailable)
	if !strings.Contains(su.Data["refused_by"], emu.URL) || !strings.Contains(su.Detail, emu.URL) || !strings.Contains(su.Detail, "no old state") {
		t.Errorf("state_unavailable does not name who refused and why: %+v", su)
	}
	diagnose.LocalizeFindings(rep.Findings, "zh")
	if su := mustFinding(t, rep, diagnose.CodeStateUnavailable); !strings.Contains(su.Detail, "没有历史状态") {
		t.Errorf("zh: %+v", su)
	}
	caps := noderpc.NewCapMemory(filepath.Join(filepath.Dir(memPath), "endpoints.json"), nil, nil)
	if !caps.RefusedState(strings.TrimPrefix(emu.URL, "http://")) {
		t.Error("the state refusal is not remembered for the next run")
	}
	deg := mustFinding(t, rep, diagnose.CodeRPCDegraded)
	if b, _ := json.Marshal(deg); !strings.Contains(string(b), "could not replay") {
		t.Errorf("rpc_degraded does not say who refused the replay: %s", b)
	}
	refused := 0
	for _, e := range emu.Log() {
		if e.Status == 403 {
			refused++
		}
	}
	if refused == 0 {
		t.Error("the emulator never refused the replay")
	}
	if rep.Revert != nil {
		t.Errorf("a guessed reason: %+v", rep.Revert)
	}
}

// TestCappedEndpointTwoRounds: through an endpoint that takes 3 calls
// (known from the host facts), every check costs at most 2 rounds of
// latency, whatever the number of requests: parts go out together.
func TestCappedEndpointTwoRounds(t *testing.T) {
	w := newProfileWorld(t)
	for _, c := range w.cases {
		t.Run(c.name, func(t *testing.T) {
			emu, err := opemu.Start(w.node.URL, opemu.DRPC, opemu.Options{Latency: 20 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			defer emu.Close()
			host := strings.TrimPrefix(emu.URL, "http://")
			reg := chains.MustDefault().WithHost(chains.HostFacts{Host: host, BatchCap: 3, CapSource: "test: dRPC's documented cap",
				Archive: chains.ArchiveUnknown, ArchiveSource: "test"})
			w.check(t, c, reg, emu.URL)
			log := emu.Log()
			if r := opemu.Rounds(log); r > 2 {
				t.Errorf("%d rounds of latency (%d requests), want ≤ 2", r, len(log))
			}
			for _, e := range log {
				if e.Calls > 3 || e.Status != 200 {
					t.Errorf("a request of %d calls, status %d: the cap was not used", e.Calls, e.Status)
				}
			}
			if c.status != diagnose.StatusNotFound && len(log) < 3 {
				t.Errorf("%d requests: the plan was never split", len(log))
			}
		})
	}
}

// TestAnvilThroughEveryProfile: the same through anvil, a second node
// implementation (its revert and error shapes differ from geth's).
func TestAnvilThroughEveryProfile(t *testing.T) {
	a := startAnvil(t, 31337)
	failer := a.deployFailer(t)
	ok := a.send(t, map[string]any{"from": a.accs[0], "to": a.accs[1], "value": (*hexutil.Big)(big.NewInt(1e18))})
	reverted := a.send(t, map[string]any{"from": a.accs[1], "to": failer, "gas": "0x30d40",
		"data": hexutil.Bytes(simnode.MustCalldata("swapExpired", big.NewInt(1)))})
	a.mine(t)
	pending := a.send(t, map[string]any{"from": a.accs[2], "to": a.accs[1], "value": (*hexutil.Big)(big.NewInt(1))})
	cases := []statusCase{
		{"success", ok, diagnose.StatusSuccess}, {"failed with reason", reverted, diagnose.StatusFailed},
		{"pending", pending, diagnose.StatusPending}, {"not found", crypto.Keccak256Hash([]byte("anvil profiles")), diagnose.StatusNotFound},
	}
	check := func(t *testing.T, c statusCase, endpoints ...string) map[string]any {
		t.Helper()
		rep, err := chainEngine(t, 31337, "", nil, endpoints...).Check(context.Background(), diagnose.Query{Kind: diagnose.KindTxHash, Ref: c.hash.Hex(), Raw: c.hash.Hex()}, diagnose.CheckOptions{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		wantStatus(t, rep, c.status)
		return comparable(t, rep)
	}
	for _, p := range opemu.Profiles() {
		t.Run(string(p), func(t *testing.T) {
			for _, c := range cases {
				emu, err := opemu.Start(a.url, p, opemu.Options{Limit: map[opemu.Profile]int{opemu.Proxyd: 3}[p]})
				if err != nil {
					t.Fatal(err)
				}
				endpoints := []string{emu.URL}
				if p == opemu.PublicNodeArchive {
					archive, err := opemu.Start(a.url, opemu.Plain, opemu.Options{Latency: 150 * time.Millisecond})
					if err != nil {
						t.Fatal(err)
					}
					defer archive.Close()
					endpoints = append(endpoints, archive.URL)
				}
				if got, want := check(t, c, endpoints...), check(t, c, a.url); !reflect.DeepEqual(got, want) {
					t.Errorf("%s through %s:\n%v\nplain anvil:\n%v", c.name, p, got, want)
				}
				emu.Close()
			}
		})
	}
}
