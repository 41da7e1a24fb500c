package chains

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

//go:embed chains.json
var embedded []byte

// Rollup kinds, as found in Chain.L2.
const (
	L1       = ""         // not a rollup
	OPStack  = "op-stack" // OP Mainnet, Base, opBNB, Mantle, Unichain
	Arbitrum = "arbitrum" // Arbitrum One
	ZK       = "zk"       // zkSync Era, Scroll, Linea
)

// ErrUnknownChain is wrapped by Lookup when no network matches.
var ErrUnknownChain = errors.New("unknown network")

// Chain is one network.
type Chain struct {
	ID            uint64   `json:"id"`
	Name          string   `json:"name"`
	Aliases       []string `json:"aliases"`
	Symbol        string   `json:"symbol"`
	Explorer      string   `json:"explorer"`
	ExplorerHosts []string `json:"explorer_hosts"`
	Endpoints     []string `json:"endpoints"`
	L2            string   `json:"l2"`
	// PrivateMempool is true where pending transactions sit in a sequencer's
	// private queue: absence from a public node proves nothing there.
	PrivateMempool bool `json:"private_mempool"`
}

// TxURL is the explorer page of a transaction (EIP-3091), or "" when the
// chain has no explorer.
func (c Chain) TxURL(hash string) string { return c.explorerPage("tx", hash) }

// AddressURL is the explorer page of an address (EIP-3091), or "" when the
// chain has no explorer.
func (c Chain) AddressURL(addr string) string { return c.explorerPage("address", addr) }

func (c Chain) explorerPage(kind, id string) string {
	if c.Explorer == "" {
		return ""
	}
	return strings.TrimRight(c.Explorer, "/") + "/" + kind + "/" + id
}

func (c Chain) clone() Chain {
	c.Aliases = slices.Clone(c.Aliases)
	c.ExplorerHosts = slices.Clone(c.ExplorerHosts)
	c.Endpoints = slices.Clone(c.Endpoints)
	return c
}

// Registry answers questions about known networks. It is immutable: With
// returns a new Registry.
type Registry struct {
	chains []Chain
	byID   map[uint64]int
	byKey  map[string]int // normalised aliases, names and decimal ids
	byHost map[string]int
	hosts  []HostFacts
}

// Default parses the embedded network list and host facts.
func Default() (*Registry, error) {
	r, err := parse(embedded)
	if err != nil {
		return nil, err
	}
	if r.hosts, err = parseHosts(embeddedHosts); err != nil {
		return nil, err
	}
	if len(r.hosts) == 0 {
		return nil, errNoHosts
	}
	return r, nil
}

// MustDefault is Default for callers that cannot handle an error; the
// embedded data is checked by the package tests, so it does not panic in a
// released binary.
func MustDefault() *Registry {
	r, err := Default()
	if err != nil {
		panic(fmt.Sprintf("chains: embedded registry: %v", err))
	}
	return r
}

func parse(data []byte) (*Registry, error) {
	var list []Chain
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("parse network list: %w", err)
	}
	if len(list) == 0 {
		return nil, errors.New("network list is empty")
	}
	for _, c := range list {
		if err := validate(c); err != nil {
			return nil, fmt.Errorf("network %d (%s): %w", c.ID, c.Name, err)
		}
	}
	r := &Registry{chains: list}
	if conflicts := r.index(); len(conflicts) > 0 {
		return nil, fmt.Errorf("network list has duplicate entries: %s", strings.Join(conflicts, ", "))
	}
	return r, nil
}

// validate holds the embedded data to the rules the rest of unstuck relies
// on: a real id and name, a known rollup kind, an https explorer and only
// https endpoints (public nodes are reached over the internet).
func validate(c Chain) error {
	switch {
	case c.ID == 0:
		return errors.New("chain id 0")
	case strings.TrimSpace(c.Name) == "":
		return errors.New("no name")
	case c.Symbol == "":
		return errors.New("no native symbol")
	case len(c.Endpoints) == 0:
		return errors.New("no endpoints")
	}
	if !slices.Contains([]string{L1, OPStack, Arbitrum, ZK}, c.L2) {
		return fmt.Errorf("unknown l2 kind %q", c.L2)
	}
	for _, a := range c.Aliases {
		if a != strings.ToLower(a) || normKey(a) == "" {
			return fmt.Errorf("alias %q must be lower-case and not blank", a)
		}
	}
	for _, u := range append([]string{c.Explorer}, c.Endpoints...) {
		p, err := url.Parse(u)
		if err != nil || p.Scheme != "https" || p.Host == "" {
			return fmt.Errorf("%q is not an https URL", u)
		}
	}
	return nil
}

// index builds the lookup maps and reports keys claimed by two chains
// (the later chain wins).
func (r *Registry) index() (conflicts []string) {
	r.byID = make(map[uint64]int, len(r.chains))
	r.byKey = make(map[string]int, len(r.chains)*6)
	r.byHost = make(map[string]int, len(r.chains)*3)
	claim := func(m map[string]int, key string, i int) {
		if j, ok := m[key]; ok && j != i {
			conflicts = append(conflicts, key)
		}
		m[key] = i
	}
	for i, c := range r.chains {
		if _, ok := r.byID[c.ID]; ok {
			conflicts = append(conflicts, "id "+strconv.FormatUint(c.ID, 10))
		}
		r.byID[c.ID] = i
		names, hosts := lookupKeys(c)
		for _, k := range names {
			claim(r.byKey, k, i)
		}
		for _, h := range hosts {
			claim(r.byHost, h, i)
		}
	}
	return conflicts
}

// lookupKeys are the normalised names (name and aliases) and explorer hosts
// (the explorer's own host included) a chain answers to.
func lookupKeys(c Chain) (names, hosts []string) {
	names = append(names, normKey(c.Name))
	for _, a := range c.Aliases {
		names = append(names, normKey(a))
	}
	if u, err := url.Parse(c.Explorer); err == nil && u.Hostname() != "" {
		hosts = append(hosts, normHost(u.Hostname()))
	}
	for _, h := range c.ExplorerHosts {
		if k := normHost(h); k != "" {
			hosts = append(hosts, k)
		}
	}
	return names, hosts
}

// With returns a copy of r that also knows c (a test or demo chain). A chain
// with the same id is replaced in place; c's names and hosts take precedence
// over any other chain's.
func (r *Registry) With(c Chain) *Registry {
	list := slices.Clone(r.chains)
	i := slices.IndexFunc(list, func(x Chain) bool { return x.ID == c.ID })
	if i < 0 {
		i = len(list)
		list = append(list, Chain{})
	}
	list[i] = c.clone()
	n := &Registry{chains: list, hosts: r.hosts}
	n.index()
	names, hosts := lookupKeys(list[i])
	for _, k := range names {
		n.byKey[k] = i
	}
	for _, h := range hosts {
		n.byHost[h] = i
	}
	return n
}

// All lists every network, in the registry's order.
func (r *Registry) All() []Chain {
	out := make([]Chain, len(r.chains))
	for i, c := range r.chains {
		out[i] = c.clone()
	}
	return out
}

// ByID finds a network by chain id.
func (r *Registry) ByID(id uint64) (Chain, bool) {
	i, ok := r.byID[id]
	if !ok {
		return Chain{}, false
	}
	return r.chains[i].clone(), true
}

// Name is the network's name, or "chain <id>" for an unknown id.
func (r *Registry) Name(id uint64) string {
	if c, ok := r.ByID(id); ok {
		return c.Name
	}
	return "chain " + strconv.FormatUint(id, 10)
}

// ByExplorerHost finds the network whose block explorer lives at host
// ("bscscan.com", "www.etherscan.io", "basescan.org:443").
func (r *Registry) ByExplorerHost(host string) (Chain, bool) {
	k := normHost(host)
	i, ok := r.byHost[k]
	if !ok {
		i, ok = r.byHost[strings.TrimPrefix(k, "www.")]
	}
	if !ok || k == "" {
		return Chain{}, false
	}
	return r.chains[i].clone(), true
}

func normHost(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	if host, _, ok := strings.Cut(h, ":"); ok {
		h = host
	}
	return strings.TrimSuffix(h, ".")
}

// normKey folds what users type for a network name: case, spaces, dashes,
// underscores and dots do not matter ("BNB Smart Chain" = "bnb-smart-chain").
func normKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '\t', '-', '_', '.':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
