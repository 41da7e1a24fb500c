package evm

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/faultproxy"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// TestCheckTokenLookupFails: when a token's symbol and decimals calls fail
// (here a fault injector rate-limits them in front of a real node), the
// amount is said in raw units, never as "250500000 ?", and the report says
// what it had to do without.
func TestCheckTokenLookupFails(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	token, err := n.DeployToken(ctx, 0, "Test USD", "TUSD", 6, big.NewInt(1_000_000_000))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := n.Mine(ctx, simnode.Tx{From: 0, To: &token, Data: simnode.MustCalldata("transfer", n.Addrs[2], big.NewInt(250_500_000))})
	if err != nil {
		t.Fatal(err)
	}
	p, err := faultproxy.New(n.URL, faultproxy.WithRewrite(func(c faultproxy.Call, a *faultproxy.Answer) {
		if c.Method == "eth_call" && (strings.Contains(string(c.Params), selDecimals) || strings.Contains(string(c.Params), selSymbol)) {
			a.Result, a.Error = nil, &faultproxy.ErrorObject{Code: -32005, Message: "rate limit exceeded"}
		}
	}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	rep := newEnv(t, p.URL()).check(tx.Hash(), diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusSuccess)
	f := mustFinding(t, rep, diagnose.CodeTokenTransfer)
	if f.Data["variant"] != "raw" || f.Data["raw_value"] != "250500000" || !strings.Contains(f.Title, "250500000 raw units (decimals unknown)") {
		t.Errorf("token_transfer = %q %v", f.Title, f.Data)
	}
	d := mustFinding(t, rep, diagnose.CodeRPCDegraded)
	if !strings.Contains(d.Detail, "raw units") {
		t.Errorf("rpc_degraded = %q", d.Detail)
	}
	for _, lang := range []string{"en", "zh"} {
		diagnose.Localize(rep, lang)
		text := diagnose.Text(rep, lang)
		if strings.Contains(text, " ?") || strings.Contains(text, "?\n") {
			t.Errorf("%s text has an unfilled value:\n%s", lang, text)
		}
		if !strings.Contains(text, "250500000") {
			t.Errorf("%s text lacks the raw amount:\n%s", lang, text)
		}
	}
}

// TestCheckContractCreation: a creation shows the address it created.
func TestCheckContractCreation(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	nonce, err := n.Backend.Client().PendingNonceAt(ctx, n.Addrs[0])
	if err != nil {
		t.Fatal(err)
	}
	token, err := n.DeployToken(ctx, 0, "Test USD", "TUSD", 6, big.NewInt(1))
	if err != nil {
		t.Fatal(err)
	}
	block, err := n.Backend.Client().BlockByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var hash common.Hash
	for _, tx := range block.Transactions() {
		if tx.To() == nil && tx.Nonce() == nonce {
			hash = tx.Hash()
		}
	}
	rep := newEnv(t, n.URL).check(hash, diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusSuccess)
	if rep.Receipt == nil || rep.Receipt.ContractAddress != token.Hex() {
		t.Fatalf("receipt = %+v, want contract %s", rep.Receipt, token.Hex())
	}
	if !strings.Contains(diagnose.Text(rep, "en"), token.Hex()) || !strings.Contains(diagnose.Text(rep, "zh"), "创建的合约") {
		t.Errorf("text lacks the created contract:\n%s", diagnose.Text(rep, "en"))
	}
}
