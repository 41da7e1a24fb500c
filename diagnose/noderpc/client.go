package noderpc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/rpc"
)

// DefaultMaxBody is the default cap on one HTTP response body.
const DefaultMaxBody = 16 << 20

// Options configure a Client.
type Options struct {
	// HTTP is the client to send with; nil builds one with NewHTTPClient.
	HTTP *http.Client
	// MaxBody caps one response body in bytes; 0 means DefaultMaxBody.
	MaxBody int64
}

// Client sends batched JSON-RPC requests to one endpoint over HTTP.
type Client struct {
	url      string
	rc       *rpc.Client
	requests atomic.Int64

	mu         sync.Mutex
	tooLarge   bool
	retryAfter time.Duration
}

// Call is one JSON-RPC call inside a batch. After Batch returns, either
// Result holds the raw JSON result (possibly "null") or Err is set.
type Call struct {
	Method string
	Params []any
	Result json.RawMessage
	Err    error
}

// NewCall builds a Call.
func NewCall(method string, params ...any) *Call {
	if params == nil {
		params = []any{}
	}
	return &Call{Method: method, Params: params}
}

// NewHTTPClient builds the HTTP client unstuck uses for public endpoints:
// proxies from the environment, bounded dial and TLS handshakes, keep-alive.
func NewHTTPClient() *http.Client {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          64,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       60 * time.Second,
		TLSHandshakeTimeout:   5 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	return &http.Client{Transport: tr}
}

// Dial prepares a client for an http(s) endpoint. It sends nothing.
func Dial(ctx context.Context, endpoint string, opts Options) (*Client, error) {
	if err := CheckURL(endpoint); err != nil {
		return nil, err
	}
	hc := opts.HTTP
	if hc == nil {
		hc = NewHTTPClient()
	}
	max := opts.MaxBody
	if max <= 0 {
		max = DefaultMaxBody
	}
	c := &Client{url: endpoint}
	inner := hc.Transport
	if inner == nil {
		inner = http.DefaultTransport
	}
	wrapped := *hc
	wrapped.Transport = &countingTransport{inner: inner, client: c, max: max}
	rc, err := rpc.DialOptions(ctx, endpoint, rpc.WithHTTPClient(&wrapped))
	if err != nil {
		return nil, fmt.Errorf("endpoint %s: %w", Redact(endpoint), err)
	}
	c.rc = rc
	return c, nil
}

// URL is the endpoint's address.
func (c *Client) URL() string { return c.url }

// Requests is the number of HTTP requests sent so far.
func (c *Client) Requests() int { return int(c.requests.Load()) }

// Close releases the client.
func (c *Client) Close() { c.rc.Close() }

// Batch sends all calls in one HTTP request. A returned error is an
// endpoint fault (*Error); per-call errors are left in Call.Err.
func (c *Client) Batch(ctx context.Context, calls []*Call) error {
	if len(calls) == 0 {
		return nil
	}
	elems := make([]rpc.BatchElem, len(calls))
	for i, call := range calls {
		elems[i] = rpc.BatchElem{Method: call.Method, Args: call.Params, Result: &calls[i].Result}
	}
	c.mu.Lock()
	c.tooLarge, c.retryAfter = false, 0
	c.mu.Unlock()
	err := c.rc.BatchCallContext(ctx, elems)
	c.mu.Lock()
	tooLarge, retry := c.tooLarge, c.retryAfter
	c.mu.Unlock()
	if tooLarge {
		return &Error{Fault: FaultTooLarge, Reason: "the endpoint sent an answer larger than allowed", Err: errTooLarge}
	}
	if err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("%w (%v)", ctx.Err(), err)
		}
		e := Classify(err)
		if e.Fault == FaultRateLimited && retry > 0 {
			e.RetryAfter = retry
		}
		return e
	}
	for i := range calls {
		calls[i].Err = elems[i].Error
	}
	return nil
}

// countingTransport counts requests, caps bodies and remembers Retry-After.
type countingTransport struct {
	inner  http.RoundTripper
	client *Client
	max    int64
}

func (t *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.client.requests.Add(1)
	resp, err := t.inner.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		if secs, perr := strconv.Atoi(resp.Header.Get("Retry-After")); perr == nil && secs >= 0 {
			t.client.mu.Lock()
			t.client.retryAfter = time.Duration(secs) * time.Second
			t.client.mu.Unlock()
		}
	}
	resp.Body = &cappedBody{rc: resp.Body, left: t.max, client: t.client}
	return resp, nil
}

type cappedBody struct {
	rc     io.ReadCloser
	left   int64
	client *Client
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One more byte tells a body of exactly the cap from a larger one.
		var one [1]byte
		if n, _ := b.rc.Read(one[:]); n == 0 {
			return 0, io.EOF
		}
		b.client.mu.Lock()
		b.client.tooLarge = true
		b.client.mu.Unlock()
		return 0, errTooLarge
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *cappedBody) Close() error { return b.rc.Close() }

// Unwrap lets errors.Is see through a *Error to the cause.
var _ interface{ Unwrap() error } = (*Error)(nil)

// IsFault reports whether err is an endpoint fault of kind f.
func IsFault(err error, f Fault) bool {
	var e *Error
	return errors.As(err, &e) && e.Fault == f
}
