package diagnose

import "context"

// Family names a chain family. Each family has one Backend.
type Family string

// Families, as named in the JSON contract ("family").
const (
	FamilyEVM     Family = "evm"
	FamilyTron    Family = "tron"
	FamilyBitcoin Family = "bitcoin"
)

// Backend looks transactions and addresses up on the networks of one chain
// family. It is the seam between the chain-agnostic core and a family: the
// core parses and screens input, fans a query out over the backends that can
// answer it, and merges their reports; a backend owns its wire calls, facts
// and pure rules. A family's finding words live in the core catalogue, in
// files of its own (messages_<family>_en.go, messages_<family>_zh.go), so
// Localize works on any report. Backends are passed in Config, never
// registered globally.
type Backend interface {
	// Family is the family the backend speaks for.
	Family() Family
	// Check looks a transaction up on the family's networks (q.Ref is the
	// family's own form: a TRON or Bitcoin txid is 64 lower-case hex
	// characters without 0x). It returns a report whatever the state; when
	// no endpoint could give a sound answer it returns a report of status
	// "unknown" together with a *NoAnswerError.
	Check(ctx context.Context, q Query, opt CheckOptions) (*Report, error)
	// Account reports what the family's networks say about an address.
	Account(ctx context.Context, q Query) (*AccountReport, error)
	// Networks lists the networks the backend searches, for --chain and
	// `unstuck chains`.
	Networks() []Network
}

// Network is one network of a family as the command line names and lists
// it.
type Network struct {
	Family Family `json:"family"`
	// Key is the stable id ("tron", "nile", "bitcoin"): --chain and the
	// report's chain.key.
	Key  string `json:"key"`
	Name string `json:"name"`
	// ChainID is the report's chain.id (TRON's JSON-RPC chain id; 0 on
	// Bitcoin).
	ChainID   uint64   `json:"id"`
	Symbol    string   `json:"symbol"`
	Decimals  int      `json:"decimals"`
	Endpoints []string `json:"endpoints"`
}
