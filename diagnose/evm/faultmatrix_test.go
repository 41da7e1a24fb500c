package evm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/internal/faultproxy"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// Matrix settings: a short check timeout, a small body cap (the oversize
// injector pads past it), and a healthy endpoint slow enough that the
// faulty one always answers first, so that its fault is what `searched`
// shows rather than "not needed".
const (
	matrixTimeout = 1500 * time.Millisecond
	matrixMaxBody = 256 << 10
	matrixPad     = 512 << 10
	healthyDelay  = 100 * time.Millisecond
	// matrixHead is past staleBlocks, so that a node reporting a head far
	// below it is recognisably stale.
	matrixHead = staleBlocks + 16
)

type txKind string

const (
	kindSuccess  txKind = "success"
	kindPending  txKind = "pending"
	kindNotFound txKind = "not-found"
)

// cellWant is the outcome of one cell.
type cellWant struct {
	status   diagnose.Status
	noAnswer bool   // Check returns a *NoAnswerError (the CLI exits 3)
	result   string // the faulty endpoint's `searched` row: found, absent or error
	fault    string // its fault, when result is error
}

// matrixRow says how one fault shows. Cells that differ from the rule
// ("with a healthy endpoint the verdict stands; alone, unknown and no
// answer") are spelled out in want.
type matrixRow struct {
	fault faultproxy.Fault
	shows string // the fault in `searched`
	want  func(k txKind, healthy bool, truth diagnose.Status) (cellWant, bool)
}

func matrixRows(t *testing.T) []matrixRow {
	rows := []matrixRow{
		{fault: faultproxy.Hang, shows: "timeout", want: func(k txKind, healthy bool, truth diagnose.Status) (cellWant, bool) {
			if healthy && k != kindNotFound { // the healthy node found it: the hanging request was stopped
				return cellWant{status: truth, result: "error", fault: "cancelled"}, true
			}
			return cellWant{}, false
		}},
		{fault: faultproxy.Refuse, shows: "refused"},
		{fault: faultproxy.Reset, shows: "reset"},
		{fault: faultproxy.RateLimit, shows: "rate_limited"},
		{fault: faultproxy.ServerError, shows: "server_error"},
		{fault: faultproxy.BadGateway, shows: "server_error"},
		{fault: faultproxy.Malformed, shows: "malformed"},
		{fault: faultproxy.RPCError, shows: "rpc_error"},
		{fault: faultproxy.WrongChain, shows: "wrong_chain"},
		{fault: faultproxy.Oversize, shows: "too_large"},
		{fault: faultproxy.Contradiction, shows: "contradiction", want: func(k txKind, _ bool, truth diagnose.Status) (cellWant, bool) {
			if k == kindNotFound { // nothing to contradict: its "null" is the truth
				return cellWant{status: truth, result: "absent"}, true
			}
			return cellWant{}, false
		}},
		{fault: faultproxy.Stale, shows: "stale", want: func(k txKind, healthy bool, _ diagnose.Status) (cellWant, bool) {
			if !healthy { // nothing to compare its head with: not found, never a verdict beyond that
				return cellWant{status: diagnose.StatusNotFound, result: "absent"}, true
			}
			return cellWant{}, false
		}},
		{fault: faultproxy.Indexing, shows: "indexing", want: func(_ txKind, healthy bool, _ diagnose.Status) (cellWant, bool) {
			if !healthy { // a state, not a failure to answer
				return cellWant{status: diagnose.StatusUnknown, result: "error", fault: "indexing"}, true
			}
			return cellWant{}, false
		}},
	}
	if len(rows) != len(faultproxy.Faults()) {
		t.Fatalf("%d matrix rows for %d faults", len(rows), len(faultproxy.Faults()))
	}
	return rows
}

func (r matrixRow) cell(k txKind, healthy bool, truth diagnose.Status) cellWant {
	if r.want != nil {
		if w, ok := r.want(k, healthy, truth); ok {
			return w
		}
	}
	if healthy {
		return cellWant{status: truth, result: "error", fault: r.shows}
	}
	return cellWant{status: diagnose.StatusUnknown, noAnswer: true, result: "error", fault: r.shows}
}

// TestFaultMatrix runs every fault × {success, pending, not found} ×
// {with, without a healthy endpoint of the same chain} against real HTTP
// servers on loopback: the fault injector in front of a simulated geth
// node, and the node itself (behind a delay-only proxy) as the healthy one.
func TestFaultMatrix(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	for range matrixHead {
		n.Commit()
	}
	to := n.Addrs[1]
	mined, err := n.Mine(ctx, simnode.Tx{From: 0, To: &to, Value: ether(1)})
	if err != nil {
		t.Fatal(err)
	}
	pending, _, _ := sendUnderpriced(t, n, 2, nil, ether(1))
	txs := []struct {
		kind  txKind
		hash  common.Hash
		truth diagnose.Status
	}{
		{kindSuccess, mined.Hash(), diagnose.StatusSuccess},
		{kindPending, pending, diagnose.StatusPending},
		{kindNotFound, crypto.Keccak256Hash([]byte("fault matrix: never sent")), diagnose.StatusNotFound},
	}
	runCell(t, n.URL, faultproxy.None, false, txs[0].hash) // warm up lazily started machinery
	for _, row := range matrixRows(t) {
		for _, tx := range txs {
			for _, healthy := range []bool{true, false} {
				name := fmt.Sprintf("%s/%s/healthy=%v", row.fault, tx.kind, healthy)
				t.Run(name, func(t *testing.T) {
					want := row.cell(tx.kind, healthy, tx.truth)
					got := runCell(t, n.URL, row.fault, healthy, tx.hash)
					got.verify(t, want, tx.hash)
					t.Logf("cell\t%s\t%s\t%v\t%s\t%s\t%d ms\t%v", row.fault, tx.kind, healthy, got.rep.Status,
						got.faultyRow(), got.elapsed.Milliseconds(), got.err != nil)
				})
			}
		}
	}
}

type cellResult struct {
	rep     *diagnose.Report
	err     error
	elapsed time.Duration
	faulty  string
}

// runCell runs one check with fresh proxies and a fresh HTTP client, and
// fails if it panics, overruns the timeout by a second, or leaves a
// goroutine behind once its connections are closed.
func runCell(t *testing.T, node string, fault faultproxy.Fault, healthy bool, hash common.Hash) (res cellResult) {
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
	test := chains.Chain{ID: 1337, Name: "Test chain", Symbol: "ETH", Explorer: "https://explorer.invalid", Endpoints: endpoints}
	hc := noderpc.NewHTTPClient()
	e, err := New(Config{Registry: chains.MustDefault().With(test), Endpoints: endpoints, HTTP: hc,
		Timeout: matrixTimeout, MaxBody: matrixMaxBody})
	if err != nil {
		t.Fatal(err)
	}
	res.faulty = faulty.URL()
	start := time.Now()
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("check panicked: %v", p)
			}
		}()
		res.rep, res.err = e.Check(context.Background(), diagnose.Query{Kind: diagnose.KindTxHash, Ref: hash.Hex(), Raw: hash.Hex()}, diagnose.CheckOptions{})
	}()
	res.elapsed = time.Since(start)
	hc.CloseIdleConnections()
	faulty.Close()
	if good != nil {
		good.Close()
	}
	if leaked := settleGoroutines(before, 3*time.Second); leaked != "" {
		t.Fatalf("goroutines left behind:\n%s", leaked)
	}
	return res
}

// settleGoroutines polls until no more goroutines run than before, and
// otherwise returns their stacks.
func settleGoroutines(before int, within time.Duration) string {
	deadline := time.Now().Add(within)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			var b bytes.Buffer
			_ = pprof.Lookup("goroutine").WriteTo(&b, 1)
			return fmt.Sprintf("%d goroutines, %d before\n%s", runtime.NumGoroutine(), before, b.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	return ""
}

// faultyRow is the faulty endpoint's `searched` row in short.
func (got cellResult) faultyRow() string {
	for _, s := range got.rep.Searched {
		if s.Endpoint == got.faulty {
			return strings.TrimSuffix(s.Result+" "+s.Fault, " ")
		}
	}
	return "missing"
}

func (got cellResult) verify(t *testing.T, want cellWant, hash common.Hash) {
	t.Helper()
	if got.elapsed > matrixTimeout+time.Second {
		t.Errorf("took %v, want at most %v", got.elapsed, matrixTimeout+time.Second)
	}
	var na *diagnose.NoAnswerError
	switch {
	case want.noAnswer && !errors.As(got.err, &na):
		t.Fatalf("err = %v, want a NoAnswerError", got.err)
	case !want.noAnswer && got.err != nil:
		t.Fatalf("err = %v, want none", got.err)
	case want.noAnswer:
		plainMessage(t, na.Error())
	}
	if got.rep == nil {
		t.Fatal("no report")
	}
	wantStatus(t, got.rep, want.status)
	if (want.status == diagnose.StatusSuccess || want.status == diagnose.StatusPending) && (got.rep.Tx == nil || got.rep.Tx.Hash != hash.Hex()) {
		t.Errorf("tx = %+v, want %s", got.rep.Tx, hash.Hex())
	}
	var row *diagnose.Searched
	for i := range got.rep.Searched {
		if got.rep.Searched[i].Endpoint == got.faulty {
			row = &got.rep.Searched[i]
		}
	}
	switch {
	case row == nil:
		t.Errorf("searched does not name the faulty endpoint %s: %+v", got.faulty, got.rep.Searched)
	case row.Result != want.result || row.Fault != want.fault:
		t.Errorf("faulty endpoint: result %q fault %q (%s), want %q %q", row.Result, row.Fault, row.Error, want.result, want.fault)
	case row.Result == "error" && row.Error == "":
		t.Errorf("faulty endpoint's row gives no reason: %+v", row)
	}
	for _, lang := range []string{"en", "zh"} {
		diagnose.Localize(got.rep, lang)
		for _, f := range got.rep.Findings {
			if unfilled.MatchString(f.Title) || unfilled.MatchString(f.Detail) {
				t.Errorf("finding %s (%s) has an unfilled placeholder: %q / %q", f.Code, lang, f.Title, f.Detail)
			}
			if lang == "zh" && englishNote.MatchString(f.Detail) {
				t.Errorf("finding %s in Chinese has English words: %q", f.Code, f.Detail)
			}
		}
	}
}

// englishNote matches the English words of a Note (see Note.Words).
var englishNote = regexp.MustCompile(`follow-up|could not be read|went to`)

// unfilled matches the "?" that stands in for a missing placeholder value.
var unfilled = regexp.MustCompile(`(^|[\s:：(（。])\?([\s.。)）]|$)`)

// plainMessage: what a user reads when no node answered names no
// addresses, Go errors or protocol details, and says what to do.
func plainMessage(t *testing.T, msg string) {
	t.Helper()
	if !strings.Contains(msg, "try again") {
		t.Errorf("message %q does not say what to do", msg)
	}
	for _, jargon := range []string{"127.0.0.1", "dial tcp", "EOF", "json", "unmarshal", "0x", "%!", "context deadline", "<html", "_"} {
		if strings.Contains(msg, jargon) {
			t.Errorf("message %q contains %q", msg, jargon)
		}
	}
}

func TestNoteWords(t *testing.T) {
	notes := []Note{
		{Kind: NoteElsewhere, Endpoint: "https://rpc.example"},
		{Kind: NoteFollowUpFailed, Fault: noderpc.FaultTimeout, Reason: "the endpoint did not answer in time"},
		{Kind: NoteScanFailed},
	}
	for _, n := range notes {
		en, zh := n.Words("en"), n.Words("zh")
		if en == "" || zh == "" || englishNote.MatchString(zh) || !englishNote.MatchString(en) {
			t.Errorf("note %+v: en %q, zh %q", n, en, zh)
		}
	}
	rep := &diagnose.Report{}
	e := &Backend{}
	e.noteDegraded(rep, nil, &Facts{Degraded: notes})
	diagnose.LocalizeFindings(rep.Findings, "zh")
	if len(rep.Findings) != 1 || englishNote.MatchString(rep.Findings[0].Detail) || !strings.Contains(rep.Findings[0].Detail, "响应太慢") {
		t.Errorf("zh rpc_degraded: %+v", rep.Findings)
	}
	diagnose.LocalizeFindings(rep.Findings, "en")
	if !strings.Contains(rep.Findings[0].Detail, "did not answer in time") {
		t.Errorf("en rpc_degraded: %+v", rep.Findings)
	}
}
