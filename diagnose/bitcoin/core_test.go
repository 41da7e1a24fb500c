package bitcoin

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/btcdnode"
)

// These tests ask a real btcd v0.26.2 regtest node through the Bitcoin
// Core JSON-RPC path, one per finding, with real signed transactions.

func coreBackend(n *btcdnode.Node, now func() time.Time) *Backend {
	return New(Config{RPC: []string{n.URL()}, Memory: diagnose.NewMemory(""), Now: now})
}

// checkTx runs one check and holds it to the contract: no error, at most
// two round trips per endpoint, credentials never printed.
func checkTx(t *testing.T, b *Backend, txid string) *diagnose.Report {
	t.Helper()
	rep, err := b.Check(context.Background(), diagnose.Query{Raw: txid, Ref: txid, Family: diagnose.FamilyBitcoin}, diagnose.CheckOptions{})
	if err != nil {
		t.Fatalf("Check(%s): %v", txid, err)
	}
	out, _ := json.Marshal(rep)
	if strings.Contains(string(out), "regtest-only") {
		t.Fatalf("the RPC password leaked into the report: %s", out)
	}
	for _, s := range rep.Searched {
		if s.Requests > 2 {
			t.Errorf("%s: %d requests, want at most 2 round trips", s.Endpoint, s.Requests)
		}
		if !strings.Contains(s.Endpoint, "***@127.0.0.1") {
			t.Errorf("endpoint printed as %q, want credentials redacted", s.Endpoint)
		}
	}
	return rep
}

func finding(t *testing.T, rep *diagnose.Report, code diagnose.Code) *diagnose.Finding {
	t.Helper()
	for i := range rep.Findings {
		if rep.Findings[i].Code == code {
			return &rep.Findings[i]
		}
	}
	t.Fatalf("no %s finding in %+v", code, rep.Findings)
	return nil
}

func noFinding(t *testing.T, rep *diagnose.Report, code diagnose.Code) {
	t.Helper()
	if rep.Has(code) {
		t.Errorf("unexpected %s finding: %+v", code, rep.Findings)
	}
}

func TestCoreConfirmedLowConfirmations(t *testing.T) {
	n := btcdnode.Start(t)
	id := n.MustSend(n.Pay(n.NextCoin(), n.Wallet.Script(), 1100, btcdnode.SeqFinal))
	n.Generate(1)
	b := coreBackend(n, nil)
	rep := checkTx(t, b, id)
	if rep.Status != diagnose.StatusSuccess || rep.Confirmations != 1 {
		t.Fatalf("status %s, %d confirmations; want success, 1", rep.Status, rep.Confirmations)
	}
	f := finding(t, rep, diagnose.CodeLowConfirmations)
	if f.Data["confirmations"] != "1" || f.Data["target"] != "3" {
		t.Errorf("low_confirmations data = %v", f.Data)
	}
	n.Generate(2)
	rep = checkTx(t, b, id)
	if rep.Confirmations != 3 {
		t.Errorf("confirmations = %d, want 3", rep.Confirmations)
	}
	noFinding(t, rep, diagnose.CodeLowConfirmations)
	if rep.Bitcoin.VSize != 110 {
		t.Errorf("vsize = %d, want 110", rep.Bitcoin.VSize)
	}
}

// TestCoreRBFExactMinimum: the minimum the report gives is exactly what
// the node accepts: one satoshi less is refused with the node's own words.
func TestCoreRBFExactMinimum(t *testing.T) {
	n := btcdnode.Start(t)
	coin := n.NextCoin()
	id := n.MustSend(n.Pay(coin, n.Wallet.Script(), 110, btcdnode.SeqRBF))
	rep := checkTx(t, coreBackend(n, nil), id)
	if rep.Status != diagnose.StatusPending || rep.Bitcoin.FeeSat != 110 || rep.Bitcoin.VSize != 110 || !rep.Bitcoin.RBFSignaled {
		t.Fatalf("report = %s %+v", rep.Status, rep.Bitcoin)
	}
	f := finding(t, rep, diagnose.CodeRBFAvailable)
	if f.Data["variant"] != "signalled_assumed" || rep.Bitcoin.RBFMinFeeSat != 220 {
		t.Fatalf("rbf_available %v, min fee %d; want signalled_assumed, 220", f.Data, rep.Bitcoin.RBFMinFeeSat)
	}
	if !rep.Has(diagnose.CodeRPCDegraded) || !strings.Contains(findingVariants(rep), "bitcoin_floor_assumed") {
		t.Errorf("the report does not say the floor was assumed: %+v", rep.Findings)
	}
	_, err := n.Send(n.Pay(coin, n.Wallet.Script(), 160, btcdnode.SeqRBF))
	if err == nil || !strings.Contains(err.Error(), "insufficient absolute fee: needs 220, has 160") {
		t.Fatalf("a too-small bump: %v; want the node's refusal naming 220", err)
	}
	_, err = n.Send(n.Pay(coin, n.Wallet.Script(), rep.Bitcoin.RBFMinFeeSat-1, btcdnode.SeqRBF))
	if err == nil {
		t.Fatal("one satoshi below the reported minimum was accepted")
	}
	n.MustSend(n.Pay(coin, n.Wallet.Script(), rep.Bitcoin.RBFMinFeeSat, btcdnode.SeqRBF))
}

func findingVariants(rep *diagnose.Report) string {
	var v []string
	for _, f := range rep.Findings {
		v = append(v, f.Data["variant"])
	}
	return strings.Join(v, ",")
}

func TestCoreUnsignalledNotReplaceableOnBtcd(t *testing.T) {
	n := btcdnode.Start(t)
	coin := n.NextCoin()
	id := n.MustSend(n.Pay(coin, n.Wallet.Script(), 220, btcdnode.SeqFinal))
	rep := checkTx(t, coreBackend(n, nil), id)
	if rep.Bitcoin.RBFSignaled {
		t.Fatal("a final-sequence tx reported as signalling")
	}
	if f := finding(t, rep, diagnose.CodeRBFAvailable); f.Data["variant"] != "unsignalled_assumed" {
		t.Errorf("variant = %q", f.Data["variant"])
	}
	// btcd is not a full-RBF node: that is why the report hedges.
	_, err := n.Send(n.Pay(coin, n.Wallet.Script(), 1000, btcdnode.SeqFinal))
	if err == nil || !strings.Contains(err.Error(), "already spent in mempool") {
		t.Fatalf("replacing a non-signalling tx on btcd: %v", err)
	}
}

func TestCoreUnderpricedAndCPFP(t *testing.T) {
	n := btcdnode.Start(t)
	n.PrimeFeeEstimator(8, 20)
	id := n.MustSend(n.Pay(n.NextCoin(), n.Wallet.Script(), 220, btcdnode.SeqRBF))
	rep := checkTx(t, coreBackend(n, nil), id)
	if rep.Bitcoin.NextBlockFeeRateSatVB != 20 || rep.Bitcoin.FeeRateSatVB != 2 {
		t.Fatalf("rates = %+v; want next 20, own 2", rep.Bitcoin)
	}
	u := finding(t, rep, diagnose.CodeUnderpriced)
	if u.Data["source"] != "estimatefee" || u.Guide != "btc-rbf" {
		t.Errorf("underpriced = %+v", u)
	}
	if !strings.Contains(findingVariants(rep), "bitcoin_estimates") {
		t.Error("the report does not say the next-block rate is an estimate")
	}
	c := finding(t, rep, diagnose.CodeCPFPAvailable)
	// 20 sat/vB × (110 + 110) − 220.
	if rep.Bitcoin.CPFPChildFeeSat != 4180 || c.Data["child_vsize"] != "110" {
		t.Fatalf("cpfp = %d %v; want 4180 with a 110 vB child", rep.Bitcoin.CPFPChildFeeSat, c.Data)
	}
	parent := btcdnode.Coin{Txid: id, Vout: 0, Value: 50e8 - 220}
	child := n.Pay(parent, n.Wallet.Script(), rep.Bitcoin.CPFPChildFeeSat, btcdnode.SeqRBF)
	if child.Msg.SerializeSizeStripped()*3+child.Msg.SerializeSize() > 4*110 {
		t.Fatalf("the child is larger than the 110 vB assumed")
	}
	n.MustSend(child)
}

func TestCoreUnconfirmedParentAndDescendantFees(t *testing.T) {
	n := btcdnode.Start(t)
	coin := n.NextCoin()
	pid := n.MustSend(n.Pay(coin, n.Wallet.Script(), 110, btcdnode.SeqRBF))
	cid := n.MustSend(n.Pay(btcdnode.Coin{Txid: pid, Vout: 0, Value: coin.Value - 110}, n.Wallet.Script(), 550, btcdnode.SeqRBF))
	b := coreBackend(n, nil)
	rep := checkTx(t, b, cid)
	f := finding(t, rep, diagnose.CodeUnconfirmedParent)
	if f.Data["parent"] != pid || f.Data["count"] != "1" {
		t.Errorf("unconfirmed_parent = %v, want parent %s", f.Data, pid)
	}
	// Replacing the parent evicts the child too: the minimum pays for both.
	rep = checkTx(t, b, pid)
	want := int64(110 + 550 + 110)
	if rep.Bitcoin.RBFMinFeeSat != want {
		t.Fatalf("parent's RBF minimum = %d, want %d", rep.Bitcoin.RBFMinFeeSat, want)
	}
	if _, err := n.Send(n.Pay(coin, n.Wallet.Script(), want-1, btcdnode.SeqRBF)); err == nil {
		t.Fatal("a bump one satoshi below the minimum was accepted")
	}
	n.MustSend(n.Pay(coin, n.Wallet.Script(), want, btcdnode.SeqRBF))
}

func TestCoreBelowMinRelay(t *testing.T) {
	n := btcdnode.Start(t)
	// btcd relays a low-fee spend of an old coin by priority.
	id := n.MustSend(n.Pay(n.NextCoin(), n.Wallet.Script(), 50, btcdnode.SeqRBF))
	rep := checkTx(t, coreBackend(n, nil), id)
	f := finding(t, rep, diagnose.CodeBelowMinRelay)
	if f.Data["variant"] != "assumed" || f.Data["min_rate"] != "1" || f.Severity != diagnose.SevError {
		t.Errorf("below_min_relay = %+v", f)
	}
}

func TestCoreReplaced(t *testing.T) {
	n := btcdnode.Start(t)
	coin := n.NextCoin()
	old := n.MustSend(n.Pay(coin, n.Wallet.Script(), 110, btcdnode.SeqRBF))
	b := coreBackend(n, nil)
	if rep := checkTx(t, b, old); rep.Status != diagnose.StatusPending {
		t.Fatalf("status %s, want pending", rep.Status)
	}
	bump := n.MustSend(n.Pay(coin, n.Wallet.Script(), 550, btcdnode.SeqRBF))
	rep := checkTx(t, b, old)
	if rep.Status != diagnose.StatusReplaced || rep.Bitcoin.ReplacedBy != bump {
		t.Fatalf("status %s replaced by %q; want replaced by %s", rep.Status, rep.Bitcoin.ReplacedBy, bump)
	}
	if f := finding(t, rep, diagnose.CodeReplaced); f.Data["replacement"] != bump || f.Data["variant"] != "bitcoin" {
		t.Errorf("replaced = %v", f.Data)
	}
}

// TestCoreReplacedAcrossRuns: the inputs of a transaction seen pending
// are remembered in the memory file, so a later run (a new backend, a new
// memory over the same file) still tells "replaced" (by what, while the
// replacement waits), and "replaced", never "dropped", once it is mined.
// A second transaction of the same wallet, pending beside it, is
// remembered on its own and still reads pending.
func TestCoreReplacedAcrossRuns(t *testing.T) {
	n := btcdnode.Start(t)
	path := filepath.Join(t.TempDir(), "memory.json")
	run := func() *Backend { return New(Config{RPC: []string{n.URL()}, Memory: diagnose.NewMemory(path)}) }
	coin, other := n.NextCoin(), n.NextCoin()
	old := n.MustSend(n.Pay(coin, n.Wallet.Script(), 110, btcdnode.SeqRBF))
	beside := n.MustSend(n.Pay(other, n.Wallet.Script(), 110, btcdnode.SeqRBF))
	for _, txid := range []string{old, beside} {
		if rep := checkTx(t, run(), txid); rep.Status != diagnose.StatusPending {
			t.Fatalf("%s: status %s, want pending", txid, rep.Status)
		}
	}
	bump := n.MustSend(n.Pay(coin, n.Wallet.Script(), 550, btcdnode.SeqRBF))
	rep := checkTx(t, run(), old)
	if rep.Status != diagnose.StatusReplaced || rep.Bitcoin.ReplacedBy != bump {
		t.Fatalf("next run: status %s replaced by %q; want replaced by %s", rep.Status, rep.Bitcoin.ReplacedBy, bump)
	}
	if rep := checkTx(t, run(), beside); rep.Status != diagnose.StatusPending {
		t.Errorf("the transaction beside it: status %s, want still pending", rep.Status)
	}
	n.Generate(1)
	rep = checkTx(t, run(), old)
	if f := finding(t, rep, diagnose.CodeReplaced); rep.Status != diagnose.StatusReplaced || f.Data["variant"] != "bitcoin_spent" {
		t.Fatalf("after the replacement is mined: status %s, %v", rep.Status, f.Data)
	}
	noFinding(t, rep, diagnose.CodeDropped)
	// Without the file, the same run can only say it is not found.
	if rep := checkTx(t, New(Config{RPC: []string{n.URL()}, Memory: diagnose.NewMemory("")}), old); rep.Status != diagnose.StatusNotFound {
		t.Errorf("with no memory: status %s, want not_found", rep.Status)
	}
	// A check that finds it confirmed forgets the transaction.
	if rep := checkTx(t, run(), beside); rep.Status != diagnose.StatusSuccess {
		t.Errorf("the transaction beside it, mined: status %s", rep.Status)
	}
	if ins := recall(diagnose.NewMemory(path), beside); ins != nil {
		t.Errorf("a confirmed transaction is still remembered: %v", ins)
	}
}

func TestCoreDoubleSpent(t *testing.T) {
	n := btcdnode.Start(t)
	coin := n.NextCoin()
	old := n.MustSend(n.Pay(coin, n.Wallet.Script(), 110, btcdnode.SeqRBF))
	b := coreBackend(n, nil)
	checkTx(t, b, old)
	other, err := btcdnode.NewWallet()
	if err != nil {
		t.Fatal(err)
	}
	n.MustSend(n.Pay(coin, other.Script(), 1000, btcdnode.SeqRBF))
	n.Generate(1)
	rep := checkTx(t, b, old)
	if rep.Status != diagnose.StatusReplaced {
		t.Fatalf("status %s, want replaced", rep.Status)
	}
	if f := finding(t, rep, diagnose.CodeReplaced); f.Data["variant"] != "bitcoin_spent" {
		t.Errorf("replaced = %v", f.Data)
	}
	noFinding(t, rep, diagnose.CodeDropped)
}

func TestCoreDropped(t *testing.T) {
	n := btcdnode.Start(t)
	// Signed but never reached this node (or the node forgot it): its
	// coin is still unspent, so it can still be broadcast.
	tx := n.Pay(n.NextCoin(), n.Wallet.Script(), 110, btcdnode.SeqRBF)
	b := coreBackend(n, nil)
	remember(b.cfg.Memory, tx.Txid(), []outpoint{{Txid: tx.Msg.TxIn[0].PreviousOutPoint.Hash.String(), Vout: 0}}, time.Now())
	rep := checkTx(t, b, tx.Txid())
	if rep.Status != diagnose.StatusDropped {
		t.Fatalf("status %s, want dropped", rep.Status)
	}
	if f := finding(t, rep, diagnose.CodeDropped); f.Guide != "btc-dropped" {
		t.Errorf("dropped guide = %q", f.Guide)
	}
	n.MustSend(tx) // still valid: re-broadcast works
}

func TestCoreNotFound(t *testing.T) {
	n := btcdnode.Start(t)
	rep := checkTx(t, coreBackend(n, nil), strings.Repeat("ab", 32))
	if rep.Status != diagnose.StatusNotFound {
		t.Fatalf("status %s, want not_found", rep.Status)
	}
	f := finding(t, rep, diagnose.CodeNotFound)
	if f.Guide != "btc-dropped" || !strings.Contains(f.Detail, "Do not send the payment again") {
		t.Errorf("not_found = %+v", f)
	}
}

func TestCoreExpiring(t *testing.T) {
	n := btcdnode.Start(t)
	id := n.MustSend(n.Pay(n.NextCoin(), n.Wallet.Script(), 220, btcdnode.SeqRBF))
	later := func() time.Time { return time.Now().Add(300 * time.Hour) }
	rep := checkTx(t, coreBackend(n, later), id)
	f := finding(t, rep, diagnose.CodeExpiring)
	if h := f.Data["hours_left"]; h != "35" && h != "36" {
		t.Errorf("hours_left = %s, want 35 or 36", h)
	}
	if rep := checkTx(t, coreBackend(n, nil), id); rep.Has(diagnose.CodeExpiring) {
		t.Error("a fresh tx reported as expiring")
	}
}
