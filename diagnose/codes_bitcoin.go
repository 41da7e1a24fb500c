package diagnose

// Bitcoin finding codes (DESIGN.md). The shared codes underpriced,
// replaced, dropped, not_found and low_confirmations are used too, with
// Bitcoin variants of their words.
const (
	CodeBelowMinRelay     Code = "below_min_relay"
	CodeRBFAvailable      Code = "rbf_available"
	CodeCPFPAvailable     Code = "cpfp_available"
	CodeUnconfirmedParent Code = "unconfirmed_parent"
	CodeExpiring          Code = "expiring"
)

// bitcoinCodes are the Bitcoin backend's codes and their guide nodes
// (guides/data/bitcoin.yaml).
func bitcoinCodes() []codeGuide {
	return []codeGuide{
		{CodeBelowMinRelay, "btc-min-relay"}, {CodeRBFAvailable, "btc-rbf"}, {CodeCPFPAvailable, "btc-cpfp"},
		{CodeUnconfirmedParent, "btc-unconfirmed-parent"}, {CodeExpiring, "btc-dropped"},
	}
}
