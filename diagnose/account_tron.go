package diagnose

// TronAccount is what one TRON network says about an address: TRX balance,
// activation, resources left today and who holds its permissions. Amounts
// in sun (1 TRX = 1,000,000 sun) with a TRX reading beside them.
type TronAccount struct {
	Network    string `json:"network"`
	Chain      string `json:"chain"`
	Address    string `json:"address"`
	Activated  bool   `json:"activated"`
	Type       string `json:"type,omitempty"` // Normal, AssetIssue, Contract
	BalanceSun int64  `json:"balance_sun"`
	Balance    string `json:"balance"`
	// Free bandwidth resets daily; staked resources come from frozen TRX.
	FreeNetLeft   int64 `json:"free_net_left"`
	FreeNetLimit  int64 `json:"free_net_limit"`
	StakedNetLeft int64 `json:"staked_net_left"`
	EnergyLeft    int64 `json:"energy_left"`
	EnergyLimit   int64 `json:"energy_limit"`
	// Owner and Active are the permission keys, T… addresses.
	OwnerKeys      []PermissionKey `json:"owner_keys"`
	OwnerThreshold int64           `json:"owner_threshold,omitempty"`
	ActiveKeys     []PermissionKey `json:"active_keys"`
	// ForeignKey is true when a key other than the address itself can act
	// for the owner: the "multisig" scam's mark.
	ForeignKey  bool   `json:"foreign_key"`
	USDTBalance string `json:"usdt_balance,omitempty"`
	ExplorerURL string `json:"explorer_url,omitempty"`
}

// PermissionKey is one key of a TRON permission.
type PermissionKey struct {
	Address string `json:"address"`
	Weight  int64  `json:"weight"`
}
