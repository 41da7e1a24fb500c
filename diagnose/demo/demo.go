package demo

import (
	_ "embed" // the recordings
	"encoding/json"
	"errors"
	"fmt"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/evm"
)

//go:generate go run ./record -out recordings.json -rest rest_recordings.json.gz

// The demo chain. Its id is not used by any public network unstuck knows,
// and its name says what it is wherever a report shows it.
const (
	ChainID     uint64 = 990001
	ChainName          = "Demo chain (offline)"
	ChainSymbol        = "ETH"
)

// FormatVersion is the recordings file format this package reads.
const FormatVersion = 1

//go:embed recordings.json
var recordingsJSON []byte

// Recording is the generated file: the examples, what the engine remembered
// before the recording started, and every call the engine made.
type Recording struct {
	Version int    `json:"version"`
	ChainID uint64 `json:"chain_id"`
	// Source says how the file was made; it is never hand-edited.
	Source   string           `json:"source"`
	Head     uint64           `json:"head"`
	Examples []Example        `json:"examples"`
	Memory   []evm.Remembered `json:"memory"`
	Calls    []Call           `json:"calls"`
}

// Example is one demo transaction: what a user would paste, and the verdict
// the recipe that created it expects.
type Example struct {
	ID      string `json:"id"`
	LabelEn string `json:"label_en"`
	LabelZh string `json:"label_zh"`
	// Input is what the user types: a hash, or an explorer link when the
	// example is about the network the user believes the transaction is on.
	Input string `json:"input"`
	// Status and Findings are what the recipe expects; every code listed
	// must be among the report's findings.
	Status   diagnose.Status `json:"status"`
	Findings []diagnose.Code `json:"findings"`
	// Revert, when set, is the decoded revert's name.
	Revert string `json:"revert,omitempty"`
	// Family is the example's chain family; "" is EVM (the demo chain).
	Family diagnose.Family `json:"family,omitempty"`
	// World is the REST world (RESTRecording) that answers a TRON or
	// Bitcoin example.
	World string `json:"world,omitempty"`
}

// Label is the example's label in lang ("en" or "zh").
func (e Example) Label(lang string) string {
	if lang == "zh" && e.LabelZh != "" {
		return e.LabelZh
	}
	return e.LabelEn
}

// Call is one recorded JSON-RPC call: the request's method and canonical
// params, and the node's result or error.
type Call struct {
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *RPCError       `json:"error,omitempty"`
}

// RPCError is a JSON-RPC error object as the node sent it.
type RPCError struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data,omitempty"`
}

// Load reads the embedded recordings.
func Load() (*Recording, error) { return Parse(recordingsJSON) }

// Parse reads a recordings file and checks that it can be served.
func Parse(data []byte) (*Recording, error) {
	var rec Recording
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, fmt.Errorf("read demo recordings: %w", err)
	}
	switch {
	case rec.Version != FormatVersion:
		return nil, fmt.Errorf("demo recordings have format %d, want %d: run go generate ./diagnose/demo", rec.Version, FormatVersion)
	case rec.ChainID != ChainID:
		return nil, fmt.Errorf("demo recordings are for chain %d, want %d", rec.ChainID, ChainID)
	case len(rec.Examples) == 0 || len(rec.Calls) == 0:
		return nil, errors.New("demo recordings are empty: run go generate ./diagnose/demo")
	}
	if _, err := index(rec.Calls); err != nil {
		return nil, err
	}
	return &rec, nil
}

// Chain is the demo chain's registry entry, answering at endpoint.
func Chain(endpoint string) chains.Chain {
	return chains.Chain{ID: ChainID, Name: ChainName, Aliases: []string{"demo"}, Symbol: ChainSymbol,
		Endpoints: []string{endpoint}, L2: chains.L1}
}

// Registry is the default registry plus the demo chain at endpoint. The
// public chains stay known by name (a user may believe a demo transaction
// is on BNB Smart Chain) but are never asked: the demo engine asks only
// endpoint.
func Registry(endpoint string) (*chains.Registry, error) {
	reg, err := chains.Default()
	if err != nil {
		return nil, err
	}
	return reg.With(Chain(endpoint)), nil
}
