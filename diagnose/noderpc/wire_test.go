package noderpc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// sent is one call as a fault injector received it.
type sent struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Method  string          `json:"method"`
	Params  json.RawMessage `json:"params"`
}

// injector is a fault injector: a loopback HTTP server that checks the
// request is a well-formed batch, then answers it with answer. It stands
// in for a node only for faults a real node does not produce on demand.
func injector(t *testing.T, answer func(w http.ResponseWriter, r *http.Request, calls []sent)) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var calls []sent
		body, err := io.ReadAll(r.Body)
		if err == nil {
			err = json.Unmarshal(body, &calls)
		}
		switch {
		case r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || r.Header.Get("Accept") != "application/json":
			t.Errorf("request %s, content type %q, accept %q", r.Method, r.Header.Get("Content-Type"), r.Header.Get("Accept"))
		case err != nil:
			t.Errorf("request body %q: %v", body, err)
		}
		ids := map[string]bool{}
		for i, c := range calls {
			n, err := strconv.Atoi(string(c.ID))
			if c.JSONRPC != "2.0" || err != nil || n < 1 || ids[string(c.ID)] || len(c.Params) == 0 || c.Params[0] != '[' {
				t.Errorf("call %d = %s %s %s %s", i, c.JSONRPC, c.ID, c.Method, c.Params)
			}
			ids[string(c.ID)] = true
		}
		answer(w, r, calls)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// reply writes a 200 JSON body.
func reply(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = io.WriteString(w, body)
}

// results answers each call with its method name, in the given order of
// call indexes (nil: in order).
func results(calls []sent, order ...int) string {
	if order == nil {
		for i := range calls {
			order = append(order, i)
		}
	}
	var parts []string
	for _, i := range order {
		parts = append(parts, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"result":%q}`, calls[i].ID, calls[i].Method))
	}
	return "[" + strings.Join(parts, ",") + "]"
}

func threeCalls() []*Call {
	return []*Call{NewCall("eth_chainId"), NewCall("eth_getBalance", "0x01", "latest"), NewCall("eth_blockNumber")}
}

func TestBatchFaults(t *testing.T) {
	const rateLimit = `{"jsonrpc":"2.0","id":null,"error":{"code":-32005,"message":"rate limit"}}`
	tests := []struct {
		name      string
		answer    func(w http.ResponseWriter, r *http.Request, calls []sent)
		maxBody   int64
		timeout   time.Duration
		cancel    bool
		want      Fault
		wantRetry time.Duration
	}{
		{name: "one error object for the batch", want: FaultRateLimited,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) { reply(w, rateLimit) }},
		{name: "one error object in an array", want: FaultRateLimited,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) { reply(w, "["+rateLimit+"]") }},
		{name: "batch rejected, even one call at a time", want: FaultBatchRefused,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) {
				reply(w, `{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch too large"}}`)
			}},
		{name: "duplicate id", want: FaultMalformed,
			answer: func(w http.ResponseWriter, _ *http.Request, calls []sent) { reply(w, results(calls, 0, 1, 1, 2)) }},
		{name: "unknown id", want: FaultMalformed,
			answer: func(w http.ResponseWriter, _ *http.Request, calls []sent) {
				reply(w, strings.Replace(results(calls), `"id":3`, `"id":99`, 1))
			}},
		{name: "string id", want: FaultMalformed,
			answer: func(w http.ResponseWriter, _ *http.Request, calls []sent) {
				reply(w, strings.Replace(results(calls), `"id":3`, `"id":"3"`, 1))
			}},
		{name: "answer without id", want: FaultMalformed,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) {
				reply(w, `[{"jsonrpc":"2.0","result":"0x1"}]`)
			}},
		{name: "not json", want: FaultMalformed,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) { reply(w, "garbage") }},
		{name: "truncated json", want: FaultMalformed,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) { reply(w, `[{"jsonrpc":"2.0","id":1,"result":`) }},
		{name: "array of numbers", want: FaultMalformed,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) { reply(w, `[1,2,3]`) }},
		{name: "an empty array, every time", want: FaultMalformed,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) { reply(w, "[]") }},
		{name: "API key disabled (polygon-rpc.com)", want: FaultUnsupported,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusUnauthorized)
				_, _ = io.WriteString(w, `{"error":"message: API key disabled, reason: tenant disabled, json-rpc code: -32051, rest code: 403"}`)
			}},
		{name: "Cloudflare 1015", want: FaultRateLimited,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) {
				w.Header().Set("Content-Type", "text/plain; charset=UTF-8")
				w.WriteHeader(http.StatusTooManyRequests)
				_, _ = io.WriteString(w, "error code: 1015")
			}},
		{name: "dRPC free-tier timeout (code 30, HTTP 408)", want: FaultRateLimited,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusRequestTimeout)
				_, _ = io.WriteString(w, `{"id":1,"jsonrpc":"2.0","error":{"code":30,"message":"Request timeout on the free tier, please upgrade your tier to the paid one"}}`)
			}},
		{name: "1RPC daily quota", want: FaultRateLimited,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) {
				reply(w, `{"jsonrpc":"2.0","id":null,"error":{"code":-32001,"message":"Exceeded the quota usage"}}`)
			}},
		{name: "empty body", want: FaultMalformed,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) { reply(w, "") }},
		{name: "html with 200", want: FaultMalformed,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) { reply(w, "<html><body>hello</body></html>") }},
		{name: "html 502", want: FaultServer,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(http.StatusBadGateway)
				_, _ = io.WriteString(w, "<html><body><h1>502 Bad Gateway</h1></body></html>")
			}},
		{name: "403", want: FaultHTTP,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) {
				http.Error(w, "forbidden", http.StatusForbidden)
			}},
		{name: "429 with Retry-After", want: FaultRateLimited, wantRetry: 7 * time.Second,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) {
				w.Header().Set("Retry-After", "7")
				w.WriteHeader(http.StatusTooManyRequests)
				_, _ = io.WriteString(w, rateLimit)
			}},
		{name: "429 with a huge Retry-After", want: FaultRateLimited, wantRetry: maxRetryAfter,
			answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) {
				w.Header().Set("Retry-After", "99999999999999")
				w.WriteHeader(http.StatusTooManyRequests)
			}},
		{name: "oversized, with length", want: FaultTooLarge, maxBody: 1 << 10,
			answer: func(w http.ResponseWriter, _ *http.Request, calls []sent) {
				reply(w, strings.Repeat(" ", 2<<10)+results(calls))
			}},
		{name: "oversized, chunked", want: FaultTooLarge, maxBody: 1 << 10,
			answer: func(w http.ResponseWriter, _ *http.Request, calls []sent) {
				w.Header().Set("Content-Type", "application/json")
				for range 64 {
					_, _ = io.WriteString(w, strings.Repeat(" ", 64))
					w.(http.Flusher).Flush()
				}
				_, _ = io.WriteString(w, results(calls))
			}},
		{name: "hang past the deadline", want: FaultTimeout, timeout: 100 * time.Millisecond,
			answer: func(_ http.ResponseWriter, r *http.Request, _ []sent) { <-r.Context().Done() }},
		{name: "hang, then cancelled", want: FaultCancelled, cancel: true,
			answer: func(_ http.ResponseWriter, r *http.Request, _ []sent) { <-r.Context().Done() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.timeout > 0 {
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
				defer cancel()
			}
			if tt.cancel {
				time.AfterFunc(100*time.Millisecond, cancel)
			}
			c, err := Dial(ctx, injector(t, tt.answer), Options{MaxBody: tt.maxBody, Backoff: time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			calls := threeCalls()
			err = c.Batch(ctx, calls)
			var e *Error
			if !errors.As(err, &e) || e.Fault != tt.want || e.RetryAfter != tt.wantRetry {
				t.Fatalf("err = %#v (%v), want fault %s, retry after %v", e, err, tt.want, tt.wantRetry)
			}
			if got := Classify(err); got != e {
				t.Errorf("Classify changed the fault: %v", got)
			}
			for i, call := range calls {
				if call.Result != nil || call.Err != nil {
					t.Errorf("call %d touched by a failed batch: %s %v", i, call.Result, call.Err)
				}
			}
		})
	}
}

func TestBatchAnswers(t *testing.T) {
	tests := []struct {
		name     string
		requests int // 0: one
		answer   func(w http.ResponseWriter, r *http.Request, calls []sent)
		check    func(t *testing.T, calls []*Call)
	}{
		{name: "out of order", answer: func(w http.ResponseWriter, _ *http.Request, calls []sent) {
			reply(w, results(calls, 2, 0, 1))
		}, check: func(t *testing.T, calls []*Call) {
			for i, c := range calls {
				if want := strconv.Quote(c.Method); c.Err != nil || string(c.Result) != want {
					t.Errorf("call %d = %s %v, want %s", i, c.Result, c.Err, want)
				}
			}
		}},
		{name: "a call unanswered is asked again, never left empty", requests: 2, answer: func(w http.ResponseWriter, _ *http.Request, calls []sent) {
			if len(calls) == 3 {
				reply(w, results(calls, 0, 2))
				return
			}
			reply(w, results(calls))
		}, check: func(t *testing.T, calls []*Call) {
			for i, c := range calls {
				if want := strconv.Quote(c.Method); c.Err != nil || string(c.Result) != want {
					t.Errorf("call %d = %s %v, want %s", i, c.Result, c.Err, want)
				}
			}
		}},
		{name: "null, no result, error null", answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) {
			reply(w, `[null,{"jsonrpc":"2.0","id":1,"result":null},{"jsonrpc":"2.0","id":2},{"id":3,"result":"0x3","error":null}]`)
		}, check: func(t *testing.T, calls []*Call) {
			if string(calls[0].Result) != "null" || calls[0].Err != nil {
				t.Errorf("null result = %q %v", calls[0].Result, calls[0].Err)
			}
			if !errors.Is(calls[1].Err, errNoResult) {
				t.Errorf("no result: %v", calls[1].Err)
			}
			if string(calls[2].Result) != `"0x3"` || calls[2].Err != nil {
				t.Errorf("error null = %q %v", calls[2].Result, calls[2].Err)
			}
		}},
		{name: "per-call errors", answer: func(w http.ResponseWriter, _ *http.Request, _ []sent) {
			reply(w, `[{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"execution reverted","data":"0x08c379a0"}},`+
				`{"jsonrpc":"2.0","id":2,"error":{"code":-32000,"message":"x","data":{"data":"0x01"}},"result":"0x1"},`+
				`{"jsonrpc":"2.0","id":3,"error":"something broke"}]`)
		}, check: func(t *testing.T, calls []*Call) {
			var e *RPCError
			if !errors.As(calls[0].Err, &e) || e.Code != 3 || e.Error() != "execution reverted" || e.ErrorData() != "0x08c379a0" {
				t.Errorf("call 0: %#v", calls[0].Err)
			}
			if !errors.As(calls[1].Err, &e) || e.Code != -32000 || calls[1].Result != nil {
				t.Errorf("call 1: %#v, result %s", calls[1].Err, calls[1].Result)
			} else if m, ok := e.ErrorData().(map[string]any); !ok || m["data"] != "0x01" {
				t.Errorf("call 1 data: %#v", e.ErrorData())
			}
			if !errors.As(calls[2].Err, &e) || e.Code != 0 || e.Error() != "something broke" {
				t.Errorf("call 2: %#v", calls[2].Err)
			}
		}},
		{name: "a single answer object to a batch is a refusal: asked again smaller", requests: 4, answer: func(w http.ResponseWriter, _ *http.Request, calls []sent) {
			if len(calls) > 1 {
				reply(w, `{"jsonrpc":"2.0","id":2,"error":{"code":-32000,"message":"header not found"}}`)
				return
			}
			reply(w, results(calls))
		}, check: func(t *testing.T, calls []*Call) {
			for i, c := range calls {
				if want := strconv.Quote(c.Method); c.Err != nil || string(c.Result) != want {
					t.Errorf("call %d = %s %v, want %s", i, c.Result, c.Err, want)
				}
			}
		}},
		{name: "exactly the cap", answer: func(w http.ResponseWriter, _ *http.Request, calls []sent) {
			body := results(calls)
			reply(w, strings.Repeat(" ", 1<<10-len(body))+body)
		}, check: func(t *testing.T, calls []*Call) {
			if calls[0].Err != nil || string(calls[0].Result) != `"eth_chainId"` {
				t.Errorf("call 0 = %s %v", calls[0].Result, calls[0].Err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			c, err := Dial(ctx, injector(t, tt.answer), Options{MaxBody: 1 << 10})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			calls := threeCalls()
			if err := c.Batch(ctx, calls); err != nil {
				t.Fatalf("batch: %v", err)
			}
			if want := max(tt.requests, 1); c.Requests() != want {
				t.Errorf("requests = %d, want %d", c.Requests(), want)
			}
			tt.check(t, calls)
		})
	}
}

// TestRequestsCountsRedirects: a redirected POST is two HTTP requests.
func TestRequestsCountsRedirects(t *testing.T) {
	url := injector(t, func(w http.ResponseWriter, r *http.Request, calls []sent) {
		if r.URL.Path != "/moved" {
			http.Redirect(w, r, "/moved", http.StatusPermanentRedirect)
			return
		}
		reply(w, results(calls))
	})
	hc := NewHTTPClient()
	defer hc.CloseIdleConnections()
	c, err := Dial(context.Background(), url, Options{HTTP: hc})
	if err != nil {
		t.Fatal(err)
	}
	calls := threeCalls()
	if err := c.Batch(context.Background(), calls); err != nil || calls[2].Err != nil {
		t.Fatalf("batch: %v, %v", err, calls[2].Err)
	}
	if c.Requests() != 2 {
		t.Errorf("requests = %d, want 2", c.Requests())
	}
	c.Close() // the caller's client stays usable
	if err := c.Batch(context.Background(), threeCalls()); err != nil {
		t.Errorf("batch after Close: %v", err)
	}
}
