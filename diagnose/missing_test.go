package diagnose

import (
	"context"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
)

// TestCheckTestnetLink: a hash from a testnet explorer is never found on
// the main networks; the verdict says why instead of "not found anywhere".
func TestCheckTestnetLink(t *testing.T) {
	n := startNode(t, 0)
	env := newEnv(t, n.URL)
	hash := crypto.Keccak256Hash([]byte("on sepolia"))
	tests := []struct {
		link, host string
	}{
		{"https://sepolia.etherscan.io/tx/" + hash.Hex(), "sepolia.etherscan.io"},
		{"https://testnet.bscscan.com/tx/" + hash.Hex(), "testnet.bscscan.com"},
		{"sepolia-optimism.etherscan.io/tx/" + hash.Hex(), "sepolia-optimism.etherscan.io"},
		{"https://etherscan.io/tx/" + hash.Hex(), ""},
		{hash.Hex(), ""},
	}
	for _, tt := range tests {
		rep, err := env.engine.Check(context.Background(), Query{Kind: KindTxHash, Hash: hash, Raw: tt.link}, CheckOptions{})
		if err != nil {
			t.Fatal(err)
		}
		wantStatus(t, rep, StatusNotFound)
		f := mustFinding(t, rep, CodeNotFound)
		if f.Data["explorer"] != tt.host {
			t.Errorf("%s: explorer = %q, want %q", tt.link, f.Data["explorer"], tt.host)
		}
		if tt.host != "" {
			zh := []Finding{*f}
			LocalizeFindings(zh, "zh")
			if !strings.Contains(f.Detail, "main networks only") || !strings.Contains(zh[0].Detail, "只查询主网") {
				t.Errorf("%s: %q / %q", tt.link, f.Detail, zh[0].Detail)
			}
		}
	}
}
