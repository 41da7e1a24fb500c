package noderpc

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"
)

// DefaultMaxBody is the default cap on one HTTP response body.
const DefaultMaxBody = 16 << 20

// Options configure a Client.
type Options struct {
	// HTTP is the client to send with; nil builds one with NewHTTPClient.
	HTTP *http.Client
	// MaxBody caps one response body in bytes; 0 means DefaultMaxBody.
	MaxBody int64
	// Cap is the most calls to put in one HTTP request (the registry's
	// figure for a known host); 0 means DefaultCap. A fresh cap that Caps
	// remembers for the host wins over it.
	Cap int
	// Caps remembers, between runs, the caps hosts turned out to accept;
	// nil remembers nothing.
	Caps *CapMemory
	// Backoff is the first wait after a rate limit; it doubles on each of
	// the RateTries tries. 0 means DefaultBackoff.
	Backoff time.Duration
	// HeaderWait is how long to wait before asking again for a block the
	// endpoint called unknown although it was seen to exist; 0 means
	// DefaultHeaderWait.
	HeaderWait time.Duration
	// Dialect reads the family's own words in error objects before the
	// shapes every host shares; nil knows none (ClassifyItem).
	Dialect Dialect
}

// Batching and backoff defaults, from ENDPOINTS.md: unknown hosts start at
// 10 calls per request; rate limits wait 150 ms × 2ⁿ for 3 tries (viem's
// schedule), and a Retry-After longer than MaxWait is not waited for (the
// engine goes to another endpoint instead).
const (
	DefaultCap     = 10
	MaxCap         = 1000
	DefaultBackoff = 150 * time.Millisecond
	RateTries      = 3
	MaxWait        = 2 * time.Second
	// DefaultHeaderWait: load-balanced backends catch up "within 1 to 2 s"
	// (ENDPOINTS.md rule 7).
	DefaultHeaderWait = time.Second
)

// Client sends batched JSON-RPC requests to one endpoint over HTTP.
type Client struct {
	url        string
	http       *http.Client // the caller's client, its transport wrapped to count
	owned      *http.Client // the client Dial built, whose connections Close releases
	maxBody    int64
	requests   atomic.Int64
	rounds     atomic.Int64
	cap        atomic.Int64
	head       atomic.Uint64 // the block number "latest" is pinned to; 0: not pinned
	host       string
	caps       *CapMemory
	backoff    time.Duration
	headerWait time.Duration
	dialect    Dialect
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
	c := &Client{url: endpoint, maxBody: opts.MaxBody, host: hostOf(endpoint), caps: opts.Caps, backoff: opts.Backoff, dialect: opts.Dialect}
	if c.maxBody <= 0 {
		c.maxBody = DefaultMaxBody
	}
	if c.backoff <= 0 {
		c.backoff = DefaultBackoff
	}
	if c.headerWait = opts.HeaderWait; c.headerWait <= 0 {
		c.headerWait = DefaultHeaderWait
	}
	start := opts.Cap
	if learnt, ok := c.caps.Get(c.host); ok {
		start = learnt
	}
	c.cap.Store(int64(clampCap(start)))
	hc := opts.HTTP
	if hc == nil {
		hc = NewHTTPClient()
		c.owned = hc
	}
	inner := hc.Transport
	if inner == nil {
		inner = http.DefaultTransport
	}
	wrapped := *hc
	wrapped.Transport = &countingTransport{inner: inner, client: c}
	c.http = &wrapped
	return c, nil
}

// URL is the endpoint's address.
func (c *Client) URL() string { return c.url }

// Requests is the number of HTTP requests sent so far.
func (c *Client) Requests() int { return int(c.requests.Load()) }

// Rounds is the number of Batch calls made so far: rounds of latency,
// however many HTTP requests each needed.
func (c *Client) Rounds() int { return int(c.rounds.Load()) }

// Cap is the most calls the client now puts in one HTTP request.
func (c *Client) Cap() int { return int(c.cap.Load()) }

// Head is the block number state calls asking for "latest" are pinned to
// (0: not pinned yet).
func (c *Client) Head() uint64 { return c.head.Load() }

// Pin makes later state calls that ask for "latest" ask for block n
// instead, unless the client already pinned a later block: one view of
// the chain for a whole check, even behind load balancers whose backends
// are a few blocks apart. The client pins itself to the first answer it
// gets to eth_blockNumber.
func (c *Client) Pin(n uint64) {
	for {
		old := c.head.Load()
		if old >= n || c.head.CompareAndSwap(old, n) {
			return
		}
	}
}

// RefusedStateBefore reports whether the endpoint's host refused old state
// in an earlier run (within MaxCapAge).
func (c *Client) RefusedStateBefore() bool { return c.caps.RefusedState(c.host) }

// NoteRefusedState remembers that the endpoint's host refused old state.
func (c *Client) NoteRefusedState() { c.caps.PutRefusedState(c.host) }

// lowerCap lowers the cap to n (never raises it) and remembers it.
func (c *Client) lowerCap(n int) {
	n = clampCap(n)
	for {
		old := c.cap.Load()
		if int64(n) >= old {
			return
		}
		if c.cap.CompareAndSwap(old, int64(n)) {
			c.caps.Put(c.host, n)
			return
		}
	}
}

func clampCap(n int) int {
	switch {
	case n <= 0:
		return DefaultCap
	case n > MaxCap:
		return MaxCap
	}
	return n
}

// Close releases the idle connections of an HTTP client Dial built; a
// client passed in Options belongs to the caller and is left alone.
func (c *Client) Close() {
	if c.owned != nil {
		c.owned.CloseIdleConnections()
	}
}

// Batch sends the calls as one round: in one HTTP request, or split into
// parts of at most Cap calls sent at the same time, so that a capped
// endpoint costs requests, not latency. A refused batch (every shape in
// ENDPOINTS.md) is halved and sent again, down to single calls; calls the
// endpoint rate-limits are sent again after a backoff. A returned error is
// an endpoint fault (*Error) and leaves the calls untouched; otherwise
// every call has its Result or its Err (a *RPCError when the node answered
// the call with an error). A call is never given a result it was not sent.
func (c *Client) Batch(ctx context.Context, calls []*Call) error {
	if len(calls) == 0 {
		return nil
	}
	c.rounds.Add(1)
	if c.caps.QuotaSpent(c.host) {
		return &Error{Fault: FaultRateLimited, Reason: quotaReason + " (it resets at 00:00 UTC)"}
	}
	x := newExchange(c, calls)
	var idx []int
	for i, call := range calls {
		if c.caps.Unsupported(pathKey(c.url), call.Method) {
			// Seen not to offer it in an earlier run: answered here with the
			// refusal it gave, so the caller asks another endpoint.
			x.answers[i] = answer{err: &RPCError{Code: codeMethodNotFound, Message: "the method " + call.Method + " is not available on this endpoint (remembered from an earlier run)"}}
			continue
		}
		idx = append(idx, i)
	}
	if len(idx) > 0 {
		if err := x.send(ctx, idx); err != nil {
			return err
		}
	}
	for i, a := range x.answers {
		calls[i].Result, calls[i].Err = a.result, a.err
		c.learnUnsupported(calls[i])
	}
	c.learnHead(calls)
	return nil
}

// codeMethodNotFound is JSON-RPC's "method not found".
const codeMethodNotFound = -32601

// pathKey names an endpoint by host and path: one operator may serve
// several networks, with other methods, under one host.
func pathKey(endpoint string) string {
	u, err := url.Parse(endpoint)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host) + strings.TrimRight(u.Path, "/")
}

// learnUnsupported remembers a call the endpoint said it does not offer.
func (c *Client) learnUnsupported(call *Call) {
	var e CodedError
	if call.Err == nil || !errors.As(call.Err, &e) {
		return
	}
	if c.dialect.ClassifyRPC(e.ErrorCode(), e.Error(), call.Err).Fault == FaultUnsupported {
		c.caps.PutUnsupported(pathKey(c.url), call.Method)
	}
}

// Unwrap lets errors.Is see through a *Error to the cause.
var _ interface{ Unwrap() error } = (*Error)(nil)
