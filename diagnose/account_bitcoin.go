package diagnose

// BitcoinAccount is the Bitcoin part of an account report: what the
// address holds, in satoshi (1 BTC = 100,000,000 sat).
type BitcoinAccount struct {
	Address string `json:"address"`
	Type    string `json:"type"`
	// ConfirmedSat is the balance in confirmed transactions.
	ConfirmedSat int64 `json:"confirmed_sat"`
	// UnconfirmedSat is the net change waiting in the mempool (it can be
	// negative: an unconfirmed spend).
	UnconfirmedSat int64  `json:"unconfirmed_sat"`
	Confirmed      string `json:"confirmed"`   // in BTC
	Unconfirmed    string `json:"unconfirmed"` // in BTC
	// UnconfirmedTxs counts the address's transactions still waiting.
	UnconfirmedTxs int64  `json:"unconfirmed_txs"`
	TxCount        int64  `json:"tx_count"`
	ExplorerURL    string `json:"explorer_url,omitempty"`
}
