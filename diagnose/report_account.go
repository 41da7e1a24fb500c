package diagnose

// AccountReport is what public nodes say about an address, per chain.
type AccountReport struct {
	Input    string         `json:"input"`
	Address  string         `json:"address"`
	Chains   []AccountChain `json:"chains"`
	Tron     []TronAccount  `json:"tron,omitempty"`
	Findings []Finding      `json:"findings"`
	Searched []Searched     `json:"searched"`

	// Bitcoin is the Bitcoin part of the report (account_bitcoin.go).
	Bitcoin *BitcoinAccount `json:"bitcoin,omitempty"`
}

// AccountChain is an address's state on one chain.
type AccountChain struct {
	ChainID      uint64 `json:"chain_id"`
	Chain        string `json:"chain"`
	Symbol       string `json:"symbol,omitempty"`
	LatestNonce  uint64 `json:"latest_nonce"`
	PendingNonce uint64 `json:"pending_nonce"`
	Waiting      uint64 `json:"waiting"`
	BalanceWei   string `json:"balance_wei"`
	Balance      string `json:"balance"`
	IsContract   bool   `json:"is_contract"`
	Delegate     string `json:"delegated_to,omitempty"`
	Active       bool   `json:"active"`
	ExplorerURL  string `json:"explorer_url,omitempty"`
}
