package evm

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/faultproxy"
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
		rep, err := env.engine.Check(context.Background(), diagnose.Query{Kind: diagnose.KindTxHash, Ref: hash.Hex(), Raw: tt.link}, diagnose.CheckOptions{})
		if err != nil {
			t.Fatal(err)
		}
		wantStatus(t, rep, diagnose.StatusNotFound)
		f := mustFinding(t, rep, diagnose.CodeNotFound)
		if f.Data["explorer"] != tt.host {
			t.Errorf("%s: explorer = %q, want %q", tt.link, f.Data["explorer"], tt.host)
		}
		if tt.host != "" {
			zh := []diagnose.Finding{*f}
			diagnose.LocalizeFindings(zh, "zh")
			if !strings.Contains(f.Detail, "main networks only") || !strings.Contains(zh[0].Detail, "只查询主网") {
				t.Errorf("%s: %q / %q", tt.link, f.Detail, zh[0].Detail)
			}
		}
	}
}

// TestNoAnswerRefused: an endpoint that answers HTTP 404 or 414 was reached
// and turned the request away; the message says to check the URL, not the
// internet connection. The 404 comes from a path the simulated node does not
// serve; the 414 from a fault injector (a real node would need a URL
// longer than the limit).
func TestNoAnswerRefused(t *testing.T) {
	n := startNode(t, 0)
	long := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "URI Too Long", http.StatusRequestURITooLong)
	}))
	t.Cleanup(long.Close)
	for _, tt := range []struct{ url, code string }{{n.URL + "/no/such/path", "404"}, {long.URL, "414"}} {
		env := newEnv(t, tt.url)
		rep, err := env.engine.Check(context.Background(), diagnose.Query{Kind: diagnose.KindTxHash, Ref: crypto.Keccak256Hash([]byte("x")).Hex(), Raw: "x"}, diagnose.CheckOptions{})
		var na *diagnose.NoAnswerError
		if !asNoAnswer(err, &na) {
			t.Fatalf("%s: err = %v, want no answer", tt.url, err)
		}
		en, zh := na.Message("en"), na.Message("zh")
		if en != "the endpoint refused the request (HTTP "+tt.code+"): check the URL" || !strings.Contains(zh, "请检查 URL") {
			t.Errorf("messages = %q / %q", en, zh)
		}
		f := mustFinding(t, rep, diagnose.CodeRPCDegraded)
		if f.Data["http_status"] != tt.code || strings.Contains(f.Detail, "internet") {
			t.Errorf("rpc_degraded = %q %v", f.Detail, f.Data)
		}
	}
}

// TestCheckReplacementInAnotherPool: pools differ between nodes. One
// endpoint's pool lacks the speed-up (a fault injector answers its pending
// nonce with the latest one); the other's has it. The verdict follows the
// pool that has it: replaced, the speed-up pending — never "dropped" on the
// other node's word.
func TestCheckReplacementInAnotherPool(t *testing.T) {
	n := startNode(t, 0)
	p, err := faultproxy.New(n.URL, faultproxy.WithRewrite(func(c faultproxy.Call, a *faultproxy.Answer) {
		if c.Method == "eth_getTransactionCount" && strings.Contains(string(c.Params), "pending") {
			a.Result = json.RawMessage(`"0x0"`)
		}
	}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	// The node with the speed-up answers last, so its answer is not simply
	// the first one read.
	slow, err := faultproxy.New(n.URL, faultproxy.WithDelay(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(slow.Close)
	g := gethNode{n}
	env := newEnv(t, p.URL(), slow.URL())
	h := g.send(t, transfer(g, nil))
	wantStatus(t, env.check(h, diagnose.CheckOptions{}), diagnose.StatusPending)
	replacing(t, g, false)
	rep := env.check(h, diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusReplaced)
	if f := mustFinding(t, rep, diagnose.CodeReplaced); f.Data["replacement_state"] != "pending" || f.Data["pending_nonce"] != "1" {
		t.Errorf("replaced = %v", f.Data)
	}
}
