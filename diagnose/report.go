package diagnose

// Status is the state of a transaction as far as the nodes could tell.
type Status string

// Statuses, as named in the JSON contract.
const (
	StatusSuccess  Status = "success"
	StatusFailed   Status = "failed"
	StatusPending  Status = "pending"
	StatusReplaced Status = "replaced"
	StatusDropped  Status = "dropped"
	StatusNotFound Status = "not_found"
	StatusUnknown  Status = "unknown"
)

// Statuses lists every status, in the order the guides route on them.
func Statuses() []Status {
	return []Status{StatusSuccess, StatusFailed, StatusPending, StatusReplaced, StatusDropped, StatusNotFound, StatusUnknown}
}

// Severity says how much a finding matters.
type Severity string

// Severities.
const (
	SevError Severity = "error"
	SevWarn  Severity = "warn"
	SevInfo  Severity = "info"
)

// Code names a finding. Codes are part of the contract: add, never rename.
type Code string

// Finding codes.
const (
	CodeUnderpriced         Code = "underpriced"
	CodeLowTip              Code = "low_tip"
	CodeNonceGap            Code = "nonce_gap"
	CodeReplaced            Code = "replaced"
	CodeCancelled           Code = "cancelled"
	CodeDropped             Code = "dropped"
	CodeReverted            Code = "reverted"
	CodeOutOfGas            Code = "out_of_gas"
	CodeInsufficientFunds   Code = "insufficient_funds"
	CodeWrongChain          Code = "wrong_chain"
	CodeSentToTokenContract Code = "sent_to_token_contract"
	CodeSentToContract      Code = "sent_to_contract"
	CodeTokenTransfer       Code = "token_transfer"
	CodeLowConfirmations    Code = "low_confirmations"
	CodeIndexing            Code = "indexing"
	CodeStateUnavailable    Code = "state_unavailable"
	CodeDelegatedAccount    Code = "delegated_account"
	CodeRPCDegraded         Code = "rpc_degraded"
	CodeNotFound            Code = "not_found"
	CodePrivateMempool      Code = "private_mempool"
	// CodeWaiting: pending with a fee that is enough; it should be mined soon.
	CodeWaiting Code = "waiting"
	// CodeQueuedBehind: lower nonces of the same sender are pending ahead of it.
	CodeQueuedBehind Code = "queued_behind"
	// CodeStateChangedInBlock: it would have succeeded at the start of its
	// block; an earlier transaction in the same block changed the state.
	CodeStateChangedInBlock Code = "state_changed_in_block"
)

// codeGuide pairs a finding code with the guide node that explains what to
// do about it. The guides package validates that every one of these nodes
// exists.
type codeGuide struct {
	code  Code
	guide string
}

// sharedCodes are the codes of every family and of the EVM backend, in the
// order the guides list them. Each other family adds a table of its own
// (codes_<family>.go).
func sharedCodes() []codeGuide {
	return []codeGuide{
		{CodeUnderpriced, "speed-up"}, {CodeLowTip, "speed-up"}, {CodeNonceGap, "nonce-gap"},
		{CodeReplaced, "replaced"}, {CodeCancelled, "cancelled"}, {CodeDropped, "dropped"},
		{CodeReverted, "failed-revert"}, {CodeOutOfGas, "out-of-gas"},
		{CodeInsufficientFunds, "insufficient-funds"}, {CodeWrongChain, "wrong-network"},
		{CodeSentToTokenContract, "sent-to-token-contract"}, {CodeSentToContract, "sent-to-contract"},
		{CodeTokenTransfer, "token-not-shown"}, {CodeLowConfirmations, "confirmations"},
		{CodeIndexing, "node-indexing"}, {CodeStateUnavailable, "reason-unavailable"},
		{CodeDelegatedAccount, "delegation-7702"}, {CodeRPCDegraded, "endpoint-trouble"},
		{CodeNotFound, "not-found"}, {CodePrivateMempool, "l2-pending"},
		{CodeWaiting, "pending-waiting"}, {CodeQueuedBehind, "queued-behind"},
		{CodeStateChangedInBlock, "state-changed-in-block"},
	}
}

// codeTable is every family's codes, shared first.
func codeTable() []codeGuide {
	return append(append(sharedCodes(), tronCodes()...), bitcoinCodes()...)
}

// GuideFor is the guide node that explains what to do about a finding.
func GuideFor(c Code) string {
	for _, cg := range codeTable() {
		if cg.code == c {
			return cg.guide
		}
	}
	return ""
}

// Codes lists every finding code.
func Codes() []Code {
	t := codeTable()
	out := make([]Code, len(t))
	for i, cg := range t {
		out[i] = cg.code
	}
	return out
}

// Report is the outcome of one check. Field names are the JSON contract.
type Report struct {
	Input         string       `json:"input"`
	Family        Family       `json:"family,omitempty"`
	Status        Status       `json:"status"`
	Chain         *ChainRef    `json:"chain,omitempty"`
	Confirmations uint64       `json:"confirmations"`
	Tx            *TxInfo      `json:"tx,omitempty"`
	Receipt       *Receipt     `json:"receipt,omitempty"`
	Revert        *Revert      `json:"revert,omitempty"`
	Transfers     []Transfer   `json:"transfers"`
	Fees          *Fees        `json:"fees,omitempty"`
	Tron          *TronInfo    `json:"tron,omitempty"`
	Bitcoin       *BitcoinInfo `json:"bitcoin,omitempty"`
	Findings      []Finding    `json:"findings"`
	Searched      []Searched   `json:"searched"`
	Demo          bool         `json:"demo,omitempty"`
}

// ChainRef names the chain a transaction was found on.
type ChainRef struct {
	ID            uint64 `json:"id"`
	Key           string `json:"key,omitempty"`
	Name          string `json:"name"`
	Symbol        string `json:"symbol,omitempty"`
	ExplorerTxURL string `json:"explorer_tx_url,omitempty"`
}

// TxInfo is the public part of a transaction. Amounts are decimal strings in wei.
type TxInfo struct {
	Hash              string `json:"hash"`
	From              string `json:"from"`
	To                string `json:"to,omitempty"`
	Nonce             uint64 `json:"nonce"`
	ValueWei          string `json:"value_wei"`
	Type              uint64 `json:"type"`
	GasLimit          uint64 `json:"gas_limit"`
	GasPriceWei       string `json:"gas_price_wei,omitempty"`
	MaxFeePerGasWei   string `json:"max_fee_per_gas_wei,omitempty"`
	MaxPriorityFeeWei string `json:"max_priority_fee_per_gas_wei,omitempty"`
	// MaxFeePerBlobGasWei is a blob (type 3) transaction's blob fee cap.
	MaxFeePerBlobGasWei string `json:"max_fee_per_blob_gas_wei,omitempty"`
	Blobs               int    `json:"blobs,omitempty"`
	Method              string `json:"method,omitempty"`
}

// Receipt is the mined part of a transaction.
type Receipt struct {
	Block                uint64 `json:"block"`
	GasUsed              uint64 `json:"gas_used"`
	EffectiveGasPriceWei string `json:"effective_gas_price_wei,omitempty"`
	FeeWei               string `json:"fee_wei,omitempty"`
	L1FeeWei             string `json:"l1_fee_wei,omitempty"`
	// ContractAddress is the contract a creation made.
	ContractAddress string `json:"contract_address,omitempty"`
	// BlobGasUsed and BlobGasPriceWei are a blob transaction's blob gas;
	// BlobFeeWei is their product (part of FeeWei).
	BlobGasUsed     uint64 `json:"blob_gas_used,omitempty"`
	BlobGasPriceWei string `json:"blob_gas_price_wei,omitempty"`
	BlobFeeWei      string `json:"blob_fee_wei,omitempty"`
}

// Revert is a decoded revert reason.
type Revert struct {
	Selector string `json:"selector,omitempty"`
	Name     string `json:"name,omitempty"`
	Reason   string `json:"reason,omitempty"`
	// ReasonZH is Reason in Chinese where the tool wrote it (a panic's
	// meaning); contract-written text has none.
	ReasonZH string   `json:"reason_zh,omitempty"`
	Args     []string `json:"args,omitempty"`
	Meaning  string   `json:"meaning,omitempty"`
	Raw      string   `json:"raw,omitempty"`
	// Source says which replay the reason comes from: "parent_block" (the
	// state at the start of its block) or "in_block" (at the end of its
	// block, after the transactions before it).
	Source string `json:"source,omitempty"`
}

// Revert sources.
const (
	RevertSourceParent  = "parent_block"
	RevertSourceInBlock = "in_block"
)

// Transfer is a decoded ERC-20 or ERC-721 Transfer event.
type Transfer struct {
	Standard string `json:"standard"`
	Token    string `json:"token"`
	Symbol   string `json:"symbol,omitempty"`
	Decimals *uint8 `json:"decimals,omitempty"`
	From     string `json:"from"`
	To       string `json:"to"`
	Amount   string `json:"amount,omitempty"`
	TokenID  string `json:"token_id,omitempty"`
	RawValue string `json:"raw_value,omitempty"`
}

// Fees compares what the transaction offered with what the chain asks now.
type Fees struct {
	BaseFeeWei              string `json:"base_fee_wei,omitempty"`
	NextBaseFeeWei          string `json:"next_base_fee_wei,omitempty"`
	TipP50Wei               string `json:"tip_p50_wei,omitempty"`
	ReplacementMinMaxFeeWei string `json:"replacement_min_max_fee_wei,omitempty"`
	ReplacementMinTipWei    string `json:"replacement_min_tip_wei,omitempty"`
	SuggestedMaxFeeWei      string `json:"suggested_max_fee_wei,omitempty"`
	// SuggestedTipWei is a tip that will be picked up: max(replacement
	// minimum, recent median tip).
	SuggestedTipWei string `json:"suggested_tip_wei,omitempty"`
	// Blob transactions: the next block's blob base fee, and the blob fee
	// cap a replacement needs.
	BlobBaseFeeWei              string `json:"blob_base_fee_wei,omitempty"`
	ReplacementMinBlobFeeCapWei string `json:"replacement_min_blob_fee_cap_wei,omitempty"`
}

// Finding is one fact the user should act on, linked to the guide node
// that says how.
type Finding struct {
	Code     Code              `json:"code"`
	Severity Severity          `json:"severity"`
	Title    string            `json:"title"`
	Detail   string            `json:"detail,omitempty"`
	Guide    string            `json:"guide"`
	Data     map[string]string `json:"data,omitempty"`
}

// Searched records what one endpoint answered.
type Searched struct {
	ChainID   uint64 `json:"chain_id"`
	Chain     string `json:"chain,omitempty"`
	Endpoint  string `json:"endpoint"`
	Result    string `json:"result"`
	Error     string `json:"error,omitempty"`
	Fault     string `json:"fault,omitempty"`
	LatencyMS int64  `json:"latency_ms"`
	Requests  int    `json:"requests"`
}

// Add appends a finding whose words come from the message catalogue; a
// backend builds its report's findings with it.
func (r *Report) Add(code Code, sev Severity, data map[string]string) {
	r.Findings = append(r.Findings, NewFinding(code, sev, data))
}

// NewFinding is a finding with its guide node and its words from the
// message catalogue, in English (Localize puts them in another language).
func NewFinding(code Code, sev Severity, data map[string]string) Finding {
	fd := Finding{Code: code, Severity: sev, Guide: GuideFor(code), Data: data}
	fd.Title, fd.Detail = render("en", code, data)
	return fd
}

// Has reports whether the report already carries a finding code.
func (r *Report) Has(code Code) bool {
	for _, f := range r.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}
