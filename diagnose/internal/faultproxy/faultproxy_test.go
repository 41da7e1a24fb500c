package faultproxy_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose/internal/faultproxy"
)

const hash = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"

// target answers the four calls the tests send, like a node that knows
// the transaction. It exists to observe the proxy, not to stand in for a
// node in a diagnosis (the matrix in package diagnose uses a real one).
func target(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var reqs []struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
		}
		if err := json.NewDecoder(r.Body).Decode(&reqs); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var out []map[string]any
		for _, q := range reqs {
			var result any
			switch q.Method {
			case "eth_chainId":
				result = "0x539"
			case "eth_blockNumber":
				result = "0x100"
			case "eth_getTransactionByHash":
				result = map[string]any{"hash": hash, "nonce": "0x0"}
			case "eth_getTransactionReceipt":
				result = map[string]any{"transactionHash": hash, "status": "0x1"}
			}
			out = append(out, map[string]any{"jsonrpc": "2.0", "id": q.ID, "result": result})
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

const batch = `[{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]},` +
	`{"jsonrpc":"2.0","id":2,"method":"eth_getTransactionByHash","params":["` + hash + `"]},` +
	`{"jsonrpc":"2.0","id":3,"method":"eth_getTransactionReceipt","params":["` + hash + `"]},` +
	`{"jsonrpc":"2.0","id":4,"method":"eth_blockNumber","params":[]}]`

type answer struct {
	ID     int                     `json:"id"`
	Result json.RawMessage         `json:"result"`
	Error  *faultproxy.ErrorObject `json:"error"`
}

type reply struct {
	status  int
	header  http.Header
	body    []byte
	answers map[int]answer // by id, when the body is a JSON batch
	err     error
}

func post(t *testing.T, url string, timeout time.Duration) reply {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(batch))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		return reply{err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	r := reply{status: resp.StatusCode, header: resp.Header, body: body, err: err}
	var list []answer
	if json.Unmarshal(bytes.TrimSpace(body), &list) == nil {
		r.answers = map[int]answer{}
		for _, a := range list {
			r.answers[a.ID] = a
		}
	}
	return r
}

func result(t *testing.T, r reply, id int) string {
	t.Helper()
	a, ok := r.answers[id]
	if !ok || a.Error != nil {
		t.Fatalf("answer %d = %+v (body %.200q)", id, a, r.body)
	}
	return string(a.Result)
}

func TestFaults(t *testing.T) {
	node := target(t)
	tests := []struct {
		name  string
		opts  []faultproxy.Option
		check func(t *testing.T, r reply)
	}{
		{name: "none", check: func(t *testing.T, r reply) {
			if r.status != 200 || result(t, r, 1) != `"0x539"` || !strings.Contains(result(t, r, 3), hash) {
				t.Errorf("reply = %d %s", r.status, r.body)
			}
		}},
		{name: "hang", opts: []faultproxy.Option{faultproxy.WithFault(faultproxy.Hang)}, check: func(t *testing.T, r reply) {
			if !errors.Is(r.err, context.DeadlineExceeded) {
				t.Errorf("err = %v, want a timeout", r.err)
			}
		}},
		{name: "refuse", opts: []faultproxy.Option{faultproxy.WithFault(faultproxy.Refuse)}, check: func(t *testing.T, r reply) {
			if !errors.Is(r.err, syscall.ECONNREFUSED) {
				t.Errorf("err = %v, want connection refused", r.err)
			}
		}},
		{name: "reset", opts: []faultproxy.Option{faultproxy.WithFault(faultproxy.Reset)}, check: func(t *testing.T, r reply) {
			if r.err == nil || r.status != 200 || len(r.body) == 0 {
				t.Errorf("status %d, %d bytes, err %v: want part of a body, then an error", r.status, len(r.body), r.err)
			}
		}},
		{name: "rate limit", opts: []faultproxy.Option{faultproxy.WithFault(faultproxy.RateLimit), faultproxy.WithRetryAfter(3)}, check: func(t *testing.T, r reply) {
			if r.status != 429 || r.header.Get("Retry-After") != "3" {
				t.Errorf("status %d, Retry-After %q", r.status, r.header.Get("Retry-After"))
			}
		}},
		{name: "500", opts: []faultproxy.Option{faultproxy.WithFault(faultproxy.ServerError)}, check: wantHTML(500)},
		{name: "502", opts: []faultproxy.Option{faultproxy.WithFault(faultproxy.BadGateway)}, check: wantHTML(502)},
		{name: "malformed", opts: []faultproxy.Option{faultproxy.WithFault(faultproxy.Malformed)}, check: func(t *testing.T, r reply) {
			if r.status != 200 || json.Valid(r.body) {
				t.Errorf("status %d, body %q: want 200 and invalid JSON", r.status, r.body)
			}
		}},
		{name: "rpc error", opts: []faultproxy.Option{faultproxy.WithFault(faultproxy.RPCError)}, check: func(t *testing.T, r reply) {
			for id := 1; id <= 4; id++ {
				if a, ok := r.answers[id]; !ok || a.Error == nil || a.Result != nil {
					t.Errorf("answer %d = %+v, want an error", id, a)
				}
			}
		}},
		{name: "wrong chain", opts: []faultproxy.Option{faultproxy.WithFault(faultproxy.WrongChain)}, check: func(t *testing.T, r reply) {
			if got := result(t, r, 1); got != `"0x38"` {
				t.Errorf("chain id = %s, want 0x38", got)
			}
		}},
		{name: "oversize", opts: []faultproxy.Option{faultproxy.WithFault(faultproxy.Oversize), faultproxy.WithPad(100000)}, check: func(t *testing.T, r reply) {
			if len(r.body) <= 100000 || result(t, r, 1) != `"0x539"` {
				t.Errorf("%d bytes: want the answer behind 100000 bytes of padding", len(r.body))
			}
		}},
		{name: "contradiction", opts: []faultproxy.Option{faultproxy.WithFault(faultproxy.Contradiction)}, check: func(t *testing.T, r reply) {
			if strings.Contains(result(t, r, 2), hash) || strings.Contains(result(t, r, 3), hash) {
				t.Errorf("tx %s, receipt %s: want another hash", result(t, r, 2), result(t, r, 3))
			}
		}},
		{name: "stale", opts: []faultproxy.Option{faultproxy.WithFault(faultproxy.Stale), faultproxy.WithStaleBy(0x10)}, check: func(t *testing.T, r reply) {
			if result(t, r, 4) != `"0xf0"` || result(t, r, 2) != "null" || result(t, r, 3) != "null" {
				t.Errorf("body = %s", r.body)
			}
		}},
		{name: "indexing", opts: []faultproxy.Option{faultproxy.WithFault(faultproxy.Indexing)}, check: func(t *testing.T, r reply) {
			for _, id := range []int{2, 3} {
				if a := r.answers[id]; a.Error == nil || a.Error.Code != -32000 || a.Error.Message != faultproxy.IndexingMessage {
					t.Errorf("answer %d = %+v", id, a)
				}
			}
			if result(t, r, 1) != `"0x539"` {
				t.Errorf("chain id changed: %s", r.body)
			}
		}},
		{name: "rewrite hook", opts: []faultproxy.Option{faultproxy.WithRewrite(func(c faultproxy.Call, a *faultproxy.Answer) {
			if c.Method == "eth_blockNumber" {
				a.Result, a.Error = nil, &faultproxy.ErrorObject{Code: 3, Message: "execution reverted", Data: json.RawMessage(`"0x01"`)}
			}
		})}, check: func(t *testing.T, r reply) {
			if a := r.answers[4]; a.Error == nil || a.Error.Message != "execution reverted" || string(a.Error.Data) != `"0x01"` {
				t.Errorf("answer 4 = %+v", a)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := faultproxy.New(node, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			tt.check(t, post(t, p.URL(), 300*time.Millisecond))
			want := 1
			if p.Fault() == faultproxy.Refuse {
				want = 0
			}
			if p.Requests() != want {
				t.Errorf("requests = %d, want %d", p.Requests(), want)
			}
		})
	}
}

func wantHTML(status int) func(t *testing.T, r reply) {
	return func(t *testing.T, r reply) {
		t.Helper()
		if r.status != status || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") || !bytes.Contains(r.body, []byte("<html>")) {
			t.Errorf("status %d, type %q, body %.80q", r.status, r.header.Get("Content-Type"), r.body)
		}
	}
}

func TestDelay(t *testing.T) {
	p, err := faultproxy.New(target(t), faultproxy.WithDelay(150*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	start := time.Now()
	r := post(t, p.URL(), 5*time.Second)
	if d := time.Since(start); d < 150*time.Millisecond || r.status != 200 {
		t.Errorf("answered %d after %v, want 200 after at least 150ms", r.status, d)
	}
}

func TestNewRejects(t *testing.T) {
	for _, tt := range []struct {
		name   string
		target string
		opts   []faultproxy.Option
	}{
		{name: "not a url", target: "127.0.0.1:8545"},
		{name: "websocket", target: "ws://127.0.0.1:8545"},
		{name: "unknown fault", target: "http://127.0.0.1:8545", opts: []faultproxy.Option{faultproxy.WithFault("flaky")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if p, err := faultproxy.New(tt.target, tt.opts...); err == nil {
				p.Close()
				t.Fatal("New succeeded")
			}
		})
	}
}

// TestCloseWhileHanging: Close releases hanging requests and returns; no
// goroutine of the proxy outlives it.
func TestCloseWhileHanging(t *testing.T) {
	node := target(t)
	before := runtime.NumGoroutine()
	p, err := faultproxy.New(node, faultproxy.WithFault(faultproxy.Hang))
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 3)
	for range 3 {
		go func() { errs <- post(t, p.URL(), time.Minute).err }()
	}
	for p.Requests() < 3 {
		time.Sleep(5 * time.Millisecond)
	}
	closed := make(chan struct{})
	go func() { p.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(2 * time.Second):
		t.Fatal("Close did not return while requests hung")
	}
	for range 3 {
		if err := <-errs; err == nil {
			t.Error("a hanging request got an answer")
		}
	}
	p.Close() // twice is fine
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after Close, %d before", n, before)
	}
}
