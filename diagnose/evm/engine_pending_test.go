package evm

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// sendUnderpriced submits a transfer whose fee cap is half the base fee:
// geth keeps it pending and never mines it.
func sendUnderpriced(t *testing.T, n *simnode.Node, from int, nonce *uint64, value *big.Int) (hash common.Hash, feeCap, tip *big.Int) {
	t.Helper()
	tx, err := n.SendUnderpriced(context.Background(), from, nonce, value)
	if err != nil {
		t.Fatal(err)
	}
	return tx.Hash(), tx.GasFeeCap(), tx.GasTipCap()
}

func TestCheckPendingUnderpriced(t *testing.T) {
	n := startNode(t, 0)
	hash, feeCap, tip := sendUnderpriced(t, n, 1, nil, ether(1))
	rep := newEnv(t, n.URL).check(hash, diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusPending)
	f := mustFinding(t, rep, diagnose.CodeUnderpriced)
	if f.Data["fee_cap"] != gwei(feeCap) {
		t.Errorf("fee_cap = %s, want %s", f.Data["fee_cap"], gwei(feeCap))
	}
	wantFee := new(big.Int).Div(new(big.Int).Mul(feeCap, big.NewInt(110)), big.NewInt(100))
	wantTip := new(big.Int).Div(new(big.Int).Mul(tip, big.NewInt(110)), big.NewInt(100))
	if rep.Fees == nil || rep.Fees.ReplacementMinMaxFeeWei != wantFee.String() || rep.Fees.ReplacementMinTipWei != wantTip.String() {
		t.Errorf("fees = %+v, want min fee %s tip %s", rep.Fees, wantFee, wantTip)
	}
	next, _ := new(big.Int).SetString(rep.Fees.NextBaseFeeWei, 10)
	if next == nil || next.Cmp(feeCap) <= 0 {
		t.Errorf("next base fee %s should be above the fee cap %s", rep.Fees.NextBaseFeeWei, feeCap)
	}
	if findingOf(rep, diagnose.CodeNonceGap) != nil {
		t.Errorf("no gap expected: %v", codesOf(rep))
	}
}

func TestCheckPendingNonceGap(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	to := n.Addrs[3]
	tx, err := n.Send(ctx, simnode.Tx{From: 2, To: &to, Value: ether(1), Nonce: simnode.Ptr(uint64(2))})
	if err != nil {
		t.Fatal(err)
	}
	n.Commit()
	rep := newEnv(t, n.URL).check(tx.Hash(), diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusPending)
	f := mustFinding(t, rep, diagnose.CodeNonceGap)
	if f.Data["missing_nonce"] != "0" || f.Data["missing_count"] != "2" {
		t.Errorf("nonce_gap data = %v", f.Data)
	}
}

func TestCheckPendingLowTip(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	to := n.Addrs[3]
	for i := 0; i < 3; i++ {
		if _, err := n.Mine(ctx, simnode.Tx{From: 0, To: &to, Value: ether(1), Tip: big.NewInt(3 * simnode.Gwei)}); err != nil {
			t.Fatal(err)
		}
	}
	// Not committed: it waits in the pool with a tip far below recent blocks'.
	tx, err := n.Send(ctx, simnode.Tx{From: 1, To: &to, Value: ether(1), Tip: big.NewInt(simnode.Gwei / 10), FeeCap: big.NewInt(50 * simnode.Gwei)})
	if err != nil {
		t.Fatal(err)
	}
	rep := newEnv(t, n.URL).check(tx.Hash(), diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusPending)
	f := mustFinding(t, rep, diagnose.CodeLowTip)
	if f.Data["tip_p50"] != "3 gwei" || f.Data["tip"] != "0.1 gwei" {
		t.Errorf("low_tip data = %v", f.Data)
	}
	// The suggestion is a tip recent blocks paid, not the bare +10% minimum
	// (0.11 gwei), and a max fee built from it.
	if rep.Fees.SuggestedTipWei != "3000000000" || f.Data["suggested_tip"] != "3 gwei" || f.Data["min_tip"] != "0.11 gwei" {
		t.Errorf("suggested tip = %s (data %v)", rep.Fees.SuggestedTipWei, f.Data)
	}
	next, _ := new(big.Int).SetString(rep.Fees.NextBaseFeeWei, 10)
	wantMax := maxBig(big.NewInt(55*simnode.Gwei), new(big.Int).Add(new(big.Int).Mul(next, big.NewInt(2)), big.NewInt(3*simnode.Gwei)))
	if rep.Fees.SuggestedMaxFeeWei != wantMax.String() {
		t.Errorf("suggested max fee = %s, want %s", rep.Fees.SuggestedMaxFeeWei, wantMax)
	}
	for _, out := range []string{diagnose.Text(rep, "en"), diagnose.Markdown(rep, "en")} {
		if !strings.Contains(out, "suggested tip") || !strings.Contains(out, "3 gwei") {
			t.Errorf("the suggested tip is not shown:\n%s", out)
		}
	}
	if !strings.Contains(diagnose.Text(rep, "zh"), "建议小费") {
		t.Errorf("zh text lacks the suggested tip")
	}
}

func TestCheckReplacedAndCancelled(t *testing.T) {
	tests := []struct {
		name   string
		cancel bool
		code   diagnose.Code
	}{
		{name: "speed up", code: diagnose.CodeReplaced},
		{name: "cancel", cancel: true, code: diagnose.CodeCancelled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			n := startNode(t, 0)
			env := newEnv(t, n.URL)
			hash, feeCap, tip := sendUnderpriced(t, n, 1, nil, ether(2))
			wantStatus(t, env.check(hash, diagnose.CheckOptions{}), diagnose.StatusPending) // remembered now
			to, value := n.Addrs[3], ether(2)
			if tt.cancel {
				to, value = n.Addrs[1], new(big.Int)
			}
			base, _ := n.BaseFee(ctx)
			newCap := maxBig(ReplacementMin(feeCap), new(big.Int).Mul(base, big.NewInt(3)))
			repl, err := n.Mine(ctx, simnode.Tx{From: 1, To: &to, Value: value, Nonce: simnode.Ptr(uint64(0)),
				FeeCap: newCap, Tip: ReplacementMin(tip)})
			if err != nil {
				t.Fatal(err)
			}
			rep := env.check(hash, diagnose.CheckOptions{})
			wantStatus(t, rep, diagnose.StatusReplaced)
			f := mustFinding(t, rep, tt.code)
			if f.Data["replacement"] != repl.Hash().Hex() {
				t.Errorf("replacement = %q, want %s", f.Data["replacement"], repl.Hash().Hex())
			}
		})
	}
}

func TestCheckDropped(t *testing.T) {
	n := startNode(t, 0)
	env := newEnv(t, n.URL)
	hash, _, _ := sendUnderpriced(t, n, 1, nil, ether(1))
	wantStatus(t, env.check(hash, diagnose.CheckOptions{}), diagnose.StatusPending)
	n.Backend.Rollback() // the pool forgets it; nonce 0 stays unused
	rep := env.check(hash, diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusDropped)
	f := mustFinding(t, rep, diagnose.CodeDropped)
	if f.Data["nonce"] != "0" || f.Data["latest_nonce"] != "0" {
		t.Errorf("dropped data = %v", f.Data)
	}
}

func TestCheckPrivateMempool(t *testing.T) {
	n := startNode(t, 0)
	l2 := chains.Chain{ID: 1337, Name: "Test rollup", Symbol: "ETH", Explorer: "https://explorer.invalid",
		Endpoints: []string{n.URL, n.URL + "/"}, L2: "op-stack", PrivateMempool: true}
	env := newEnvWith(t, &l2, n.URL)
	hash, _, _ := sendUnderpriced(t, n, 1, nil, ether(1))
	rep := env.check(hash, diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusPending)
	f := mustFinding(t, rep, diagnose.CodePrivateMempool)
	for _, lang := range []string{"en", "zh"} {
		fs := []diagnose.Finding{*f}
		diagnose.LocalizeFindings(fs, lang)
		if s := resendAdvice(fs[0].Title + ". " + fs[0].Detail); s != "" {
			t.Errorf("%s: a pending transaction's words advise resending: %q", lang, s)
		}
	}
	if rep.Chain.Name != "Test rollup" {
		t.Errorf("chain = %+v", rep.Chain)
	}
}

func TestCheckNotFound(t *testing.T) {
	n := startNode(t, 0)
	hash := crypto.Keccak256Hash([]byte("never sent"))
	rep := newEnv(t, n.URL).check(hash, diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusNotFound)
	mustFinding(t, rep, diagnose.CodeNotFound)
	if len(rep.Searched) != 1 || rep.Searched[0].Result != "absent" {
		t.Errorf("searched = %+v", rep.Searched)
	}

	from := n.Addrs[1]
	sendUnderpriced(t, n, 1, nil, ether(1))
	rep = newEnv(t, n.URL).check(hash, diagnose.CheckOptions{From: from.Hex()})
	f := mustFinding(t, rep, diagnose.CodeNotFound)
	if f.Data["waiting"] != "1" || f.Data["latest_nonce"] != "0" {
		t.Errorf("not_found with sender = %v", f.Data)
	}
}
