package demo

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/bitcoin"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/evm"
	"github.com/unstuck-dev/unstuck/diagnose/tron"
)

// Timeout bounds one demo check; the server answers from memory.
const Timeout = 10 * time.Second

// Banner is the line every demo screen and printout carries.
func Banner(lang string) string {
	if lang == "zh" {
		return "演示链 · 离线 · 这些是录制的应答，不是真实的交易或资金"
	}
	return "DEMO CHAIN · offline · recorded answers, not real transactions or funds"
}

// Checker runs a check: *diagnose.Engine and *Demo are checkers.
type Checker interface {
	Check(ctx context.Context, q diagnose.Query, opt diagnose.CheckOptions) (*diagnose.Report, error)
}

// Demo is a running demo: the server, engines that ask it and nothing
// else, and a memory that starts with what the recording remembered.
type Demo struct {
	rec  *Recording
	rest *RESTRecording
	srv  *Server
	reg  *chains.Registry
	// eng answers the EVM examples and any input no example names; route
	// holds the engine of each TRON and Bitcoin example's world, by txid.
	eng   *diagnose.Engine
	route map[string]route
	dir   string
}

// Start runs the demo from the embedded recordings. Close it when done.
func Start() (*Demo, error) {
	rec, err := Load()
	if err != nil {
		return nil, err
	}
	rest, err := LoadREST()
	if err != nil {
		return nil, err
	}
	return StartWith(rec, rest)
}

// StartWith runs the demo from rec and rest.
func StartWith(rec *Recording, rest *RESTRecording) (_ *Demo, err error) {
	tronWorld, btcWorld := rest.first(APITron), rest.first(APIEsplora)
	if tronWorld == nil || btcWorld == nil {
		return nil, fmt.Errorf("demo REST recordings need a TRON and an Esplora world: run go generate ./diagnose/demo")
	}
	srv, err := NewServer(rec, rest)
	if err != nil {
		return nil, err
	}
	d := &Demo{rec: rec, rest: rest, srv: srv, route: map[string]route{}}
	defer func() { // d, not the result: a failed start returns nil
		if err != nil {
			_ = d.Close()
		}
	}()
	// The demo's memory is its own: checking demo transactions must not
	// touch what unstuck remembers about the user's real ones.
	if d.dir, err = os.MkdirTemp("", "unstuck-demo-"); err != nil {
		return nil, fmt.Errorf("start the demo: %w", err)
	}
	mem := diagnose.NewMemory(filepath.Join(d.dir, "memory.json"))
	for _, r := range rec.Memory {
		if err := evm.Remember(mem, r); err != nil {
			return nil, fmt.Errorf("start the demo: %w", err)
		}
	}
	if d.reg, err = Registry(srv.URL); err != nil {
		return nil, err
	}
	hc := LoopbackOnly(srv.Addr)
	engines := map[[2]string]*diagnose.Engine{}
	// engine is the engine asking the worlds tw (TRON) and bw (Esplora or Core),
	// one per pair; the EVM memory is shared.
	engine := func(tw, bw *World) (*diagnose.Engine, error) {
		key := [2]string{tw.Name, bw.Name}
		if e, ok := engines[key]; ok {
			return e, nil
		}
		backends, err := familyBackends(srv.URL, hc, tw, bw)
		if err != nil {
			return nil, err
		}
		chainsEVM, err := evm.New(EngineConfig(d.reg, srv.URL, mem, hc))
		if err != nil {
			return nil, err
		}
		e, err := diagnose.NewEngine(diagnose.Config{Backends: append([]diagnose.Backend{chainsEVM}, backends...), Timeout: Timeout})
		if err != nil {
			return nil, err
		}
		engines[key] = e
		return e, nil
	}
	if d.eng, err = engine(tronWorld, btcWorld); err != nil {
		return nil, err
	}
	for _, ex := range rest.Examples {
		q, err := diagnose.ParseInput(ex.Input, d.reg)
		if err != nil {
			return nil, fmt.Errorf("demo example %s: %w", ex.ID, err)
		}
		tw, bw := tronWorld, btcWorld
		switch w := rest.world(ex.World); {
		case w == nil:
			return nil, fmt.Errorf("demo example %s: no world %q", ex.ID, ex.World)
		case w.API == APITron:
			tw = w
		default:
			bw = w
		}
		key := strings.ToLower(q.Ref)
		if _, dup := d.route[key]; dup {
			return nil, fmt.Errorf("demo example %s: another example has the same transaction", ex.ID)
		}
		e, err := engine(tw, bw)
		if err != nil {
			return nil, err
		}
		d.route[key] = route{family: ex.Family, eng: e}
	}
	return d, nil
}

// route is where a TRON or Bitcoin example's transaction is answered.
type route struct {
	family diagnose.Family
	eng    *diagnose.Engine
}

// engineFor is the engine whose worlds answer q, and q narrowed to the
// example's family: a bare txid would be looked for on every family,
// and the recordings hold it on one only.
func (d *Demo) engineFor(q diagnose.Query) (*diagnose.Engine, diagnose.Query) {
	r, ok := d.route[strings.ToLower(q.Ref)]
	if !ok || (q.Family != "" && q.Family != r.family) {
		return d.eng, q
	}
	if q.Family == "" {
		q.Family = r.family
	}
	return r.eng, q
}

// EngineConfig is the EVM backend's set-up in the demo and in its
// recorder: only endpoint is asked, and the registry names it as the demo
// chain.
func EngineConfig(reg *chains.Registry, endpoint string, mem *diagnose.Memory, hc *http.Client) evm.Config {
	return evm.Config{Registry: reg, Endpoints: []string{endpoint}, HTTP: hc, Timeout: Timeout, Memory: mem}
}

// familyBackends are the TRON and Bitcoin backends of the demo: they ask the
// worlds tw (TRON) and bw (Esplora or Core) under base, with hc, on the clocks
// the worlds were recorded at.
func familyBackends(base string, hc *http.Client, tw, bw *World) ([]diagnose.Backend, error) {
	tronNow, btcNow := tw.Now, bw.Now
	trx, err := tron.New(tron.Config{Endpoints: []string{base + "/" + tw.Name}, HTTP: hc, Timeout: Timeout,
		Now: func() time.Time { return tronNow }})
	if err != nil {
		return nil, err
	}
	at := []string{base + "/" + bw.Name}
	cfg := bitcoin.Config{HTTP: hc, Timeout: Timeout, Memory: diagnose.NewMemory(""),
		Now: func() time.Time { return btcNow }}
	switch {
	case bw.API == APICore:
		cfg.RPC = at
	case bw.MempoolExtensions:
		cfg.Esplora, cfg.MempoolExtensions = at, at
	default:
		cfg.Esplora = at
	}
	return []diagnose.Backend{trx, bitcoin.New(cfg)}, nil
}

// LoopbackOnly is an HTTP client that can reach addr (a 127.0.0.1 port)
// and nothing else: no proxy, no other host, whatever the input.
func LoopbackOnly(addr string) *http.Client {
	dialer := &net.Dialer{Timeout: 2 * time.Second}
	tr := &http.Transport{
		Proxy: nil,
		DialContext: func(ctx context.Context, network, to string) (net.Conn, error) {
			if to != addr {
				return nil, fmt.Errorf("the demo never leaves this computer: refused to connect to %s", to)
			}
			return dialer.DialContext(ctx, network, to)
		},
		MaxIdleConnsPerHost: 4,
	}
	return &http.Client{Transport: tr}
}

// Close stops the server and removes the demo's memory.
func (d *Demo) Close() error {
	err := d.srv.Close()
	if d.dir != "" {
		_ = os.RemoveAll(d.dir)
	}
	return err
}

// URL is the demo chain's endpoint.
func (d *Demo) URL() string { return d.srv.URL }

// Registry is the registry the demo engine uses (public chains by name,
// plus the demo chain).
func (d *Demo) Registry() *chains.Registry { return d.reg }

// Examples lists the demo transactions: the demo chain's, then TRON's
// and Bitcoin's.
func (d *Demo) Examples() []Example {
	return append(slices.Clone(d.rec.Examples), d.rest.Examples...)
}

// Misses lists the requests the recordings could not answer so far.
func (d *Demo) Misses() []Miss { return d.srv.Misses() }

// NotRecordedError means a check asked the demo chain something its
// recordings do not hold: it knows its example transactions and their
// accounts, nothing else.
type NotRecordedError struct{ Misses []Miss }

func (e *NotRecordedError) Error() string {
	return "the demo chain knows only its example transactions and their addresses: pick one from the list; " +
		"to check your own, leave the demo and run `unstuck check <tx-hash>`"
}

// Check diagnoses a transaction on the demo chain; the report is marked
// as a demo report. A check the recordings cannot fully answer gives no
// report and a *NotRecordedError, never a verdict built on a miss.
func (d *Demo) Check(ctx context.Context, q diagnose.Query, opt diagnose.CheckOptions) (*diagnose.Report, error) {
	before := len(d.srv.Misses())
	eng, q := d.engineFor(q)
	rep, err := eng.Check(ctx, q, opt)
	if m := d.srv.Misses(); len(m) > before {
		return nil, &NotRecordedError{Misses: m[before:]}
	}
	if rep != nil {
		rep.Demo = true
		// The demo points nowhere outside: its answers are recordings.
		if rep.Chain != nil {
			rep.Chain.ExplorerTxURL = ""
		}
	}
	return rep, err
}

// AccountOf looks an address of any family up on the demo's networks; an
// address the recordings do not know gives a *NotRecordedError.
func (d *Demo) AccountOf(ctx context.Context, q diagnose.Query) (*diagnose.AccountReport, error) {
	before := len(d.srv.Misses())
	rep, err := d.eng.AccountOf(ctx, q)
	if m := d.srv.Misses(); len(m) > before {
		return nil, &NotRecordedError{Misses: m[before:]}
	}
	return rep, err
}

// Endpoint checks the demo chain's own endpoint; any other is refused
// before anything is sent.
func (d *Demo) Endpoint(ctx context.Context, endpoint string, claimed uint64) (*diagnose.EndpointReport, error) {
	if strings.TrimRight(strings.ToLower(strings.TrimSpace(endpoint)), "/") != d.srv.URL {
		return nil, fmt.Errorf("the demo checks only its own endpoint (%s); outside the demo, run `unstuck endpoint <url>`", d.srv.URL)
	}
	return d.eng.Endpoint(ctx, d.srv.URL, claimed)
}

// Run checks one example the way a user would: what they paste is parsed
// (an explorer link gives the network they believe it is on), then checked.
func (d *Demo) Run(ctx context.Context, ex Example) (*diagnose.Report, error) {
	return CheckExample(ctx, d, d.reg, ex)
}

// CheckExample parses ex.Input with reg and checks it with c.
func CheckExample(ctx context.Context, c Checker, reg *chains.Registry, ex Example) (*diagnose.Report, error) {
	q, err := diagnose.ParseInput(ex.Input, reg)
	if err != nil {
		return nil, fmt.Errorf("example %s: %w", ex.ID, err)
	}
	// A bare txid is one: the example says so, as a user confirms it.
	return c.Check(ctx, q.ConfirmTxID(), diagnose.CheckOptions{Chain: q.ChainHint})
}

// Verify says how rep differs from what the example expects, or nil.
func (e Example) Verify(rep *diagnose.Report) error {
	if rep == nil {
		return fmt.Errorf("example %s: no report", e.ID)
	}
	var codes []diagnose.Code
	for _, f := range rep.Findings {
		codes = append(codes, f.Code)
	}
	if rep.Status != e.Status {
		return fmt.Errorf("example %s: status %s, want %s (findings %v)", e.ID, rep.Status, e.Status, codes)
	}
	for _, want := range e.Findings {
		if !slices.Contains(codes, want) {
			return fmt.Errorf("example %s: findings %v lack %s", e.ID, codes, want)
		}
	}
	if e.Revert != "" && (rep.Revert == nil || rep.Revert.Name != e.Revert) {
		return fmt.Errorf("example %s: revert %+v, want %s", e.ID, rep.Revert, e.Revert)
	}
	return nil
}

// PossibleKeyAddresses works out, locally, the addresses a bare 64-hex
// string would control if it were a private key.
func (d *Demo) PossibleKeyAddresses(q diagnose.Query) (diagnose.KeyAddresses, bool) {
	return d.eng.PossibleKeyAddresses(q)
}
