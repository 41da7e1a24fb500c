package bitcoin

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// Config sets up the Bitcoin backend.
type Config struct {
	// Esplora are Esplora REST base URLs (--rpc esplora=…). When Esplora
	// and RPC are both empty, mempool.space then blockstream.info are used.
	Esplora []string
	// MempoolExtensions are the Esplora bases that also answer
	// mempool.space's /v1 calls (fees/recommended, tx/:txid/rbf, cpfp);
	// mempool.space hosts are recognised without being listed.
	MempoolExtensions []string
	// RPC are Bitcoin Core JSON-RPC URLs (--rpc bitcoin=…), credentials
	// in the URL allowed; they are used but never printed.
	RPC []string
	// HTTP is the HTTP client; nil builds noderpc.NewHTTPClient().
	HTTP *http.Client
	// Timeout bounds a whole check; 0 means diagnose.DefaultTimeout.
	Timeout time.Duration
	// MaxBody caps one response body; 0 means the transports' default.
	MaxBody int64
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Memory remembers the inputs of pending transactions between checks,
	// so that a later check can tell replaced from dropped; nil disables it.
	Memory *diagnose.Memory
}

// Backend is the Bitcoin diagnose.Backend. It is safe for concurrent use.
type Backend struct {
	cfg       Config
	net       Network
	http      *http.Client
	endpoints []endpoint
}

var _ diagnose.Backend = (*Backend)(nil)

// endpoint is one place to ask: an Esplora base or a Core JSON-RPC URL.
type endpoint struct {
	url     string
	core    bool
	mempool bool // answers mempool.space's /v1 extensions
}

// New builds the backend. It sends nothing.
func New(cfg Config) *Backend {
	b := &Backend{cfg: cfg, net: Mainnet(), http: cfg.HTTP}
	if b.http == nil {
		b.http = noderpc.NewHTTPClient()
	}
	if b.cfg.Timeout <= 0 {
		b.cfg.Timeout = diagnose.DefaultTimeout
	}
	if b.cfg.Now == nil {
		b.cfg.Now = time.Now
	}
	esplora := cfg.Esplora
	if len(esplora) == 0 && len(cfg.RPC) == 0 {
		esplora = []string{MempoolSpaceAPI, BlockstreamAPI}
	}
	for _, u := range cfg.RPC {
		b.endpoints = append(b.endpoints, endpoint{url: u, core: true})
	}
	for _, u := range esplora {
		b.endpoints = append(b.endpoints, endpoint{url: u, mempool: isMempool(u, cfg.MempoolExtensions)})
	}
	return b
}

func isMempool(base string, listed []string) bool {
	for _, l := range listed {
		if strings.TrimRight(l, "/") == strings.TrimRight(base, "/") {
			return true
		}
	}
	u, err := url.Parse(base)
	if err != nil {
		return false
	}
	h := u.Hostname()
	return h == "mempool.space" || strings.HasSuffix(h, ".mempool.space")
}

// Family is diagnose.FamilyBitcoin.
func (b *Backend) Family() diagnose.Family { return diagnose.FamilyBitcoin }

// Network is the network the backend searches.
func (b *Backend) Network() Network { return b.net }

// Check looks a txid up: endpoints in order, the first that finds it
// wins; "not found" is concluded only when every endpoint that answered
// says so.
func (b *Backend) Check(ctx context.Context, q diagnose.Query, opt diagnose.CheckOptions) (*diagnose.Report, error) {
	ref := q.Ref
	if ref == "" {
		ref = q.Raw
	}
	txid, err := ParseTxid(ref)
	if err != nil {
		return nil, &diagnose.InputError{Reason: err.Error()}
	}
	if opt.Network != "" && opt.Network != b.net.Key {
		return nil, &diagnose.InputError{Reason: "unknown Bitcoin network " + opt.Network + ": only bitcoin (mainnet) is supported"}
	}
	ctx, cancel := context.WithTimeout(ctx, b.cfg.Timeout)
	defer cancel()
	rep := &diagnose.Report{Input: q.Raw, Family: diagnose.FamilyBitcoin, Status: diagnose.StatusUnknown,
		Chain: b.net.chainRef(txid), Transfers: []diagnose.Transfer{}, Findings: []diagnose.Finding{},
		Searched: []diagnose.Searched{}}
	if rep.Input == "" {
		rep.Input = txid
	}
	remembered := recall(b.cfg.Memory, txid)
	// The endpoints are asked one after another, not raced: mempool.space
	// first (its /v1 extensions name a replacement), the next only when one
	// fails or has not seen the transaction, so that a check costs the
	// public Esplora operators, who limit requests per address, one request
	// set where one suffices.
	var absent *facts
	for _, ep := range b.endpoints {
		progress(opt, b.net.Name, ep.url, "searching")
		start := b.cfg.Now()
		f, n, fault := b.ask(ctx, ep, txid, remembered)
		row := diagnose.Searched{Chain: b.net.Name, Endpoint: noderpc.Redact(ep.url), Requests: n,
			LatencyMS: b.cfg.Now().Sub(start).Milliseconds()}
		if fault != nil {
			row.Result, row.Error, row.Fault = "error", fault.Reason, string(fault.Fault)
			rep.Searched = append(rep.Searched, row)
			progress(opt, b.net.Name, ep.url, "error")
			continue
		}
		if !f.found {
			row.Result = "absent"
			rep.Searched = append(rep.Searched, row)
			progress(opt, b.net.Name, ep.url, "absent")
			if absent == nil || f.replacedBy != "" && absent.replacedBy == "" || f.conflictConfirmed && !absent.conflictConfirmed {
				absent = f
			}
			continue
		}
		row.Result = "found"
		rep.Searched = append(rep.Searched, row)
		progress(opt, b.net.Name, ep.url, "found")
		if f.confirmed {
			forget(b.cfg.Memory, txid)
		} else {
			remember(b.cfg.Memory, txid, f.inputs, b.cfg.Now())
		}
		judge(rep, f, b.cfg.Now())
		return rep, nil
	}
	if absent != nil {
		judge(rep, absent, b.cfg.Now())
		return rep, nil
	}
	return rep, &diagnose.NoAnswerError{Searched: rep.Searched}
}

func (b *Backend) ask(ctx context.Context, ep endpoint, txid string, remembered []outpoint) (*facts, int, *noderpc.Error) {
	if ep.core {
		return b.askCore(ctx, ep, txid, remembered)
	}
	return b.askEsplora(ctx, ep, txid, remembered)
}

// fault turns any transport error into an endpoint fault.
func fault(err error) *noderpc.Error {
	var e *noderpc.Error
	if errors.As(err, &e) {
		return e
	}
	return noderpc.Classify(err)
}

func progress(opt diagnose.CheckOptions, chain, url, state string) {
	if opt.Progress != nil {
		opt.Progress(diagnose.Progress{Chain: chain, Endpoint: noderpc.Redact(url), State: state})
	}
}
