package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// drpcLike is a fault injector in front of a node: batches of more than 3
// calls get dRPC's free-tier refusal (HTTP 500, every item code 31).
func drpcLike(t *testing.T, node string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var calls []struct {
			ID json.RawMessage `json:"id"`
		}
		if json.Unmarshal(body, &calls) == nil && len(calls) > 3 {
			var items []string
			for _, c := range calls {
				items = append(items, fmt.Sprintf(`{"id":%s,"jsonrpc":"2.0","error":{"code":31,"message":"Batch of more than 3 requests are not allowed on free tier, to use this feature register paid account at drpc.org"}}`, c.ID))
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = io.WriteString(w, "["+strings.Join(items, ",")+"]")
			return
		}
		resp, err := http.Post(node, "application/json", bytes.NewReader(body))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.Copy(w, resp.Body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestCheckThroughA3CappedEndpoint is the new user: a check through
// an endpoint that takes 3 calls per batch gives the verdict (exit 0), not
// "check your internet" (exit 3), and `endpoint` says it takes 3.
func TestCheckThroughA3CappedEndpoint(t *testing.T) {
	ctx := context.Background()
	n := startSimNode(t)
	to := n.Addrs[1]
	tx, err := n.Mine(ctx, simTx{From: 0, To: &to, Value: big.NewInt(1e18)})
	if err != nil {
		t.Fatal(err)
	}
	capped := drpcLike(t, n.URL)
	env := map[string]string{"UNSTUCK_RPC": capped, "UNSTUCK_CACHE_DIR": filepath.Join(t.TempDir(), "cache"), "LANG": "en_US.UTF-8"}
	run := func(args ...string) (int, string) {
		var out, errb bytes.Buffer
		a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return env[k] }, isTTY: func() bool { return false }}
		return a.run(ctx, args), out.String() + errb.String()
	}
	if code, out := run("check", tx.Hash().Hex(), "--json"); code != exitOK || !strings.Contains(out, `"status": "success"`) {
		t.Errorf("check: exit %d\n%s", code, out)
	}
	if code, out := run("endpoint", capped, "--json"); code != exitOK || !strings.Contains(out, `"batch_cap": 3`) || !strings.Contains(out, `"usable_by_check": true`) {
		t.Errorf("endpoint: exit %d\n%s", code, out)
	}
}
