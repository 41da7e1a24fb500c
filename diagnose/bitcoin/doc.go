// Package bitcoin is unstuck's Bitcoin backend: it looks a txid up over
// the Esplora REST API (mempool.space, then blockstream.info, by default)
// or over Bitcoin Core's JSON-RPC (btcd answers the same calls, with its
// differences handled), gathers the facts a stuck-transfer question needs
// in at most two round trips per endpoint, and applies pure rules to them:
// fee rate against the next-block and minimum rates, the exact RBF and CPFP
// numbers, unconfirmed parents, time left before the 336-hour mempool
// expiry, and replacement or double-spend detection.
//
// Relay floors are read from the node when it reports them; when it does
// not (btcd, Esplora), the rules use 1 sat/vB, which every node version
// accepts, and the report says so.
package bitcoin
