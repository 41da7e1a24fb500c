package revert

// Hint keys: what a revert means to a user. Guides route on these strings;
// add keys, never rename them.
const (
	HintSlippage         = "slippage"
	HintDeadline         = "deadline"
	HintAllowance        = "allowance"
	HintBalance          = "balance"
	HintPaused           = "paused"
	HintUnauthorized     = "unauthorized"
	HintSignature        = "signature"
	HintArithmetic       = "arithmetic"
	HintAssert           = "assert"
	HintInvalidReceiver  = "invalid_receiver"
	HintNonexistentToken = "nonexistent_token"
	HintNotOwner         = "not_owner"
	HintInsufficientETH  = "insufficient_eth"
	HintCallFailed       = "call_failed"
	HintReentrancy       = "reentrancy"
	HintBadNonce         = "bad_nonce"
	HintEmpty            = "empty"
	HintUnknown          = "unknown"
)

// Hints lists every hint key Decode can return.
func Hints() []string {
	return []string{HintSlippage, HintDeadline, HintAllowance, HintBalance, HintPaused,
		HintUnauthorized, HintSignature, HintArithmetic, HintAssert, HintInvalidReceiver,
		HintNonexistentToken, HintNotOwner, HintInsufficientETH, HintCallFailed, HintReentrancy,
		HintBadNonce, HintEmpty, HintUnknown}
}

// HintText is the plain sentence for a hint key, in English and Simplified
// Chinese. An unknown key gets the text of HintUnknown.
func HintText(hint string) (en, zh string) {
	switch hint {
	case HintSlippage:
		return "The price moved more than your slippage allowed. Try again with a higher slippage or a smaller amount.",
			"价格变动超过了您设置的滑点。请调高滑点或减少数量后重试。"
	case HintDeadline:
		return "The transaction waited too long and passed its deadline. Send it again, with a fee high enough to be included quickly.",
			"交易等待时间过长，已超过截止时间。请重新发送，并设置足够的手续费以便尽快打包。"
	case HintAllowance:
		return "The contract was not allowed to move enough of your tokens (the approval is missing or too small, or the balance is short). Approve the token, or a larger amount, and try again.",
			"合约没有获得足够的代币授权（未授权、授权额度不足，或余额不足）。请先授权该代币或更大的额度，然后重试。"
	case HintBalance:
		return "Your balance of this token is lower than the amount the transaction needs. Check the amount and your balance, then try again.",
			"您的该代币余额少于这笔交易所需的数量。请核对数量和余额后重试。"
	case HintPaused:
		return "The token or contract has been paused by its operators, so it cannot be used right now. Wait until the project resumes it.",
			"该代币或合约已被项目方暂停，目前无法使用。请等待项目方恢复。"
	case HintUnauthorized:
		return "Only a specific account (such as the contract's owner) may do this, and the address you used is not it. Check that you used the right wallet address and app.",
			"只有特定账户（例如合约所有者）才能执行此操作，您使用的地址没有这个权限。请确认使用了正确的钱包地址和应用。"
	case HintSignature:
		return "A signature in the transaction was not valid. Sign again in your wallet, with the address that holds the tokens.",
			"交易中的签名无效。请用持有代币的地址在钱包中重新签名。"
	case HintArithmetic:
		return "The contract hit a math error (a number went below zero, grew too large, or was divided by zero). This usually means an amount is too large or too small; try a different amount.",
			"合约计算出错（数值低于零、超出上限或除以零）。通常是数量过大或过小，请换一个数量再试。"
	case HintAssert:
		return "The contract hit an internal error (a failed check or a bug in the contract). Trying again will probably fail again; contact the app's team.",
			"合约内部出错（检查失败或合约存在缺陷）。重试很可能仍会失败，请联系该应用的团队。"
	case HintInvalidReceiver:
		return "The recipient cannot receive this token (for example the zero address, or a contract that does not accept it). Check the recipient address.",
			"收款方无法接收该代币（例如零地址，或不接受该代币的合约）。请检查收款地址。"
	case HintNonexistentToken:
		return "No NFT with this ID exists (it may have been burned or never minted). Check the token ID.",
			"不存在该编号的 NFT（可能已被销毁或从未铸造）。请检查 NFT 编号。"
	case HintNotOwner:
		return "The address used does not own this NFT or token. Check which of your addresses holds it.",
			"所用地址并不持有该 NFT 或代币。请确认是哪个地址持有它。"
	case HintInsufficientETH:
		return "Not enough of the network's coin (such as ETH or BNB) was sent with the transaction. Add funds or lower the amount, then try again.",
			"交易附带的原生币（如 ETH、BNB）不足。请充值或减少数量后重试。"
	case HintCallFailed:
		return "A call from the contract to another contract or token failed. The token may block transfers or take a fee on each transfer; check the token's rules or try another route.",
			"合约调用另一个合约或代币时失败。该代币可能限制转账或在每次转账时收取手续费；请查看代币规则或换一条路径。"
	case HintReentrancy:
		return "The contract blocked a nested call back into itself (reentrancy protection). This is not something you can fix; contact the app's team.",
			"合约阻止了对自身的嵌套调用（重入保护）。这不是您能解决的问题，请联系该应用的团队。"
	case HintBadNonce:
		return "A signed order or permit used a number (nonce) that was already used or is not valid. Create a new signature in the app and try again.",
			"已签名的订单或授权所用的编号（nonce）已被使用或无效。请在应用中重新签名后重试。"
	case HintEmpty:
		return "The transaction failed without giving a reason. Common causes: not enough gas, a check in the contract without a message, or a call to an address that is not a contract.",
			"交易失败，但合约没有给出原因。常见原因：Gas 不足、合约中的检查没有附带信息，或调用了非合约地址。"
	}
	return "The contract refused the transaction for a reason this tool does not recognise. A block explorer or the app's support page may explain it.",
		"合约拒绝了这笔交易，原因本工具无法识别。区块浏览器或该应用的帮助页面可能有解释。"
}
