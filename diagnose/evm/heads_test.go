package evm

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// laggingHead is a fault injector in front of a node: a load balancer
// whose eth_blockNumber comes from a backend lag blocks behind the one
// that answers everything else.
func laggingHead(t *testing.T, node string, lag uint64) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var calls []struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
		}
		_ = json.Unmarshal(body, &calls)
		resp, err := http.Post(node, "application/json", bytes.NewReader(body))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		var answers []map[string]json.RawMessage
		raw, _ := io.ReadAll(resp.Body)
		if json.Unmarshal(raw, &answers) != nil {
			_, _ = w.Write(raw)
			return
		}
		for _, a := range answers {
			for _, c := range calls {
				if c.Method == "eth_blockNumber" && bytes.Equal(c.ID, a["id"]) {
					var h string
					_ = json.Unmarshal(a["result"], &h)
					var n uint64
					_, _ = fmt.Sscanf(h, "0x%x", &n)
					a["result"], _ = json.Marshal(fmt.Sprintf("0x%x", n-lag))
				}
			}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(answers)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestLoadBalancedHeadBehindTheReceipt: the head an endpoint reports is
// 2 blocks behind the block its receipt is in (two backends): the receipt
// proves the block exists; the transaction has 1 confirmation, not 0.
func TestLoadBalancedHeadBehindTheReceipt(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	to := n.Addrs[1]
	tx, err := n.Mine(ctx, simnode.Tx{From: 0, To: &to, Value: ether(1)})
	if err != nil {
		t.Fatal(err)
	}
	rep := newEnv(t, laggingHead(t, n.URL, 2)).check(tx.Hash(), diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusSuccess)
	if rep.Confirmations != 1 {
		t.Errorf("confirmations %d, want 1", rep.Confirmations)
	}
}
