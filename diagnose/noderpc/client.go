package noderpc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
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
}

// Client sends batched JSON-RPC requests to one endpoint over HTTP.
type Client struct {
	url      string
	http     *http.Client // the caller's client, its transport wrapped to count
	owned    *http.Client // the client Dial built, whose connections Close releases
	maxBody  int64
	requests atomic.Int64
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
	c := &Client{url: endpoint, maxBody: opts.MaxBody}
	if c.maxBody <= 0 {
		c.maxBody = DefaultMaxBody
	}
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

// Close releases the idle connections of an HTTP client Dial built; a
// client passed in Options belongs to the caller and is left alone.
func (c *Client) Close() {
	if c.owned != nil {
		c.owned.CloseIdleConnections()
	}
}

// Batch sends all calls in one HTTP request. A returned error is an
// endpoint fault (*Error) and leaves the calls untouched; otherwise every
// call has its Result or its Err (a *RPCError when the node answered the
// call with an error).
func (c *Client) Batch(ctx context.Context, calls []*Call) error {
	if len(calls) == 0 {
		return nil
	}
	body, err := encodeBatch(calls)
	if err != nil {
		return &Error{Fault: FaultMalformed, Reason: "the request could not be encoded", Err: err}
	}
	raw, err := c.post(ctx, body)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return e
		}
		if ctx.Err() != nil {
			err = fmt.Errorf("%w (%v)", ctx.Err(), err)
		}
		return Classify(err)
	}
	answers, fault := decodeBatch(raw, len(calls))
	if fault != nil {
		return fault
	}
	for i, a := range answers {
		calls[i].Result, calls[i].Err = a.result, a.err
	}
	return nil
}

// Unwrap lets errors.Is see through a *Error to the cause.
var _ interface{ Unwrap() error } = (*Error)(nil)

// IsFault reports whether err is an endpoint fault of kind f.
func IsFault(err error, f Fault) bool {
	var e *Error
	return errors.As(err, &e) && e.Fault == f
}
