package tron

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/evm/revert"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
	"github.com/unstuck-dev/unstuck/diagnose/restjson"
)

// DefaultTimeout bounds one check or account look-up.
const DefaultTimeout = 10 * time.Second

// Config sets up a Backend.
type Config struct {
	// Endpoints, when set, replace every network's default endpoints
	// (--rpc tron=<url>): HTTP API base URLs such as
	// https://api.trongrid.io. They are asked as the network the query or
	// the check options name, mainnet when neither does.
	Endpoints []string
	// Networks replaces the built-in network list (tests, the demo); nil
	// means Networks().
	Networks []Network
	// HTTP is the HTTP client; nil builds noderpc.NewHTTPClient().
	HTTP *http.Client
	// Timeout bounds a whole check; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxBody caps one response body; 0 means restjson.DefaultMaxBody.
	MaxBody int64
	// Now is the clock (tests pin it); nil means time.Now.
	Now func() time.Time
}

// Backend is the TRON diagnose.Backend. It is safe for concurrent use.
type Backend struct {
	cfg     Config
	http    *http.Client
	decoder *revert.Decoder
}

var _ diagnose.Backend = (*Backend)(nil)

// New builds a backend. It checks the endpoint URLs and does no I/O.
func New(cfg Config) (*Backend, error) {
	for _, ep := range cfg.Endpoints {
		if err := noderpc.CheckURL(ep); err != nil {
			return nil, err
		}
	}
	if cfg.Networks == nil {
		cfg.Networks = Networks()
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	hc := cfg.HTTP
	if hc == nil {
		hc = noderpc.NewHTTPClient()
	}
	return &Backend{cfg: cfg, http: hc, decoder: revert.NewDecoder()}, nil
}

// Family is diagnose.FamilyTron.
func (b *Backend) Family() diagnose.Family { return diagnose.FamilyTron }

// target is one network and the endpoints to ask for it.
type target struct {
	net       Network
	endpoints []string
}

// targets lists who to ask: every network, or the custom endpoints as the
// named network.
func (b *Backend) targets(named string) []target {
	if len(b.cfg.Endpoints) > 0 {
		n, ok := b.network(named)
		if !ok {
			n = b.cfg.Networks[0]
		}
		return []target{{net: n, endpoints: b.cfg.Endpoints}}
	}
	out := make([]target, 0, len(b.cfg.Networks))
	for _, n := range b.cfg.Networks {
		out = append(out, target{net: n, endpoints: n.Endpoints})
	}
	return out
}

func (b *Backend) network(key string) (Network, bool) {
	key = strings.ToLower(strings.TrimSpace(key))
	if key == "mainnet" || key == "trx" {
		key = "tron"
	}
	for _, n := range b.cfg.Networks {
		if n.Key == key {
			return n, true
		}
	}
	return Network{}, false
}

func (b *Backend) dial(url string) (*endpoint, error) {
	c, err := restjson.New(url, restjson.Options{HTTP: b.http, MaxBody: b.cfg.MaxBody})
	if err != nil {
		return nil, err
	}
	return &endpoint{c: c}, nil
}

// errNotTxID is returned for a query whose Ref is not a TRON txid.
var errNotTxID = errors.New("a TRON transaction ID is 64 hex characters")

// Check looks a transaction up on every TRON network at once (or on the
// custom endpoints), racing each network's endpoints: round 1 asks for the
// transaction, its info, its solidified info and the head block; round 2,
// only when the verdict needs it, asks for accounts, resources, chain
// prices or Tether's blacklist. The first network to find it wins.
func (b *Backend) Check(ctx context.Context, q diagnose.Query, opt diagnose.CheckOptions) (*diagnose.Report, error) {
	txid, ok := normalizeTxID(q.Ref)
	if !ok {
		txid, ok = normalizeTxID(q.Raw)
	}
	if !ok {
		return nil, errNotTxID
	}
	ctx, cancel := context.WithTimeout(ctx, b.cfg.Timeout)
	defer cancel()
	named := opt.Network
	if named == "" {
		named = q.Network
	}
	targets := b.targets(named)
	if opt.Only != 0 {
		targets = slices.DeleteFunc(targets, func(t target) bool { return t.net.ChainID != opt.Only })
	}
	results := b.searchAll(ctx, targets, txid, opt.Progress)
	return b.merge(q, txid, named, results)
}

// merge picks the found network's report, else a not-found one, else an
// unknown one with a *NoAnswerError.
func (b *Backend) merge(q diagnose.Query, txid, namedKey string, results []netResult) (*diagnose.Report, error) {
	var searched []diagnose.Searched
	var found, absent *netResult
	var absentNames []string
	named, namedKnown := b.network(namedKey)
	for i := range results {
		r := &results[i]
		searched = append(searched, r.searched...)
		switch {
		case r.found():
			if found == nil {
				found = r
			}
		case r.facts != nil:
			absentNames = append(absentNames, r.net.Name)
			if absent == nil || (namedKnown && r.net.Key == named.Key) {
				absent = r
			}
		}
	}
	if searched == nil {
		searched = []diagnose.Searched{}
	}
	input := q.Raw
	if input == "" {
		input = txid
	}
	pick := found
	if pick == nil && absent != nil && b.absentIsAnswer(results, namedKey) {
		pick = absent
	}
	if pick == nil && absent != nil {
		rep := &diagnose.Report{Input: input, Family: diagnose.FamilyTron, Status: diagnose.StatusUnknown,
			Transfers: []diagnose.Transfer{}, Findings: []diagnose.Finding{}, Searched: searched}
		rep.Add(diagnose.CodeRPCDegraded, diagnose.SevWarn, map[string]string{"variant": "failed", "failed": failedList(searched)})
		return rep, nil
	}
	if pick == nil {
		rep := &diagnose.Report{Input: input, Family: diagnose.FamilyTron, Status: diagnose.StatusUnknown,
			Transfers: []diagnose.Transfer{}, Findings: []diagnose.Finding{}, Searched: searched}
		rep.Add(diagnose.CodeRPCDegraded, diagnose.SevError, map[string]string{"variant": "none", "failed": failedList(searched)})
		return rep, &diagnose.NoAnswerError{Searched: searched}
	}
	rep := judge(pick.facts, b.decoder, b.cfg.Now())
	rep.Input, rep.Searched = input, searched
	if namedKnown && found != nil && named.Key != found.net.Key {
		rep.Add(diagnose.CodeWrongChain, diagnose.SevWarn, map[string]string{"found": found.net.Name, "expected": named.Name})
	}
	if found == nil && len(absentNames) > 1 && !(namedKnown && absent.net.Key == named.Key) {
		// Not found on several networks: say where it was looked for,
		// and name no single chain.
		sort.Strings(absentNames)
		rep.Chain = nil
		for i := range rep.Findings {
			if rep.Findings[i].Code == diagnose.CodeNotFound {
				rep.Findings[i].Data["chain"] = strings.Join(absentNames, ", ")
				diagnose.LocalizeFindings(rep.Findings[i:i+1], "en")
			}
		}
	}
	if failed := failedList(searched); failed != "" && rep.Status == diagnose.StatusNotFound {
		rep.Add(diagnose.CodeRPCDegraded, diagnose.SevInfo, map[string]string{"variant": "failed", "failed": failed})
	}
	return rep, nil
}

// absentIsAnswer says whether "not found" may be the verdict: every
// network searched gave a sound answer, or the network the user named did.
// A network none of whose endpoints answered could still have it.
func (b *Backend) absentIsAnswer(results []netResult, named string) bool {
	n, known := b.network(named)
	all := true
	for _, r := range results {
		if r.facts == nil {
			all = false
		} else if known && r.net.Key == n.Key {
			return true
		}
	}
	return all
}

// failedList names the endpoints that failed (not those cancelled).
func failedList(rows []diagnose.Searched) string {
	var out []string
	for _, s := range rows {
		if s.Result == "error" && s.Fault != string(noderpc.FaultCancelled) {
			out = append(out, fmt.Sprintf("%s (%s)", s.Endpoint, s.Fault))
		}
	}
	return strings.Join(out, ", ")
}

// normalizeTxID accepts 64 hex characters, with or without 0x.
func normalizeTxID(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "0x")
	if len(s) != 64 || !isHex(s) {
		return "", false
	}
	return s, true
}
