package revert

import (
	"encoding/hex"

	"github.com/ethereum/go-ethereum/crypto"
)

// methodSigs lists the functions a wallet user is most likely to have
// called. Selectors are computed from these signatures, never copied.
func methodSigs() []string {
	return []string{
		// Tokens.
		"transfer(address,uint256)",
		"transferFrom(address,address,uint256)",
		"approve(address,uint256)",
		"increaseAllowance(address,uint256)",
		"decreaseAllowance(address,uint256)",
		"setApprovalForAll(address,bool)",
		"safeTransferFrom(address,address,uint256)",
		"safeTransferFrom(address,address,uint256,bytes)",
		"safeTransferFrom(address,address,uint256,uint256,bytes)",
		"safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)",
		"permit(address,address,uint256,uint256,uint8,bytes32,bytes32)",
		"permit(address,address,uint256,uint256,bool,uint8,bytes32,bytes32)",

		// Permit2.
		"approve(address,address,uint160,uint48)",
		"permit(address,((address,uint160,uint48,uint48),address,uint256),bytes)",
		"permit(address,((address,uint160,uint48,uint48)[],address,uint256),bytes)",
		"permitTransferFrom(((address,uint256),uint256,uint256),(address,uint256),address,bytes)",

		// Wrapped native coin.
		"deposit()",
		"withdraw(uint256)",

		// Uniswap Universal Router, multicall routers.
		"execute(bytes,bytes[],uint256)",
		"execute(bytes,bytes[])",
		"multicall(bytes[])",
		"multicall(uint256,bytes[])",
		"multicall(bytes32,bytes[])",

		// Uniswap V2-style routers (PancakeSwap and forks use the same names).
		"swapExactTokensForTokens(uint256,uint256,address[],address,uint256)",
		"swapTokensForExactTokens(uint256,uint256,address[],address,uint256)",
		"swapExactETHForTokens(uint256,address[],address,uint256)",
		"swapTokensForExactETH(uint256,uint256,address[],address,uint256)",
		"swapExactTokensForETH(uint256,uint256,address[],address,uint256)",
		"swapETHForExactTokens(uint256,address[],address,uint256)",
		"swapExactTokensForTokensSupportingFeeOnTransferTokens(uint256,uint256,address[],address,uint256)",
		"swapExactETHForTokensSupportingFeeOnTransferTokens(uint256,address[],address,uint256)",
		"swapExactTokensForETHSupportingFeeOnTransferTokens(uint256,uint256,address[],address,uint256)",
		"addLiquidity(address,address,uint256,uint256,uint256,uint256,address,uint256)",
		"addLiquidityETH(address,uint256,uint256,uint256,address,uint256)",
		"removeLiquidity(address,address,uint256,uint256,uint256,address,uint256)",
		"removeLiquidityETH(address,uint256,uint256,uint256,address,uint256)",

		// Uniswap V3 SwapRouter and SwapRouter02.
		"exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))",
		"exactInput((bytes,address,uint256,uint256,uint256))",
		"exactOutputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))",
		"exactOutput((bytes,address,uint256,uint256,uint256))",
		"exactInputSingle((address,address,uint24,address,uint256,uint256,uint160))",
		"exactInput((bytes,address,uint256,uint256))",
		"exactOutputSingle((address,address,uint24,address,uint256,uint256,uint160))",
		"exactOutput((bytes,address,uint256,uint256))",
	}
}

// selectorOf is the first four bytes of keccak256(sig).
func selectorOf(sig string) [4]byte {
	var sel [4]byte
	copy(sel[:], crypto.Keccak256([]byte(sig)))
	return sel
}

// Method names the function calldata calls, e.g. "approve(address,uint256)".
// Empty or shorter-than-selector calldata (a plain coin transfer) gives
// "", false. An unknown selector gives its 0x-hex and false, so a caller can
// still show something.
func (d *Decoder) Method(calldata []byte) (sig string, ok bool) {
	if len(calldata) < 4 {
		return "", false
	}
	var sel [4]byte
	copy(sel[:], calldata)
	if s, found := d.methods[sel]; found {
		return s, true
	}
	return "0x" + hex.EncodeToString(sel[:]), false
}
