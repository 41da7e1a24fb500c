package restjson

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// DefaultMaxBody caps one response body.
const DefaultMaxBody = 8 << 20

// errorBodySnippet is how much of a non-2xx answer's body is kept.
const errorBodySnippet = 512

// maxRetryAfter bounds a Retry-After so that a huge one cannot overflow.
const maxRetryAfter = 24 * time.Hour

// Options configure a Client.
type Options struct {
	// HTTP is the client to send with; nil builds noderpc.NewHTTPClient().
	HTTP *http.Client
	// MaxBody caps one response body in bytes; 0 means DefaultMaxBody.
	MaxBody int64
}

// Client asks one REST/JSON endpoint (a base URL such as
// https://api.trongrid.io or https://mempool.space/api).
type Client struct {
	base     string
	http     *http.Client
	maxBody  int64
	requests atomic.Int64
}

// New prepares a client for base. It sends nothing.
func New(base string, opts Options) (*Client, error) {
	if err := noderpc.CheckURL(base); err != nil {
		return nil, err
	}
	c := &Client{base: strings.TrimRight(base, "/"), http: opts.HTTP, maxBody: opts.MaxBody}
	if c.http == nil {
		c.http = noderpc.NewHTTPClient()
	}
	if c.maxBody <= 0 {
		c.maxBody = DefaultMaxBody
	}
	return c, nil
}

// Base is the endpoint's base URL.
func (c *Client) Base() string { return c.base }

// Requests is the number of HTTP requests sent so far.
func (c *Client) Requests() int { return int(c.requests.Load()) }

// Get fetches base+path and returns the raw body of a 2xx answer. path
// must start with "/"; it is joined as given (callers build it from parsed,
// validated values only).
func (c *Client) Get(ctx context.Context, path string) ([]byte, error) {
	return c.do(ctx, http.MethodGet, path, nil)
}

// Post sends body as JSON to base+path and returns the raw body of a 2xx
// answer.
func (c *Client) Post(ctx context.Context, path string, body any) ([]byte, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("restjson: encode request: %w", err)
	}
	return c.do(ctx, http.MethodPost, path, b)
}

// GetJSON fetches base+path and decodes a JSON answer into out. An answer
// that is not JSON (a lite node's plain text, an HTML error page) is a
// malformed-answer fault.
func (c *Client) GetJSON(ctx context.Context, path string, out any) error {
	b, err := c.Get(ctx, path)
	if err != nil {
		return err
	}
	return decode(path, b, out)
}

// PostJSON posts body and decodes a JSON answer into out.
func (c *Client) PostJSON(ctx context.Context, path string, body, out any) error {
	b, err := c.Post(ctx, path, body)
	if err != nil {
		return err
	}
	return decode(path, b, out)
}

func decode(path string, b []byte, out any) error {
	if err := json.Unmarshal(b, out); err != nil {
		return &noderpc.Error{Fault: noderpc.FaultMalformed,
			Reason: "the endpoint's answer to " + pathOnly(path) + " could not be read", Err: err}
	}
	return nil
}

// pathOnly is a path without its query, for messages.
func pathOnly(p string) string {
	if i := strings.IndexByte(p, '?'); i >= 0 {
		return p[:i]
	}
	return p
}

func (c *Client) do(ctx context.Context, method, path string, body []byte) ([]byte, error) {
	if !strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("restjson: path %q does not start with /", path)
	}
	u := c.base + path
	if _, err := url.Parse(u); err != nil {
		return nil, fmt.Errorf("restjson: bad path: %w", err)
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return nil, noderpc.Classify(err)
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	c.requests.Add(1)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, noderpc.Classify(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		snippet, _ := io.ReadAll(io.LimitReader(resp.Body, errorBodySnippet))
		return nil, &StatusError{HTTP: noderpc.HTTPError{StatusCode: resp.StatusCode, Status: resp.Status,
			Body: snippet, RetryAfter: retryAfter(resp)}}
	}
	if resp.ContentLength > c.maxBody {
		return nil, tooLarge()
	}
	out, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBody+1))
	if err != nil {
		return nil, noderpc.Classify(err)
	}
	if int64(len(out)) > c.maxBody {
		return nil, tooLarge()
	}
	return out, nil
}

// StatusError is an answer with a status other than 2xx. Some REST APIs
// answer "not found" this way (Esplora's 404 "Transaction not found"), so
// the status and body stay readable; Fault classifies it as an endpoint
// fault otherwise.
type StatusError struct{ HTTP noderpc.HTTPError }

func (e *StatusError) Error() string { return e.HTTP.Error() }

// Fault classifies the answer with the JSON-RPC transport's taxonomy.
func (e *StatusError) Fault() *noderpc.Error { return noderpc.Classify(&e.HTTP) }

// Unwrap exposes the HTTP error, so noderpc.Classify reads it too.
func (e *StatusError) Unwrap() error { return &e.HTTP }

func tooLarge() *noderpc.Error {
	return &noderpc.Error{Fault: noderpc.FaultTooLarge, Reason: "the endpoint sent an answer larger than allowed"}
}

// retryAfter reads a 429's Retry-After header given in seconds.
func retryAfter(resp *http.Response) time.Duration {
	if resp.StatusCode != http.StatusTooManyRequests {
		return 0
	}
	secs, err := strconv.Atoi(strings.TrimSpace(resp.Header.Get("Retry-After")))
	if err != nil || secs < 0 {
		return 0
	}
	if int64(secs) > int64(maxRetryAfter/time.Second) {
		return maxRetryAfter
	}
	return time.Duration(secs) * time.Second
}
