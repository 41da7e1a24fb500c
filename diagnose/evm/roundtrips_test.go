package evm

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// TestRoundTripsPerEndpoint counts the HTTP requests each verdict costs at
// a real node, through a counting proxy: never more than two.
func TestRoundTripsPerEndpoint(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	token, err := n.DeployToken(ctx, 0, "USD Coin", "USDC", 6, big.NewInt(1e12))
	if err != nil {
		t.Fatal(err)
	}
	to := n.Addrs[3]
	success, _ := n.Mine(ctx, simnode.Tx{From: 0, To: &to, Value: ether(1)})
	tokenTx, _ := n.Mine(ctx, simnode.Tx{From: 0, To: &token, Data: simnode.MustCalldata("transfer", n.Addrs[2], big.NewInt(5))})
	failed := failWith(t, n, 0, "swapExpired", big.NewInt(1))
	pending, _, _ := sendUnderpriced(t, n, 1, nil, ether(1))
	gap, err := n.Send(ctx, simnode.Tx{From: 2, To: &to, Value: ether(1), Nonce: simnode.Ptr(uint64(5))})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		hash   common.Hash
		opt    diagnose.CheckOptions
		status diagnose.Status
	}{
		{name: "success", hash: success.Hash(), status: diagnose.StatusSuccess},
		{name: "token transfer", hash: tokenTx.Hash(), status: diagnose.StatusSuccess},
		{name: "failed with replay", hash: failed, status: diagnose.StatusFailed},
		{name: "pending", hash: pending, status: diagnose.StatusPending},
		{name: "nonce gap", hash: gap.Hash(), status: diagnose.StatusPending},
		{name: "not found", hash: crypto.Keccak256Hash([]byte("nope")), status: diagnose.StatusNotFound},
		{name: "not found with sender", hash: crypto.Keccak256Hash([]byte("nope")), opt: diagnose.CheckOptions{From: n.Addrs[1].Hex()}, status: diagnose.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := newCountingProxy(t, n.URL), newCountingProxy(t, n.URL)
			rep := newEnv(t, a.URL, b.URL).check(tt.hash, tt.opt)
			wantStatus(t, rep, tt.status)
			if a.count() > 2 || b.count() > 2 {
				t.Errorf("requests per endpoint = %d, %d; want ≤ 2", a.count(), b.count())
			}
			for _, s := range rep.Searched {
				if s.Requests > 2 {
					t.Errorf("searched row %+v counts more than 2 requests", s)
				}
			}
		})
	}

	// Replaced and dropped rest on the memory of an earlier check.
	t.Run("replaced", func(t *testing.T) {
		p := newCountingProxy(t, n.URL)
		env := newEnv(t, p.URL)
		hash, feeCap, tip := sendUnderpriced(t, n, 3, nil, ether(1))
		wantStatus(t, env.check(hash, diagnose.CheckOptions{}), diagnose.StatusPending)
		before := p.count()
		base, _ := n.BaseFee(ctx)
		nonce := uint64(0)
		if _, err := n.Mine(ctx, simnode.Tx{From: 3, To: &to, Nonce: &nonce, FeeCap: maxBig(ReplacementMin(feeCap), new(big.Int).Mul(base, big.NewInt(3))), Tip: ReplacementMin(tip)}); err != nil {
			t.Fatal(err)
		}
		wantStatus(t, env.check(hash, diagnose.CheckOptions{}), diagnose.StatusReplaced)
		if got := p.count() - before; got > 2 {
			t.Errorf("replaced cost %d requests, want ≤ 2", got)
		}
	})
}
