package evm

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/evm/revert"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// Family is the EVM family.
func (e *Backend) Family() diagnose.Family { return diagnose.FamilyEVM }

// Account looks a 0x address up on every EVM network at once.
func (e *Backend) Account(ctx context.Context, q diagnose.Query) (*diagnose.AccountReport, error) {
	if !common.IsHexAddress(q.Ref) {
		return nil, fmt.Errorf("not an EVM address: %q", q.Ref)
	}
	return e.account(ctx, common.HexToAddress(q.Ref))
}

// Networks lists the registry's networks (or none with --rpc: custom
// endpoints name their chain by eth_chainId).
func (e *Backend) Networks() []diagnose.Network {
	var out []diagnose.Network
	for _, c := range e.reg.All() {
		key := ""
		if len(c.Aliases) > 0 {
			key = c.Aliases[0]
		}
		out = append(out, diagnose.Network{Family: diagnose.FamilyEVM, Key: key, Name: c.Name, ChainID: c.ID,
			Symbol: c.Symbol, Decimals: diagnose.WeiDecimals, Endpoints: c.Endpoints})
	}
	return out
}

var _ diagnose.Backend = (*Backend)(nil)
var _ diagnose.EndpointProber = (*Backend)(nil)
var _ diagnose.KeyViewer = (*Backend)(nil)

// Config sets up the EVM backend.
type Config struct {
	// Registry is the chain registry; nil means chains.Default().
	Registry *chains.Registry
	// Endpoints, when set, replace the registry's endpoints (--rpc,
	// UNSTUCK_RPC). Their chains come from eth_chainId.
	Endpoints []string
	// HTTP is the HTTP client; nil builds noderpc.NewHTTPClient().
	HTTP *http.Client
	// Timeout bounds a whole check; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxBody caps one response body; 0 means noderpc.DefaultMaxBody.
	MaxBody int64
	// Memory remembers pending transactions between checks; nil disables it.
	Memory *diagnose.Memory
	// Caps remembers the batch caps endpoints turned out to accept; nil
	// disables it (each run then learns them again).
	Caps *noderpc.CapMemory
	// Now is the clock (tests pin it); nil means time.Now.
	Now func() time.Time
}

// Backend looks transactions and addresses up on the EVM networks of the
// registry (or the --rpc endpoints). It is safe for concurrent use.
type Backend struct {
	cfg     Config
	reg     *chains.Registry
	http    *http.Client
	decoder *revert.Decoder
}

// New builds the EVM backend. It does no I/O.
func New(cfg Config) (*Backend, error) {
	reg := cfg.Registry
	if reg == nil {
		var err error
		if reg, err = chains.Default(); err != nil {
			return nil, err
		}
	}
	for _, ep := range cfg.Endpoints {
		if err := noderpc.CheckURL(ep); err != nil {
			return nil, err
		}
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = diagnose.DefaultTimeout
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	hc := cfg.HTTP
	if hc == nil {
		hc = noderpc.NewHTTPClient()
	}
	return &Backend{cfg: cfg, reg: reg, http: hc, decoder: revert.NewDecoder()}, nil
}

// Registry is the backend's chain registry.
func (e *Backend) Registry() *chains.Registry { return e.reg }

func (e *Backend) dial(ctx context.Context, endpoint string) (*noderpc.Client, error) {
	return noderpc.Dial(ctx, endpoint, noderpc.Options{HTTP: e.http, MaxBody: e.cfg.MaxBody, Cap: e.reg.BatchCap(endpoint), Caps: e.cfg.Caps, Dialect: dialect})
}

// groups lists who to ask: every registry chain, or the custom endpoints
// (each its own group, its chain learnt from eth_chainId unless its URL is
// one the registry knows).
func (e *Backend) groups(only uint64) []group {
	if len(e.cfg.Endpoints) > 0 {
		var gs []group
		known := map[uint64]int{} // chain id → index in gs
		for _, ep := range e.cfg.Endpoints {
			c, ok := e.chainByEndpoint(ep)
			if !ok {
				gs = append(gs, group{endpoints: []string{ep}})
				continue
			}
			if i, seen := known[c.ID]; seen {
				gs[i].endpoints = append(gs[i].endpoints, ep)
				continue
			}
			known[c.ID] = len(gs)
			gs = append(gs, group{chain: c, known: true, endpoints: []string{ep}})
		}
		return gs
	}
	var gs []group
	for _, c := range e.reg.All() {
		if only != 0 && c.ID != only {
			continue
		}
		if len(c.Endpoints) > 0 {
			gs = append(gs, group{chain: c, known: true, endpoints: c.Endpoints})
		}
	}
	return gs
}

// chainByEndpoint finds the registry chain that lists this endpoint.
func (e *Backend) chainByEndpoint(endpoint string) (chains.Chain, bool) {
	want := strings.TrimRight(strings.ToLower(endpoint), "/")
	for _, c := range e.reg.All() {
		for _, ep := range c.Endpoints {
			if strings.TrimRight(strings.ToLower(ep), "/") == want {
				return c, true
			}
		}
	}
	return chains.Chain{}, false
}
