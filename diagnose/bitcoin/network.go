package bitcoin

import (
	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// Network is what the backend knows about one Bitcoin network. Only
// mainnet is supported end to end.
type Network struct {
	Key      string
	Name     string
	Symbol   string
	Decimals int
	// HRP is the bech32 human-readable part of its segwit addresses.
	HRP string
	// PubKeyHashID and ScriptHashID are the base58check version bytes.
	PubKeyHashID, ScriptHashID byte
	// ExplorerTx and ExplorerAddress are URL templates: %s is the txid
	// or address.
	ExplorerTx, ExplorerAddress string
}

// Mainnet is Bitcoin's main network.
func Mainnet() Network {
	return Network{Key: "bitcoin", Name: "Bitcoin", Symbol: "BTC", Decimals: 8, HRP: "bc",
		PubKeyHashID: 0x00, ScriptHashID: 0x05,
		ExplorerTx: "https://mempool.space/tx/%s", ExplorerAddress: "https://mempool.space/address/%s"}
}

// chainRef is the report's chain part for a txid.
func (n Network) chainRef(txid string) *diagnose.ChainRef {
	return &diagnose.ChainRef{ID: 0, Key: n.Key, Name: n.Name, Symbol: n.Symbol, ExplorerTxURL: fill(n.ExplorerTx, txid)}
}

// fill puts v into a one-%s template without fmt's handling of other verbs.
func fill(tmpl, v string) string {
	for i := 0; i+1 < len(tmpl); i++ {
		if tmpl[i] == '%' && tmpl[i+1] == 's' {
			return tmpl[:i] + v + tmpl[i+2:]
		}
	}
	return tmpl
}

// Default endpoints: mempool.space first, blockstream.info as fallback.
const (
	MempoolSpaceAPI = "https://mempool.space/api"
	BlockstreamAPI  = "https://blockstream.info/api"
)

// Networks lists the network the backend searches, for --chain and
// `unstuck chains`.
func (b *Backend) Networks() []diagnose.Network {
	eps := make([]string, len(b.endpoints))
	for i, ep := range b.endpoints {
		eps[i] = noderpc.Redact(ep.url)
	}
	return []diagnose.Network{{Family: diagnose.FamilyBitcoin, Key: b.net.Key, Name: b.net.Name,
		Symbol: b.net.Symbol, Decimals: b.net.Decimals, Endpoints: eps}}
}
