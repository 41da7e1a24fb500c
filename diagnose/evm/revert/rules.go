package revert

import "strings"

// stringRule maps a common revert string to a hint. Patterns are lower
// case. A whole-word rule matches only the entire message or the part after
// its last ": " (short codes like Uniswap V3's "STF" would match far too much
// as substrings); the others match anywhere in the message.
type stringRule struct {
	pattern string
	hint    string
	whole   bool
}

// stringRules is the table of common string reverts, most specific first:
// the first rule that matches wins.
func stringRules() []stringRule {
	return []stringRule{
		// Uniswap V3 TransferHelper and friends: short codes.
		{pattern: "stf", hint: HintAllowance, whole: true},
		{pattern: "tf", hint: HintCallFailed, whole: true},
		{pattern: "st", hint: HintCallFailed, whole: true},
		{pattern: "sa", hint: HintCallFailed, whole: true},
		{pattern: "ste", hint: HintCallFailed, whole: true},
		{pattern: "lok", hint: HintReentrancy, whole: true},
		{pattern: "k", hint: HintCallFailed, whole: true}, // UniswapV2: K, usually a fee-on-transfer token

		// Price moved.
		{pattern: "insufficient_output_amount", hint: HintSlippage},
		{pattern: "excessive_input_amount", hint: HintSlippage},
		{pattern: "too little received", hint: HintSlippage},
		{pattern: "too much requested", hint: HintSlippage},
		{pattern: "price slippage check", hint: HintSlippage},
		{pattern: "return amount is not enough", hint: HintSlippage},
		{pattern: "min return not reached", hint: HintSlippage},
		{pattern: "slippage", hint: HintSlippage},

		// Deadline passed.
		{pattern: "transaction too old", hint: HintDeadline},
		{pattern: "expired", hint: HintDeadline},
		{pattern: "deadline", hint: HintDeadline},

		// Approval and balance.
		{pattern: "transfer_from_failed", hint: HintAllowance},
		{pattern: "insufficient allowance", hint: HintAllowance},
		{pattern: "exceeds allowance", hint: HintAllowance},
		{pattern: "insufficient_allowance", hint: HintAllowance},
		{pattern: "exceeds balance", hint: HintBalance},
		{pattern: "insufficient balance", hint: HintBalance},
		{pattern: "insufficient_balance", hint: HintBalance},

		// Paused.
		{pattern: "not paused", hint: HintUnknown},
		{pattern: "paused", hint: HintPaused},

		// NFTs and ownership.
		{pattern: "nonexistent token", hint: HintNonexistentToken},
		{pattern: "invalid token id", hint: HintNonexistentToken},
		{pattern: "caller is not token owner", hint: HintNotOwner},
		{pattern: "incorrect owner", hint: HintNotOwner},
		{pattern: "not token owner", hint: HintNotOwner},
		{pattern: "non erc721receiver", hint: HintInvalidReceiver},
		{pattern: "non-erc721receiver", hint: HintInvalidReceiver},
		{pattern: "non-erc1155receiver", hint: HintInvalidReceiver},
		{pattern: "erc1155receiver rejected", hint: HintInvalidReceiver},
		{pattern: "to the zero address", hint: HintInvalidReceiver},
		{pattern: "invalid receiver", hint: HintInvalidReceiver},
		{pattern: "invalid recipient", hint: HintInvalidReceiver},

		// Permission.
		{pattern: "ownable:", hint: HintUnauthorized},
		{pattern: "caller is not the owner", hint: HintUnauthorized},
		{pattern: "accesscontrol:", hint: HintUnauthorized},
		{pattern: "unauthorized", hint: HintUnauthorized},
		{pattern: "not authorized", hint: HintUnauthorized},
		{pattern: "forbidden", hint: HintUnauthorized},
		{pattern: "only owner", hint: HintUnauthorized},

		// Reentrancy.
		{pattern: "reentran", hint: HintReentrancy},
		{pattern: "uniswapv2: locked", hint: HintReentrancy},

		// Signatures and nonces.
		{pattern: "signature", hint: HintSignature},
		{pattern: "invalid signer", hint: HintSignature},
		{pattern: "ecdsa:", hint: HintSignature},
		{pattern: "nonce", hint: HintBadNonce},

		// Native coin.
		{pattern: "insufficient eth", hint: HintInsufficientETH},
		{pattern: "insufficient_eth", hint: HintInsufficientETH},
		{pattern: "not enough eth", hint: HintInsufficientETH},
		{pattern: "insufficient value", hint: HintInsufficientETH},
		{pattern: "msg.value", hint: HintInsufficientETH},

		// Math.
		{pattern: "safemath:", hint: HintArithmetic},
		{pattern: "overflow", hint: HintArithmetic},
		{pattern: "underflow", hint: HintArithmetic},
		{pattern: "division by zero", hint: HintArithmetic},

		// Calls that failed further down.
		{pattern: "transfer_failed", hint: HintCallFailed},
		{pattern: "transfer failed", hint: HintCallFailed},
		{pattern: "call to non-contract", hint: HintCallFailed},
		{pattern: "call failed", hint: HintCallFailed},

		// ERC-4337 EntryPoint (FailedOp reasons such as "AA21 didn't pay prefund";
		// AA24 and AA25 are caught by the signature and nonce rules above).
		{pattern: "didn't pay prefund", hint: HintInsufficientETH},
		{pattern: "prefund", hint: HintInsufficientETH},
	}
}

// matchRule returns the hint of the first rule that matches msg, or "".
func matchRule(rules []stringRule, msg string) string {
	lower := strings.ToLower(strings.TrimSpace(msg))
	last := lower
	if i := strings.LastIndex(lower, ": "); i >= 0 {
		last = strings.TrimSpace(lower[i+2:])
	}
	for _, r := range rules {
		if r.whole {
			if lower == r.pattern || last == r.pattern {
				return r.hint
			}
			continue
		}
		if strings.Contains(lower, r.pattern) {
			return r.hint
		}
	}
	return ""
}
