package evm

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

func TestCheckSuccessNativeTransfer(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	to := n.Addrs[1]
	tx, err := n.Mine(ctx, simnode.Tx{From: 0, To: &to, Value: ether(1)})
	if err != nil {
		t.Fatal(err)
	}
	n.Commit()
	rep := newEnv(t, n.URL).check(tx.Hash(), diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusSuccess)
	if rep.Confirmations != 2 {
		t.Errorf("confirmations = %d, want 2", rep.Confirmations)
	}
	if rep.Tx == nil || rep.Tx.ValueWei != ether(1).String() || rep.Tx.From != n.Addrs[0].Hex() {
		t.Errorf("tx = %+v", rep.Tx)
	}
	if rep.Receipt == nil || rep.Receipt.GasUsed != 21000 {
		t.Errorf("receipt = %+v", rep.Receipt)
	}
	if rep.Chain == nil || rep.Chain.ID != 1337 {
		t.Errorf("chain = %+v", rep.Chain)
	}
	f := mustFinding(t, rep, diagnose.CodeLowConfirmations)
	if f.Data["confirmations"] != "2" {
		t.Errorf("low_confirmations data = %v", f.Data)
	}
	if findingOf(rep, diagnose.CodeSentToContract) != nil || findingOf(rep, diagnose.CodeRPCDegraded) != nil {
		t.Errorf("unexpected findings %v", codesOf(rep))
	}
}

func TestCheckTokenTransfer(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	token, err := n.DeployToken(ctx, 0, "USD Coin", "USDC", 6, big.NewInt(1_000_000_000))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := n.Mine(ctx, simnode.Tx{From: 0, To: &token, Data: simnode.MustCalldata("transfer", n.Addrs[2], big.NewInt(250_500_000))})
	if err != nil {
		t.Fatal(err)
	}
	rep := newEnv(t, n.URL).check(tx.Hash(), diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusSuccess)
	if len(rep.Transfers) != 1 {
		t.Fatalf("transfers = %+v", rep.Transfers)
	}
	tr := rep.Transfers[0]
	if tr.Symbol != "USDC" || tr.Amount != "250.5" || tr.Decimals == nil || *tr.Decimals != 6 || tr.To != n.Addrs[2].Hex() || tr.Standard != "erc20" {
		t.Errorf("transfer = %+v", tr)
	}
	f := mustFinding(t, rep, diagnose.CodeTokenTransfer)
	if !strings.Contains(f.Title, "250.5 USDC") {
		t.Errorf("title = %q", f.Title)
	}
	if rep.Tx.Method != "transfer(address,uint256)" {
		t.Errorf("method = %q", rep.Tx.Method)
	}
}

func TestCheckSentToTokenContract(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	token, err := n.DeployToken(ctx, 0, "Tether", "USDT", 6, big.NewInt(1_000_000_000))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := n.Mine(ctx, simnode.Tx{From: 0, To: &token, Data: simnode.MustCalldata("transfer", token, big.NewInt(5_000_000))})
	if err != nil {
		t.Fatal(err)
	}
	rep := newEnv(t, n.URL).check(tx.Hash(), diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusSuccess)
	f := mustFinding(t, rep, diagnose.CodeSentToTokenContract)
	if f.Severity != diagnose.SevError || f.Data["amount"] != "5" || f.Data["symbol"] != "USDT" {
		t.Errorf("finding = %+v", f)
	}
	if findingOf(rep, diagnose.CodeSentToContract) != nil {
		t.Errorf("sent_to_contract repeated: %v", codesOf(rep))
	}
}

func TestCheckSentToContract(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	token, err := n.DeployToken(ctx, 0, "Tether", "USDT", 6, big.NewInt(1_000_000_000))
	if err != nil {
		t.Fatal(err)
	}
	failer, err := n.DeployFailer(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := n.Mine(ctx, simnode.Tx{From: 0, To: &token, Data: simnode.MustCalldata("transfer", failer, big.NewInt(7))})
	if err != nil {
		t.Fatal(err)
	}
	rep := newEnv(t, n.URL).check(tx.Hash(), diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusSuccess)
	f := mustFinding(t, rep, diagnose.CodeSentToContract)
	if f.Data["to"] != failer.Hex() {
		t.Errorf("finding = %+v", f)
	}
}

// failWith mines a call to the Failer contract that fails.
func failWith(t *testing.T, n *simnode.Node, gas uint64, method string, args ...any) common.Hash {
	t.Helper()
	ctx := context.Background()
	failer, err := n.DeployFailer(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := n.Mine(ctx, simnode.Tx{From: 1, To: &failer, Gas: gas, Data: simnode.MustCalldata(method, args...)})
	if err != nil {
		t.Fatal(err)
	}
	return tx.Hash()
}

func TestCheckFailed(t *testing.T) {
	tests := []struct {
		name      string
		gas       uint64
		method    string
		args      []any
		code      diagnose.Code
		revert    string // revert.Name
		reasonHas string
		hint      string
	}{
		{name: "error string", method: "swapExpired", args: []any{big.NewInt(1)}, code: diagnose.CodeReverted,
			revert: "Error(string)", reasonHas: "UniswapV2Router: EXPIRED", hint: "deadline"},
		{name: "panic division", method: "divide", args: []any{big.NewInt(1), big.NewInt(0)}, code: diagnose.CodeReverted,
			revert: "Panic(uint256)", reasonHas: "zero"},
		{name: "custom error", method: "swapV3", code: diagnose.CodeReverted, revert: "V3TooLittleReceived()", hint: "slippage"},
		{name: "execution failed unwrapped", method: "execute", code: diagnose.CodeReverted,
			revert: "ExecutionFailed(uint256,bytes)", reasonHas: "STF"},
		{name: "out of gas", gas: 60_000, method: "burn", code: diagnose.CodeOutOfGas},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := startNode(t, 0)
			hash := failWith(t, n, tt.gas, tt.method, tt.args...)
			rep := newEnv(t, n.URL).check(hash, diagnose.CheckOptions{})
			wantStatus(t, rep, diagnose.StatusFailed)
			f := mustFinding(t, rep, tt.code)
			if !strings.Contains(f.Detail, "not refunded") {
				t.Errorf("detail does not say fees are not refunded: %q", f.Detail)
			}
			if tt.revert == "" {
				if rep.Revert != nil {
					t.Errorf("revert = %+v, want none", rep.Revert)
				}
				return
			}
			if rep.Revert == nil || rep.Revert.Name != tt.revert {
				t.Fatalf("revert = %+v, want %s", rep.Revert, tt.revert)
			}
			if !strings.Contains(rep.Revert.Reason, tt.reasonHas) {
				t.Errorf("reason = %q, want it to contain %q", rep.Revert.Reason, tt.reasonHas)
			}
			if tt.hint != "" && rep.Revert.Meaning != tt.hint {
				t.Errorf("meaning = %q, want %q", rep.Revert.Meaning, tt.hint)
			}
		})
	}
}

func TestCheckFailedCustomErrorArgs(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	token, err := n.DeployToken(ctx, 0, "Tether", "USDT", 6, big.NewInt(100))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := n.Mine(ctx, simnode.Tx{From: 0, To: &token, Gas: 200_000, Data: simnode.MustCalldata("transfer", n.Addrs[1], big.NewInt(500))})
	if err != nil {
		t.Fatal(err)
	}
	rep := newEnv(t, n.URL).check(tx.Hash(), diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusFailed)
	mustFinding(t, rep, diagnose.CodeReverted)
	if rep.Revert == nil || rep.Revert.Selector != "0xe450d38c" || rep.Revert.Meaning != "balance" {
		t.Fatalf("revert = %+v", rep.Revert)
	}
	joined := strings.Join(rep.Revert.Args, " ")
	if !strings.Contains(joined, "100") || !strings.Contains(joined, "500") {
		t.Errorf("args = %v", rep.Revert.Args)
	}
}

func TestCheckWrongChain(t *testing.T) {
	ctx := context.Background()
	a, b := startNode(t, 1337), startNode(t, 31337)
	to := a.Addrs[1]
	tx, err := a.Mine(ctx, simnode.Tx{From: 0, To: &to, Value: ether(1)})
	if err != nil {
		t.Fatal(err)
	}
	rep := newEnv(t, a.URL, b.URL).check(tx.Hash(), diagnose.CheckOptions{Chain: 31337})
	wantStatus(t, rep, diagnose.StatusSuccess)
	f := mustFinding(t, rep, diagnose.CodeWrongChain)
	if f.Data["expected"] == f.Data["found"] {
		t.Errorf("wrong_chain data = %v", f.Data)
	}
	if rep.Chain.ID != 1337 {
		t.Errorf("chain = %+v", rep.Chain)
	}
}
