package tron

import (
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// Network is one TRON network unstuck knows: its keyless public endpoints
// (HTTP API base URLs, raced in order) and how TronScan links to it.
type Network struct {
	// Key is the stable id ("tron", "nile"), as in --chain and the JSON
	// report's chain.key.
	Key  string
	Name string
	// ChainID is the network's JSON-RPC chain id (report chain.id).
	ChainID uint64
	Symbol  string
	// Decimals of the native coin: 1 TRX = 10^6 sun.
	Decimals uint8
	// Endpoints are the default HTTP API base URLs, first preferred.
	Endpoints []string
	// ExplorerTx and ExplorerAddress are URL templates with one %s.
	ExplorerTx      string
	ExplorerAddress string
	// USDT is Tether's TRC-20 contract on this network.
	USDT Address
}

// USDT contracts. Mainnet: TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t (TRON.md B).
// Nile: TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf, the contract of
// documentation-en's real Nile balanceOf capture (triggerconstantcontract.md),
// named "Nile USDT, Tether USD, 6dp" in public code.
const (
	usdtMainnetHex = "41a614f803b6fd780986a42c78ec9c7f77e6ded13c"
	usdtNileHex    = "41eca9bc828a3005b9a3b909f2cc5c2a54794de05f"
)

// knownAddress decodes one of the package's own hex constants.
func knownAddress(h string) Address {
	a, err := ParseAddress(h)
	if err != nil {
		panic("tron: bad built-in address " + h)
	}
	return a
}

// Networks lists the TRON networks unstuck knows, mainnet first. The
// endpoints are TRON.md's keyless defaults: TronGrid, then PublicNode
// (mainnet) or api.nileex.io (Nile). Nile's chain id 3448148188
// (0xcd8690dc) is not in TRON.md; it is the id public code signs Nile
// GasFree permits with.
func Networks() []Network {
	return []Network{
		{Key: "tron", Name: "TRON", ChainID: 728126428, Symbol: "TRX", Decimals: 6,
			Endpoints:       []string{"https://api.trongrid.io", "https://tron-rpc.publicnode.com"},
			ExplorerTx:      "https://tronscan.org/#/transaction/%s",
			ExplorerAddress: "https://tronscan.org/#/address/%s",
			USDT:            knownAddress(usdtMainnetHex)},
		{Key: "nile", Name: "TRON Nile testnet", ChainID: 3448148188, Symbol: "TRX", Decimals: 6,
			Endpoints:       []string{"https://nile.trongrid.io", "https://api.nileex.io"},
			ExplorerTx:      "https://nile.tronscan.org/#/transaction/%s",
			ExplorerAddress: "https://nile.tronscan.org/#/address/%s",
			USDT:            knownAddress(usdtNileHex)},
	}
}

// NetworkByKey finds a network by its key ("tron", "nile"; "mainnet" and
// "trx" are accepted for tron), case-insensitively.
func NetworkByKey(key string) (Network, bool) {
	key = strings.ToLower(strings.TrimSpace(key))
	if key == "mainnet" || key == "trx" {
		key = "tron"
	}
	for _, n := range Networks() {
		if n.Key == key {
			return n, true
		}
	}
	return Network{}, false
}

// TxURL is the explorer link of a transaction.
func (n Network) TxURL(txid string) string { return fill(n.ExplorerTx, txid) }

// AddressURL is the explorer link of an address.
func (n Network) AddressURL(a string) string { return fill(n.ExplorerAddress, a) }

func fill(tmpl, v string) string {
	if tmpl == "" {
		return ""
	}
	return strings.Replace(tmpl, "%s", v, 1)
}

// Networks lists the networks the backend searches, for --chain and
// `unstuck chains`.
func (b *Backend) Networks() []diagnose.Network {
	out := make([]diagnose.Network, len(b.cfg.Networks))
	for i, n := range b.cfg.Networks {
		eps := n.Endpoints
		if len(b.cfg.Endpoints) > 0 {
			eps = b.cfg.Endpoints
		}
		out[i] = diagnose.Network{Family: diagnose.FamilyTron, Key: n.Key, Name: n.Name, ChainID: n.ChainID,
			Symbol: n.Symbol, Decimals: int(n.Decimals), Endpoints: eps}
	}
	return out
}
