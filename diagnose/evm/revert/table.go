package revert

import (
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/crypto"
)

// Names of the errors Decode treats specially.
const (
	nameError           = "Error"
	namePanic           = "Panic"
	nameExecutionFailed = "ExecutionFailed"
	nameFailedOp        = "FailedOp"
)

// errorSpec is one row of the signature table: an error's name, its
// parameters as "type name" pairs, the hint key it maps to and, where the
// hint's own sentence does not fit, a sentence of its own.
type errorSpec struct {
	name   string
	params string
	hint   string
	en, zh string
}

// errorSpecs is the signature table. Selectors are never written here: they
// are computed from the canonical signature when the Decoder is built.
func errorSpecs() []errorSpec {
	return []errorSpec{
		{name: nameError, params: "string message"},
		{name: namePanic, params: "uint256 code"},
		{name: nameExecutionFailed, params: "uint256 commandIndex, bytes message"},
		{name: nameFailedOp, params: "uint256 opIndex, string reason", hint: HintCallFailed},

		// OpenZeppelin 5 token errors (ERC-6093).
		{name: "ERC20InsufficientBalance", params: "address sender, uint256 balance, uint256 needed", hint: HintBalance},
		{name: "ERC20InsufficientAllowance", params: "address spender, uint256 allowance, uint256 needed", hint: HintAllowance},
		{name: "ERC20InvalidReceiver", params: "address receiver", hint: HintInvalidReceiver},
		{name: "ERC20InvalidSender", params: "address sender", hint: HintUnknown,
			en: "The token refused to move tokens from this sender address (it is not a valid sender, for example the zero address).",
			zh: "代币合约拒绝从该发送地址转出代币（该地址不是有效的发送方，例如零地址）。"},
		{name: "ERC20InvalidApprover", params: "address approver", hint: HintUnknown,
			en: "The token refused the approval because the approving address is not valid (for example the zero address).",
			zh: "代币合约拒绝了这次授权，因为授权方地址无效（例如零地址）。"},
		{name: "ERC20InvalidSpender", params: "address spender", hint: HintUnknown,
			en: "The token refused the approval because the spender address is not valid (for example the zero address). Check the address you are approving.",
			zh: "代币合约拒绝了这次授权，因为被授权地址无效（例如零地址）。请检查您要授权的地址。"},
		{name: "ERC721NonexistentToken", params: "uint256 tokenId", hint: HintNonexistentToken},
		{name: "ERC721IncorrectOwner", params: "address sender, uint256 tokenId, address owner", hint: HintNotOwner},
		{name: "ERC721InsufficientApproval", params: "address operator, uint256 tokenId", hint: HintAllowance},
		{name: "ERC721InvalidReceiver", params: "address receiver", hint: HintInvalidReceiver},
		{name: "ERC721InvalidOwner", params: "address owner", hint: HintNotOwner},
		{name: "ERC1155InsufficientBalance", params: "address sender, uint256 balance, uint256 needed, uint256 tokenId", hint: HintBalance},
		{name: "ERC1155MissingApprovalForAll", params: "address operator, address owner", hint: HintAllowance},

		// OpenZeppelin utilities and access control.
		{name: "SafeERC20FailedOperation", params: "address token", hint: HintCallFailed},
		{name: "AddressEmptyCode", params: "address target", hint: HintCallFailed},
		{name: "FailedInnerCall", hint: HintCallFailed},
		{name: "FailedCall", hint: HintCallFailed},
		{name: "InsufficientBalance", params: "uint256 balance, uint256 needed", hint: HintBalance},
		{name: "OwnableUnauthorizedAccount", params: "address account", hint: HintUnauthorized},
		{name: "EnforcedPause", hint: HintPaused},
		{name: "ReentrancyGuardReentrantCall", hint: HintReentrancy},
		{name: "ERC2612ExpiredSignature", params: "uint256 deadline", hint: HintDeadline},
		{name: "ERC2612InvalidSigner", params: "address signer, address owner", hint: HintSignature},

		// Uniswap Universal Router and V4 router.
		{name: "V3TooLittleReceived", hint: HintSlippage},
		{name: "V3TooMuchRequested", hint: HintSlippage},
		{name: "V2TooLittleReceived", hint: HintSlippage},
		{name: "V2TooMuchRequested", hint: HintSlippage},
		{name: "V2InvalidPath", hint: HintUnknown,
			en: "The swap route sent by the app was not valid. Refresh the app and build the swap again.",
			zh: "应用提交的兑换路径无效。请刷新应用后重新发起兑换。"},
		{name: "V3InvalidSwap", hint: HintUnknown,
			en: "The swap sent by the app was not valid for this pool. Refresh the app and build the swap again.",
			zh: "应用提交的兑换对该资金池无效。请刷新应用后重新发起兑换。"},
		{name: "TransactionDeadlinePassed", hint: HintDeadline},
		{name: "InsufficientETH", hint: HintInsufficientETH},
		{name: "InsufficientToken", hint: HintBalance},
		{name: "V4TooLittleReceived", params: "uint256 minAmountOutReceived, uint256 amountReceived", hint: HintSlippage},
		{name: "V4TooMuchRequested", params: "uint256 maxAmountInRequested, uint256 amountRequested", hint: HintSlippage},

		// Permit2.
		{name: "AllowanceExpired", params: "uint256 deadline", hint: HintAllowance},
		{name: "InsufficientAllowance", params: "uint256 amount", hint: HintAllowance},
		{name: "InvalidNonce", hint: HintBadNonce},
		{name: "SignatureExpired", params: "uint256 signatureDeadline", hint: HintDeadline},
		{name: "InvalidSignature", hint: HintSignature},
	}
}

// knownError is a table row turned into an abi error.
type knownError struct {
	spec     errorSpec
	abi      abi.Error
	selector [4]byte
}

// buildError parses a table row into an abi error and computes its selector
// from the canonical signature.
func buildError(s errorSpec) (knownError, error) {
	var args abi.Arguments
	if strings.TrimSpace(s.params) != "" {
		for _, p := range strings.Split(s.params, ",") {
			f := strings.Fields(p)
			if len(f) != 2 {
				return knownError{}, fmt.Errorf("error %s: parameter %q is not \"type name\"", s.name, p)
			}
			typ, err := abi.NewType(f[0], "", nil)
			if err != nil {
				return knownError{}, fmt.Errorf("error %s: parameter %q: %w", s.name, p, err)
			}
			args = append(args, abi.Argument{Name: f[1], Type: typ})
		}
	}
	e := abi.NewError(s.name, args)
	var sel [4]byte
	copy(sel[:], crypto.Keccak256([]byte(e.Sig)))
	return knownError{spec: s, abi: e, selector: sel}, nil
}
