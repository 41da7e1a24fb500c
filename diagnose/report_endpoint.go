package diagnose

// EndpointReport is the health of a custom RPC endpoint, as a wallet user
// would put it in "Add network": does it answer, is it the chain it claims,
// is it up to date, how fast is it, can `unstuck check` use it (batches,
// the calls a check makes) and does it serve old state (a failed
// transaction's replay).
type EndpointReport struct {
	Endpoint       string `json:"endpoint"`
	OK             bool   `json:"ok"`
	Reachable      bool   `json:"reachable"`
	ChainID        uint64 `json:"chain_id,omitempty"`
	Chain          string `json:"chain,omitempty"`
	ClaimedChainID uint64 `json:"claimed_chain_id,omitempty"`
	ChainMatches   *bool  `json:"chain_matches,omitempty"`
	Head           uint64 `json:"head,omitempty"`
	ReferenceHead  uint64 `json:"reference_head,omitempty"`
	BlocksBehind   *int64 `json:"blocks_behind,omitempty"`
	// FreshnessChecked is false when no public endpoint of the chain
	// answered, or unstuck knows none (a custom chain, --rpc): whether it
	// is up to date is unknown. When some exist and none answered, that is
	// a problem finding; when none exist, it is only this field.
	FreshnessChecked bool  `json:"freshness_checked"`
	LatencyMS        int64 `json:"latency_ms"`
	// BatchCap is the largest batch (up to 10 calls, the probe's size) it
	// answered; BatchRefused says a larger one was refused.
	BatchCap     int  `json:"batch_cap,omitempty"`
	BatchRefused bool `json:"batch_refused,omitempty"`
	// UsableByCheck is whether it answered every call `unstuck check` needs.
	UsableByCheck bool `json:"usable_by_check"`
	// Archive is "full" (state 100,000 blocks back), "recent" (128 blocks
	// back, not 100,000), "none" (not even 128), or "unknown".
	Archive  string     `json:"archive,omitempty"`
	Fault    string     `json:"fault,omitempty"`
	Error    string     `json:"error,omitempty"`
	Findings []Finding  `json:"findings"`
	Problems []string   `json:"problems"` // the problem findings' titles in English
	Searched []Searched `json:"searched"`
}

// Add adds a finding in English (LocalizeFindings turns it into
// another language); an error or warning is also a problem.
func (rep *EndpointReport) Add(code Code, sev Severity, data map[string]string) {
	f := NewFinding(code, sev, data)
	rep.Findings = append(rep.Findings, f)
	if sev != SevInfo {
		rep.Problems = append(rep.Problems, f.Title+": "+f.Detail)
	}
}

// Unreachable reports whether the endpoint could not be asked at all.
func (rep *EndpointReport) Unreachable() bool { return !rep.Reachable }
