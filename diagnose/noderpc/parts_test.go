package noderpc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// eightCalls is a plan larger than every small cap.
func eightCalls() []*Call {
	return []*Call{
		NewCall("eth_chainId"), NewCall("eth_getTransactionByHash", "0x01"), NewCall("eth_getTransactionReceipt", "0x01"),
		NewCall("eth_blockNumber"), NewCall("eth_feeHistory", "0x5", "latest", []float64{10}), NewCall("eth_gasPrice"),
		NewCall("eth_getTransactionCount", "0x02", "latest"), NewCall("eth_getTransactionCount", "0x02", "pending"),
	}
}

// log records the size of every request a fault injector got.
type log struct {
	mu    sync.Mutex
	sizes []int
}

func (l *log) add(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sizes = append(l.sizes, n)
}

func (l *log) all() []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]int(nil), l.sizes...)
}

// wantAllAnswered checks every call got its own method name back.
func wantAllAnswered(t *testing.T, calls []*Call) {
	t.Helper()
	for i, c := range calls {
		if want := strconv.Quote(c.Method); c.Err != nil || string(c.Result) != want {
			t.Errorf("call %d (%s) = %s %v, want %s", i, c.Method, c.Result, c.Err, want)
		}
	}
}

// capped answers batches of at most limit; larger ones get refuse.
func capped(l *log, limit int, refuse func(w http.ResponseWriter, calls []sent)) func(w http.ResponseWriter, r *http.Request, calls []sent) {
	return func(w http.ResponseWriter, _ *http.Request, calls []sent) {
		l.add(len(calls))
		if len(calls) > limit {
			refuse(w, calls)
			return
		}
		reply(w, results(calls))
	}
}

func TestCapSplitsAndSendsPartsTogether(t *testing.T) {
	var l log
	var arrived sync.WaitGroup
	arrived.Add(3)
	url := injector(t, func(w http.ResponseWriter, _ *http.Request, calls []sent) {
		l.add(len(calls))
		if len(calls) > 3 {
			t.Errorf("a part of %d calls passed the cap of 3", len(calls))
		}
		arrived.Done()
		done := make(chan struct{})
		go func() { arrived.Wait(); close(done) }()
		select { // every part must be in flight before any is answered
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("the parts were not sent at the same time")
		}
		reply(w, results(calls, reverse(len(calls))...))
	})
	c, err := Dial(context.Background(), url, Options{Cap: 3})
	if err != nil {
		t.Fatal(err)
	}
	calls := eightCalls()
	if err := c.Batch(context.Background(), calls); err != nil {
		t.Fatal(err)
	}
	wantAllAnswered(t, calls)
	if c.Requests() != 3 || c.Rounds() != 1 {
		t.Errorf("requests %d, rounds %d; want 3, 1 (sizes %v)", c.Requests(), c.Rounds(), l.all())
	}
}

func reverse(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = n - 1 - i
	}
	return out
}

// The refusal shapes of ENDPOINTS.md, each from a host that takes 3 calls.
func TestRefusalShapesFallBack(t *testing.T) {
	drpc := func(w http.ResponseWriter, calls []sent) {
		var parts []string
		for _, c := range calls {
			parts = append(parts, fmt.Sprintf(`{"id":%s,"jsonrpc":"2.0","error":{"code":31,"message":"Batch of more than 3 requests are not allowed on free tier, to use this feature register paid account at drpc.org"}}`, c.ID))
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, "["+strings.Join(parts, ",")+"]")
	}
	tests := []struct {
		name   string
		refuse func(w http.ResponseWriter, calls []sent)
		sizes  []int // request sizes, in the order sent (parts of one step in any order)
		cap    int
	}{
		{name: "dRPC: HTTP 500, every item refused, the cap named", refuse: drpc, sizes: []int{8, 3, 3, 2}, cap: 3},
		{name: "proxyd: HTTP 200, one -32014 object", refuse: func(w http.ResponseWriter, _ []sent) {
			reply(w, `{"jsonrpc":"2.0","error":{"code":-32014,"message":"too many RPC calls in batch request"},"id":null}`)
		}, sizes: []int{8, 4, 4, 2, 2, 2, 2}, cap: 2},
		{name: "geth: batch too large on the first call, the rest missing", refuse: func(w http.ResponseWriter, calls []sent) {
			reply(w, `[{"jsonrpc":"2.0","id":`+string(calls[0].ID)+`,"error":{"code":-32600,"message":"batch too large"}}]`)
		}, sizes: []int{8, 4, 4, 2, 2, 2, 2}, cap: 2},
		{name: "id null", refuse: func(w http.ResponseWriter, _ []sent) {
			reply(w, `[{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch too large"}}]`)
		}, sizes: []int{8, 4, 4, 2, 2, 2, 2}, cap: 2},
		{name: "HTML", refuse: func(w http.ResponseWriter, _ []sent) {
			w.Header().Set("Content-Type", "text/html")
			_, _ = io.WriteString(w, "<html><body>Request Entity Too Large</body></html>")
		}, sizes: []int{8, 4, 4, 2, 2, 2, 2}, cap: 2},
		{name: "HTTP 413 plain text", refuse: func(w http.ResponseWriter, _ []sent) {
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
		}, sizes: []int{8, 4, 4, 2, 2, 2, 2}, cap: 2},
		{name: "the same unknown error on every item", refuse: func(w http.ResponseWriter, calls []sent) {
			var parts []string
			for _, c := range calls {
				parts = append(parts, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"error":{"code":-32000,"message":"nope"}}`, c.ID))
			}
			reply(w, "["+strings.Join(parts, ",")+"]")
		}, sizes: []int{8, 4, 4, 2, 2, 2, 2}, cap: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l log
			mem := NewCapMemory(filepath.Join(t.TempDir(), "endpoints.json"), nil, nil)
			url := injector(t, capped(&l, 3, tt.refuse))
			c, err := Dial(context.Background(), url, Options{Caps: mem})
			if err != nil {
				t.Fatal(err)
			}
			calls := eightCalls()
			if err := c.Batch(context.Background(), calls); err != nil {
				t.Fatal(err)
			}
			wantAllAnswered(t, calls)
			if got := l.all(); !sameSizes(got, tt.sizes) {
				t.Errorf("request sizes %v, want %v", got, tt.sizes)
			}
			if c.Cap() != tt.cap {
				t.Errorf("cap %d, want %d", c.Cap(), tt.cap)
			}
			// The next run starts at the cap that worked: one round, no refusal.
			again, err := Dial(context.Background(), url, Options{Caps: mem})
			if err != nil {
				t.Fatal(err)
			}
			if err := again.Batch(context.Background(), eightCalls()); err != nil || again.Requests() != (8+tt.cap-1)/tt.cap {
				t.Errorf("second run: %v, %d requests at cap %d", err, again.Requests(), again.Cap())
			}
		})
	}
}

// sameSizes compares request sizes, ignoring the order within runs of
// requests sent together (equal multisets of each halving step are enough
// here: compare sorted).
func sameSizes(got, want []int) bool {
	if len(got) != len(want) || got[0] != want[0] {
		return false
	}
	count := map[int]int{}
	for i := range got {
		count[got[i]]++
		count[want[i]]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestRateLimitedItemsRetried(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	url := injector(t, func(w http.ResponseWriter, _ *http.Request, calls []sent) {
		mu.Lock()
		defer mu.Unlock()
		var parts []string
		for _, c := range calls { // proxyd: each item is limited on its own, inside HTTP 200
			key := c.Method + string(c.Params)
			seen[key]++
			if seen[key] == 1 && c.Method != "eth_chainId" {
				parts = append(parts, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"error":{"code":-32016,"message":"over rate limit"}}`, c.ID))
				continue
			}
			parts = append(parts, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"result":%q}`, c.ID, c.Method))
		}
		reply(w, "["+strings.Join(parts, ",")+"]")
	})
	c, err := Dial(context.Background(), url, Options{Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	calls := eightCalls()
	if err := c.Batch(context.Background(), calls); err != nil {
		t.Fatal(err)
	}
	wantAllAnswered(t, calls)
	if c.Requests() != 2 {
		t.Errorf("requests %d, want 2", c.Requests())
	}
}

func TestRateLimitedItemKeepsTheNodesError(t *testing.T) {
	url := injector(t, func(w http.ResponseWriter, _ *http.Request, calls []sent) {
		var parts []string
		for _, c := range calls {
			if c.Method == "eth_gasPrice" {
				parts = append(parts, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"error":{"code":-32005,"message":"rate limit exceeded"}}`, c.ID))
				continue
			}
			parts = append(parts, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"result":%q}`, c.ID, c.Method))
		}
		reply(w, "["+strings.Join(parts, ",")+"]")
	})
	c, err := Dial(context.Background(), url, Options{Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	calls := eightCalls()
	if err := c.Batch(context.Background(), calls); err != nil {
		t.Fatal(err)
	}
	if c.Requests() != RateTries {
		t.Errorf("requests %d, want %d", c.Requests(), RateTries)
	}
	e, ok := calls[5].Err.(*RPCError)
	if !ok || e.Code != -32005 || calls[5].Result != nil {
		t.Fatalf("gas price = %s %v", calls[5].Result, calls[5].Err)
	}
	if f := ClassifyRPC(e.Code, e.Message, e); f.Fault != FaultRateLimited {
		t.Errorf("classified %s", f.Fault)
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	var mu sync.Mutex
	var times []time.Time
	url := injector(t, func(w http.ResponseWriter, _ *http.Request, calls []sent) {
		mu.Lock()
		times = append(times, time.Now())
		first := len(times) == 1
		mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "1")
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = io.WriteString(w, `{"jsonrpc":"2.0","error":{"code":-32016,"message":"over rate limit"},"id":null}`)
			return
		}
		reply(w, results(calls))
	})
	c, err := Dial(context.Background(), url, Options{Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	calls := threeCalls()
	if err := c.Batch(context.Background(), calls); err != nil {
		t.Fatal(err)
	}
	wantAllAnswered(t, calls)
	if len(times) != 2 || times[1].Sub(times[0]) < time.Second {
		t.Errorf("retried after %v, want ≥ 1s (Retry-After)", times[len(times)-1].Sub(times[0]))
	}
}

func TestArchiveRefusalIsTheCallsAnswer(t *testing.T) {
	const body = `{"jsonrpc":"2.0","error":{"code":-32602,"message":"Archive requests require a personal token. Get one at: https://www.allnodes.com/publicnode"},"id":1}`
	url := injector(t, func(w http.ResponseWriter, _ *http.Request, _ []sent) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		_, _ = io.WriteString(w, body)
	})
	c, err := Dial(context.Background(), url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	call := NewCall("eth_call", map[string]any{"to": "0x01"}, "0x10")
	if err := c.Batch(context.Background(), []*Call{call}); err != nil {
		t.Fatal(err)
	}
	e, ok := call.Err.(*RPCError)
	if !ok || e.Code != -32602 {
		t.Fatalf("call = %s %v", call.Result, call.Err)
	}
	if f := ClassifyRPC(e.Code, e.Message, e); f.Fault != FaultNoState {
		t.Errorf("classified %s, want %s", f.Fault, FaultNoState)
	}
}

func TestPinnedBlocks(t *testing.T) {
	var mu sync.Mutex
	var got []string
	url := injector(t, func(w http.ResponseWriter, _ *http.Request, calls []sent) {
		mu.Lock()
		defer mu.Unlock()
		var parts []string
		for _, c := range calls {
			got = append(got, c.Method+string(c.Params))
			switch {
			case c.Method == "eth_blockNumber":
				parts = append(parts, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"result":"0x64"}`, c.ID))
			case c.Method == "eth_getCode" && strings.Contains(string(c.Params), `"0x64"`):
				// a load-balanced backend that has not seen block 100 yet
				parts = append(parts, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"error":{"code":-32000,"message":"header not found"}}`, c.ID))
			default:
				parts = append(parts, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"result":%q}`, c.ID, c.Method))
			}
		}
		reply(w, "["+strings.Join(parts, ",")+"]")
	})
	c, err := Dial(context.Background(), url, Options{Dialect: lagDialect})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Batch(context.Background(), []*Call{NewCall("eth_blockNumber")}); err != nil || c.Head() != 100 {
		t.Fatalf("head %d, %v", c.Head(), err)
	}
	calls := []*Call{
		NewCall("eth_getBalance", "0x01", "latest"), NewCall("eth_getTransactionCount", "0x01", "pending"),
		NewCall("eth_getCode", "0x01", "latest"), NewCall("eth_call", map[string]any{}, "0x5"),
	}
	if err := c.Batch(context.Background(), calls); err != nil {
		t.Fatal(err)
	}
	wantAllAnswered(t, calls)
	want := []string{
		`eth_blockNumber[]`,
		`eth_getBalance["0x01","0x64"]`, `eth_getTransactionCount["0x01","pending"]`, `eth_getCode["0x01","0x64"]`, `eth_call[{},"0x5"]`,
		`eth_getCode["0x01","latest"]`, // refused at the pinned block: asked again for its latest
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sent\n%v\nwant\n%v", got, want)
	}
	for _, call := range calls { // the caller's calls are not rewritten
		if b, _ := json.Marshal(call.Params); strings.Contains(string(b), "0x64") {
			t.Errorf("call params rewritten: %s", b)
		}
	}
}

func TestClassifyItem(t *testing.T) {
	tests := []struct {
		code int
		msg  string
		want Class
	}{
		{-32016, "over rate limit", ClassRateLimit},
		{-32005, "rate limit exceeded", ClassRateLimit},
		{-32005, "daily request count exceeded, request rate limited", ClassRateLimit},
		{-32005, "limit exceeded", ClassUnsupported}, // bsc-dataseed's disabled eth_getLogs
		{-32097, "rate limited", ClassRateLimit},
		{-32029, "Rate limit exceeded", ClassRateLimit},
		{30, "Request timeout on the free tier, please upgrade your tier to the paid one", ClassRateLimit},
		{0, "error code: 1015", ClassRateLimit},
		{-32000, "You reached Public endpoint rate limit, please upgrade to paid plan", ClassRateLimit},
		{-32001, "Exceeded the quota usage", ClassQuota},
		{-32602, "Archive requests require a personal token. Get one at: https://www.allnodes.com/publicnode", ClassNoState},
		{-32601, "the method eth_foo does not exist/is not available", ClassUnsupported},
		{-32001, "rpc method is not whitelisted", ClassUnsupported},
		{0, "This endpoint has been discontinued.", ClassUnsupported},
		{-32051, "message: API key disabled, reason: tenant disabled", ClassUnsupported},
		{35, "chain is not available on free plan, please upgrade to paid plan", ClassUnsupported},
		{-32600, "batch too large", ClassBatch},
		{-32014, "too many RPC calls in batch request", ClassBatch},
		{31, "Batch of more than 3 requests are not allowed on free tier", ClassBatch},
		{-32000, "batch limit 100 exceeded: 142 requests given", ClassBatch},
		// the bare word "exceeded" is not a rate limit
		{-32000, "max code size exceeded", ClassAnswer},
		{-32000, "gas limit exceeded", ClassAnswer},
	}
	for _, tt := range tests {
		if got := ClassifyItem(tt.code, tt.msg); got != tt.want {
			t.Errorf("ClassifyItem(%d, %q) = %d, want %d", tt.code, tt.msg, got, tt.want)
		}
	}
	// a dialect's words come first; what it does not know falls through
	if got := Dialect(lagDialect).ClassifyItem(-32000, "Header not found"); got != ClassUnknownBlock {
		t.Errorf("the dialect's words: %d", got)
	}
	if got := Dialect(lagDialect).ClassifyItem(-32005, "rate limit exceeded"); got != ClassRateLimit {
		t.Errorf("shared shapes under a dialect: %d", got)
	}
	if got := ClassifyItem(-32000, "header not found"); got != ClassAnswer {
		t.Errorf("no dialect knows no family's words: %d", got)
	}
	if got := capHint("Batch of more than 3 requests are not allowed"); got != 3 {
		t.Errorf("cap hint %d", got)
	}
}

// TestDailyQuotaRemembered: 1RPC's spent daily quota is not retried, and
// the host is not asked again before 00:00 UTC.
func TestDailyQuotaRemembered(t *testing.T) {
	var l log
	url := injector(t, func(w http.ResponseWriter, _ *http.Request, calls []sent) {
		l.add(len(calls))
		reply(w, `{"jsonrpc":"2.0","id":null,"error":{"code":-32001,"message":"Exceeded the quota usage"}}`)
	})
	now := time.Date(2026, 12, 1, 23, 0, 0, 0, time.UTC)
	mem := NewCapMemory(filepath.Join(t.TempDir(), "endpoints.json"), nil, func() time.Time { return now })
	for range 2 {
		c, err := Dial(context.Background(), url, Options{Caps: mem, Backoff: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Batch(context.Background(), threeCalls()); !isFault(err, FaultRateLimited) {
			t.Fatalf("err = %v", err)
		}
	}
	if got := l.all(); len(got) != 1 {
		t.Errorf("requests %v, want one: no retry, no second run", got)
	}
	now = now.Add(time.Hour + time.Minute) // past 00:00 UTC
	c, _ := Dial(context.Background(), url, Options{Caps: mem, Backoff: time.Millisecond})
	_ = c.Batch(context.Background(), threeCalls())
	if got := l.all(); len(got) != 2 {
		t.Errorf("requests %v after the reset, want the host asked again", got)
	}
}

// TestUnknownHeaderForASeenBlockAskedAgain: a backend behind the block
// another endpoint showed says "header not found"; asked again a moment
// later, it has caught up. A block past every head seen is not retried.
func TestUnknownHeaderForASeenBlockAskedAgain(t *testing.T) {
	var mu sync.Mutex
	asked := map[string]int{}
	url := injector(t, func(w http.ResponseWriter, _ *http.Request, calls []sent) {
		mu.Lock()
		defer mu.Unlock()
		var parts []string
		for _, c := range calls {
			key := string(c.Params)
			asked[key]++
			if asked[key] == 1 || strings.Contains(key, "0x999") {
				parts = append(parts, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"error":{"code":-32000,"message":"header not found"}}`, c.ID))
				continue
			}
			parts = append(parts, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"result":"0x1"}`, c.ID))
		}
		reply(w, "["+strings.Join(parts, ",")+"]")
	})
	c, err := Dial(context.Background(), url, Options{HeaderWait: time.Millisecond, Dialect: lagDialect})
	if err != nil {
		t.Fatal(err)
	}
	c.Pin(0x64) // the head another endpoint showed
	seen, future := NewCall("eth_call", map[string]any{}, "0x63"), NewCall("eth_call", map[string]any{}, "0x999")
	if err := c.Batch(context.Background(), []*Call{seen, future}); err != nil {
		t.Fatal(err)
	}
	if seen.Err != nil || string(seen.Result) != `"0x1"` {
		t.Errorf("seen block = %s %v, want asked again and answered", seen.Result, seen.Err)
	}
	if e, ok := future.Err.(*RPCError); !ok || e.Message != "header not found" {
		t.Errorf("future block = %s %v, want the node's error", future.Result, future.Err)
	}
	if asked[`[{},"0x999"]`] != 1 {
		t.Errorf("a block nobody has seen was asked %d times", asked[`[{},"0x999"]`])
	}
}

// isFault reports whether err is an endpoint fault of kind f.
func isFault(err error, f Fault) bool {
	var e *Error
	return errors.As(err, &e) && e.Fault == f
}

// lagDialect is the part of a family's dialect these tests need: a block
// this host does not know yet (EVM nodes say "header not found"; the EVM
// backend's whole dialect is tested in diagnose/evm).
func lagDialect(_ int, low string) (Class, bool) {
	if low == "header not found" {
		return ClassUnknownBlock, true
	}
	return 0, false
}
