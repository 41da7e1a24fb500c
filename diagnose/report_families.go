package diagnose

// TronInfo is the TRON part of a report: what TronScan users read. Amounts
// are in sun (1 TRX = 1,000,000 sun).
type TronInfo struct {
	ContractRet  string `json:"contract_ret,omitempty"`
	FeeSun       int64  `json:"fee_sun"`
	EnergyUsed   int64  `json:"energy_used"`
	EnergyFeeSun int64  `json:"energy_fee_sun"`
	// EnergyPenalty is the extra energy a popular contract charges.
	EnergyPenalty int64  `json:"energy_penalty,omitempty"`
	NetUsed       int64  `json:"net_used"`
	NetFeeSun     int64  `json:"net_fee_sun"`
	FeeLimitSun   int64  `json:"fee_limit_sun,omitempty"`
	ResMessage    string `json:"res_message,omitempty"`
	Expiration    string `json:"expiration,omitempty"` // RFC 3339, UTC
	Solidified    bool   `json:"solidified"`
}

// BitcoinInfo is the Bitcoin part of a report. Fees in satoshi, rates in
// sat/vB.
type BitcoinInfo struct {
	FeeSat                int64   `json:"fee_sat"`
	VSize                 int64   `json:"vsize"`
	FeeRateSatVB          float64 `json:"fee_rate_sat_vb"`
	NextBlockFeeRateSatVB float64 `json:"next_block_fee_rate_sat_vb,omitempty"`
	MinFeeRateSatVB       float64 `json:"min_fee_rate_sat_vb,omitempty"`
	RBFSignaled           bool    `json:"rbf_signaled"`
	RBFMinFeeSat          int64   `json:"rbf_min_fee_sat,omitempty"`
	CPFPChildFeeSat       int64   `json:"cpfp_child_fee_sat,omitempty"`
	ReplacedBy            string  `json:"replaced_by,omitempty"`
}
