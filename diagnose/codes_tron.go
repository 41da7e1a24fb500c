package diagnose

// TRON finding codes (DESIGN.md, TRON rules).
const (
	CodeOutOfEnergy       Code = "out_of_energy"
	CodeFeeLimitHit       Code = "fee_limit_hit"
	CodeAccountActivation Code = "account_activation"
	CodeExpired           Code = "expired"
	CodeBlacklisted       Code = "blacklisted"
	CodePermissionChanged Code = "permission_changed"
)

// tronCodes are the TRON backend's codes and the guide nodes (guides/data/
// tron.yaml) that say what to do about them.
func tronCodes() []codeGuide {
	return []codeGuide{
		{CodeOutOfEnergy, "tron-energy"}, {CodeFeeLimitHit, "tron-fee-limit"},
		{CodeAccountActivation, "tron-activation"}, {CodeExpired, "tron-expired"},
		{CodeBlacklisted, "tron-frozen-usdt"}, {CodePermissionChanged, "tron-multisig-scam"},
	}
}
