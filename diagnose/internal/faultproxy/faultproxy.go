package faultproxy

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"
)

// Fault is one way the proxy misbehaves.
type Fault string

// Faults. None forwards faithfully (with the configured delay).
const (
	None          Fault = ""
	Hang          Fault = "hang"           // never answers; released by the client or by Close
	Refuse        Fault = "refuse"         // the URL is a closed port: connection refused
	Reset         Fault = "reset"          // half the answer, then a TCP reset
	RateLimit     Fault = "rate_limit"     // HTTP 429 with Retry-After
	ServerError   Fault = "http_500"       // HTTP 500 with an HTML body
	BadGateway    Fault = "http_502"       // HTTP 502 with an HTML body
	Malformed     Fault = "malformed_json" // HTTP 200 with a body that is not JSON
	RPCError      Fault = "rpc_error"      // valid JSON-RPC, every call answered with an error
	WrongChain    Fault = "wrong_chain"    // eth_chainId answers another chain
	Oversize      Fault = "oversize"       // the real answer behind padding past the client's cap
	Contradiction Fault = "contradiction"  // a transaction or receipt for another hash
	Stale         Fault = "stale"          // head far behind; transaction lookups answer null
	Indexing      Fault = "indexing"       // transaction lookups: "transaction indexing is in progress"
)

// Faults lists every fault but None, in a stable order.
func Faults() []Fault {
	return []Fault{Hang, Refuse, Reset, RateLimit, ServerError, BadGateway, Malformed, RPCError,
		WrongChain, Oversize, Contradiction, Stale, Indexing}
}

// Defaults of the options.
const (
	// DefaultPad exceeds the 16 MiB body cap unstuck applies by default.
	DefaultPad        = 16<<20 + 1<<10
	DefaultChainID    = 56 // BNB Smart Chain: a plausible wrong network
	DefaultStaleBy    = 1000
	DefaultRetryAfter = 7 // seconds
)

// IndexingMessage is what geth answers while it builds its transaction index.
const IndexingMessage = "transaction indexing is in progress"

// Option configures a Proxy.
type Option func(*settings)

type settings struct {
	fault      Fault
	delay      time.Duration
	pad        int64
	chainID    uint64
	staleBy    uint64
	retryAfter int
	rewrite    RewriteFunc
}

// WithFault sets the fault (None by default).
func WithFault(f Fault) Option { return func(s *settings) { s.fault = f } }

// WithDelay holds every request for d before handling it.
func WithDelay(d time.Duration) Option { return func(s *settings) { s.delay = d } }

// WithPad sets how many bytes of white space Oversize puts before the answer.
func WithPad(n int64) Option { return func(s *settings) { s.pad = n } }

// WithChainID sets the chain id WrongChain claims.
func WithChainID(id uint64) Option { return func(s *settings) { s.chainID = id } }

// WithStaleBy sets how many blocks behind Stale reports its head.
func WithStaleBy(n uint64) Option { return func(s *settings) { s.staleBy = n } }

// WithRetryAfter sets the Retry-After seconds of RateLimit.
func WithRetryAfter(secs int) Option { return func(s *settings) { s.retryAfter = secs } }

// WithRewrite edits each forwarded answer after the fault's own rewriting:
// the hook for faults the list does not name (a hostile revert reason, say).
func WithRewrite(fn RewriteFunc) Option { return func(s *settings) { s.rewrite = fn } }

// Proxy is a running fault injector. Close it when done; Close is safe
// while requests hang and waits until every handler has returned.
type Proxy struct {
	target   string
	url      string
	set      settings
	requests atomic.Int64

	srv    *http.Server
	client *http.Client
	served chan struct{} // closed when Serve returns
	done   chan struct{} // closed by Close: releases hanging handlers

	mu      sync.Mutex
	closed  bool
	active  sync.WaitGroup
	closing sync.Once
}

// New starts a proxy in front of target (an http:// JSON-RPC URL) on a free
// port of 127.0.0.1.
func New(target string, opts ...Option) (*Proxy, error) {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("faultproxy: target %q is not an http(s) URL", target)
	}
	set := settings{pad: DefaultPad, chainID: DefaultChainID, staleBy: DefaultStaleBy, retryAfter: DefaultRetryAfter}
	for _, o := range opts {
		o(&set)
	}
	if !known(set.fault) {
		return nil, fmt.Errorf("faultproxy: unknown fault %q", set.fault)
	}
	p := &Proxy{target: target, set: set, served: make(chan struct{}), done: make(chan struct{})}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("faultproxy: listen: %w", err)
	}
	p.url = "http://" + l.Addr().String()
	if set.fault == Refuse {
		// A port that was just closed refuses connections.
		close(p.served)
		if err := l.Close(); err != nil {
			return nil, fmt.Errorf("faultproxy: close listener: %w", err)
		}
		return p, nil
	}
	p.client = &http.Client{Transport: &http.Transport{
		DialContext:     (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:    16,
		IdleConnTimeout: 30 * time.Second,
	}}
	p.srv = &http.Server{Handler: http.HandlerFunc(p.serve), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		defer close(p.served)
		_ = p.srv.Serve(l) // returns http.ErrServerClosed on Close
	}()
	return p, nil
}

func known(f Fault) bool {
	if f == None {
		return true
	}
	for _, k := range Faults() {
		if k == f {
			return true
		}
	}
	return false
}

// URL is the proxy's address, http://127.0.0.1:port.
func (p *Proxy) URL() string { return p.url }

// Fault is the fault the proxy injects.
func (p *Proxy) Fault() Fault { return p.set.fault }

// Requests is how many HTTP requests the proxy has received.
func (p *Proxy) Requests() int { return int(p.requests.Load()) }

// Close stops the proxy: it releases hanging requests, closes every
// connection and waits for every handler and the server loop to return.
func (p *Proxy) Close() {
	p.closing.Do(func() {
		p.mu.Lock()
		p.closed = true
		p.mu.Unlock()
		if p.srv != nil {
			_ = p.srv.Close()
		}
		close(p.done)
		<-p.served
		p.active.Wait()
		if p.client != nil {
			p.client.CloseIdleConnections()
		}
	})
}

// enter registers a handler; false once the proxy is closing.
func (p *Proxy) enter() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	p.active.Add(1)
	return true
}

// sleep waits d, or less if the request ends or the proxy closes.
func (p *Proxy) sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
	case <-p.done:
	}
	return false
}
