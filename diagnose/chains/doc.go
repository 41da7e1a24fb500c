// Package chains is the registry of EVM networks unstuck knows: ids, names
// and the short names users type, native symbols, block explorers (and the
// other explorer hosts users paste links from), keyless public JSON-RPC
// endpoints, and the rollup facts the diagnosis needs (a private sequencer
// mempool means a missing pending transaction must not be called dropped).
//
// What each public operator's host accepts (its batch cap, how much old
// state it serves, each with its source in reference/ENDPOINTS.md) lives in
// hosts.json. Both files are embedded in the binary and parsed into a
// Registry by Default; nothing here is mutable package state.
package chains
