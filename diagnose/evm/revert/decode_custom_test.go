package revert

import (
	"strings"
	"testing"
)

func TestDecodeCustomErrors(t *testing.T) {
	a, b := addr(hexA).Hex(), addr(hexB).Hex()
	type want struct {
		name   string
		reason string
		hint   string
	}
	tests := []struct {
		name  string
		input []byte
		want  want
	}{
		{name: "ERC20InsufficientBalance", input: enc(t, "ERC20InsufficientBalance(address,uint256,uint256)", addr(hexA), bi(5), bi(10)),
			want: want{"ERC20InsufficientBalance(address,uint256,uint256)", "ERC20InsufficientBalance(sender=" + a + ", balance=5, needed=10)", HintBalance}},
		{name: "ERC20InsufficientAllowance", input: enc(t, "ERC20InsufficientAllowance(address,uint256,uint256)", addr(hexA), bi(0), bi(7)),
			want: want{"ERC20InsufficientAllowance(address,uint256,uint256)", "ERC20InsufficientAllowance(spender=" + a + ", allowance=0, needed=7)", HintAllowance}},
		{name: "ERC20InvalidReceiver", input: enc(t, "ERC20InvalidReceiver(address)", addr(hexB)),
			want: want{"ERC20InvalidReceiver(address)", "ERC20InvalidReceiver(receiver=" + b + ")", HintInvalidReceiver}},
		{name: "ERC20InvalidSender", input: enc(t, "ERC20InvalidSender(address)", addr(hexB)),
			want: want{"ERC20InvalidSender(address)", "ERC20InvalidSender(sender=" + b + ")", HintUnknown}},
		{name: "ERC20InvalidApprover", input: enc(t, "ERC20InvalidApprover(address)", addr(hexA)),
			want: want{"ERC20InvalidApprover(address)", "ERC20InvalidApprover(approver=" + a + ")", HintUnknown}},
		{name: "ERC20InvalidSpender", input: enc(t, "ERC20InvalidSpender(address)", addr(hexA)),
			want: want{"ERC20InvalidSpender(address)", "ERC20InvalidSpender(spender=" + a + ")", HintUnknown}},
		{name: "ERC721NonexistentToken", input: enc(t, "ERC721NonexistentToken(uint256)", bi(42)),
			want: want{"ERC721NonexistentToken(uint256)", "ERC721NonexistentToken(tokenId=42)", HintNonexistentToken}},
		{name: "ERC721IncorrectOwner", input: enc(t, "ERC721IncorrectOwner(address,uint256,address)", addr(hexA), bi(3), addr(hexB)),
			want: want{"ERC721IncorrectOwner(address,uint256,address)", "ERC721IncorrectOwner(sender=" + a + ", tokenId=3, owner=" + b + ")", HintNotOwner}},
		{name: "ERC721InsufficientApproval", input: enc(t, "ERC721InsufficientApproval(address,uint256)", addr(hexA), bi(3)),
			want: want{"ERC721InsufficientApproval(address,uint256)", "ERC721InsufficientApproval(operator=" + a + ", tokenId=3)", HintAllowance}},
		{name: "ERC721InvalidReceiver", input: enc(t, "ERC721InvalidReceiver(address)", addr(hexB)),
			want: want{"ERC721InvalidReceiver(address)", "ERC721InvalidReceiver(receiver=" + b + ")", HintInvalidReceiver}},
		{name: "ERC721InvalidOwner", input: enc(t, "ERC721InvalidOwner(address)", addr(hexB)),
			want: want{"ERC721InvalidOwner(address)", "ERC721InvalidOwner(owner=" + b + ")", HintNotOwner}},
		{name: "ERC1155InsufficientBalance", input: enc(t, "ERC1155InsufficientBalance(address,uint256,uint256,uint256)", addr(hexA), bi(1), bi(2), bi(9)),
			want: want{"ERC1155InsufficientBalance(address,uint256,uint256,uint256)", "ERC1155InsufficientBalance(sender=" + a + ", balance=1, needed=2, tokenId=9)", HintBalance}},
		{name: "ERC1155MissingApprovalForAll", input: enc(t, "ERC1155MissingApprovalForAll(address,address)", addr(hexA), addr(hexB)),
			want: want{"ERC1155MissingApprovalForAll(address,address)", "ERC1155MissingApprovalForAll(operator=" + a + ", owner=" + b + ")", HintAllowance}},
		{name: "SafeERC20FailedOperation", input: enc(t, "SafeERC20FailedOperation(address)", addr(hexA)),
			want: want{"SafeERC20FailedOperation(address)", "SafeERC20FailedOperation(token=" + a + ")", HintCallFailed}},
		{name: "AddressEmptyCode", input: enc(t, "AddressEmptyCode(address)", addr(hexA)),
			want: want{"AddressEmptyCode(address)", "AddressEmptyCode(target=" + a + ")", HintCallFailed}},
		{name: "FailedInnerCall", input: enc(t, "FailedInnerCall()"),
			want: want{"FailedInnerCall()", "FailedInnerCall()", HintCallFailed}},
		{name: "FailedCall", input: enc(t, "FailedCall()"),
			want: want{"FailedCall()", "FailedCall()", HintCallFailed}},
		{name: "InsufficientBalance", input: enc(t, "InsufficientBalance(uint256,uint256)", bi(1), bi(2)),
			want: want{"InsufficientBalance(uint256,uint256)", "InsufficientBalance(balance=1, needed=2)", HintBalance}},
		{name: "OwnableUnauthorizedAccount", input: enc(t, "OwnableUnauthorizedAccount(address)", addr(hexA)),
			want: want{"OwnableUnauthorizedAccount(address)", "OwnableUnauthorizedAccount(account=" + a + ")", HintUnauthorized}},
		{name: "EnforcedPause", input: enc(t, "EnforcedPause()"),
			want: want{"EnforcedPause()", "EnforcedPause()", HintPaused}},
		{name: "ReentrancyGuardReentrantCall", input: enc(t, "ReentrancyGuardReentrantCall()"),
			want: want{"ReentrancyGuardReentrantCall()", "ReentrancyGuardReentrantCall()", HintReentrancy}},
		{name: "ERC2612ExpiredSignature", input: enc(t, "ERC2612ExpiredSignature(uint256)", bi(1700000000)),
			want: want{"ERC2612ExpiredSignature(uint256)", "ERC2612ExpiredSignature(deadline=1700000000)", HintDeadline}},
		{name: "ERC2612InvalidSigner", input: enc(t, "ERC2612InvalidSigner(address,address)", addr(hexA), addr(hexB)),
			want: want{"ERC2612InvalidSigner(address,address)", "ERC2612InvalidSigner(signer=" + a + ", owner=" + b + ")", HintSignature}},
		{name: "V3TooLittleReceived", input: enc(t, "V3TooLittleReceived()"),
			want: want{"V3TooLittleReceived()", "V3TooLittleReceived()", HintSlippage}},
		{name: "V3TooMuchRequested", input: enc(t, "V3TooMuchRequested()"),
			want: want{"V3TooMuchRequested()", "V3TooMuchRequested()", HintSlippage}},
		{name: "V2TooLittleReceived", input: enc(t, "V2TooLittleReceived()"),
			want: want{"V2TooLittleReceived()", "V2TooLittleReceived()", HintSlippage}},
		{name: "V2TooMuchRequested", input: enc(t, "V2TooMuchRequested()"),
			want: want{"V2TooMuchRequested()", "V2TooMuchRequested()", HintSlippage}},
		{name: "V2InvalidPath", input: enc(t, "V2InvalidPath()"),
			want: want{"V2InvalidPath()", "V2InvalidPath()", HintUnknown}},
		{name: "V3InvalidSwap", input: enc(t, "V3InvalidSwap()"),
			want: want{"V3InvalidSwap()", "V3InvalidSwap()", HintUnknown}},
		{name: "TransactionDeadlinePassed", input: enc(t, "TransactionDeadlinePassed()"),
			want: want{"TransactionDeadlinePassed()", "TransactionDeadlinePassed()", HintDeadline}},
		{name: "InsufficientETH", input: enc(t, "InsufficientETH()"),
			want: want{"InsufficientETH()", "InsufficientETH()", HintInsufficientETH}},
		{name: "InsufficientToken", input: enc(t, "InsufficientToken()"),
			want: want{"InsufficientToken()", "InsufficientToken()", HintBalance}},
		{name: "V4TooLittleReceived", input: enc(t, "V4TooLittleReceived(uint256,uint256)", bi(100), bi(99)),
			want: want{"V4TooLittleReceived(uint256,uint256)", "V4TooLittleReceived(minAmountOutReceived=100, amountReceived=99)", HintSlippage}},
		{name: "V4TooMuchRequested", input: enc(t, "V4TooMuchRequested(uint256,uint256)", bi(100), bi(101)),
			want: want{"V4TooMuchRequested(uint256,uint256)", "V4TooMuchRequested(maxAmountInRequested=100, amountRequested=101)", HintSlippage}},
		{name: "AllowanceExpired", input: enc(t, "AllowanceExpired(uint256)", bi(1)),
			want: want{"AllowanceExpired(uint256)", "AllowanceExpired(deadline=1)", HintAllowance}},
		{name: "InsufficientAllowance", input: enc(t, "InsufficientAllowance(uint256)", bi(8)),
			want: want{"InsufficientAllowance(uint256)", "InsufficientAllowance(amount=8)", HintAllowance}},
		{name: "InvalidNonce", input: enc(t, "InvalidNonce()"),
			want: want{"InvalidNonce()", "InvalidNonce()", HintBadNonce}},
		{name: "SignatureExpired", input: enc(t, "SignatureExpired(uint256)", bi(5)),
			want: want{"SignatureExpired(uint256)", "SignatureExpired(signatureDeadline=5)", HintDeadline}},
		{name: "InvalidSignature", input: enc(t, "InvalidSignature()"),
			want: want{"InvalidSignature()", "InvalidSignature()", HintSignature}},
		{name: "FailedOp", input: enc(t, "FailedOp(uint256,string)", bi(0), "AA21 didn't pay prefund"),
			want: want{"FailedOp(uint256,string)", `FailedOp(opIndex=0, reason="AA21 didn't pay prefund")`, HintInsufficientETH}},
		{name: "FailedOp unknown reason", input: enc(t, "FailedOp(uint256,string)", bi(1), "AA99 \x1b[2Jsomething"),
			want: want{"FailedOp(uint256,string)", `FailedOp(opIndex=1, reason="AA99 something")`, HintCallFailed}},
	}
	d := NewDecoder()
	covered := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Decode(tt.input)
			if got.Name != tt.want.name || got.Reason != tt.want.reason || got.Hint != tt.want.hint {
				t.Errorf("Decode = {Name %q, Reason %q, Hint %q}, want {%q, %q, %q}",
					got.Name, got.Reason, got.Hint, tt.want.name, tt.want.reason, tt.want.hint)
			}
			if got.Selector != "0x"+hexOf(tt.input[:4]) {
				t.Errorf("Selector = %q", got.Selector)
			}
			if got.Plain == "" || got.PlainZH == "" {
				t.Errorf("no plain sentence: %+v", got)
			}
			if got.Raw != "0x"+hexOf(tt.input) {
				t.Errorf("Raw = %q", got.Raw)
			}
			if n := strings.Count(tt.want.name, ",") + 1; strings.HasSuffix(tt.want.name, "()") && len(got.Args) != 0 ||
				!strings.HasSuffix(tt.want.name, "()") && len(got.Args) != n {
				t.Errorf("Args = %q", got.Args)
			}
		})
		covered[tt.want.name] = true
	}
	for _, s := range errorSpecs() {
		switch s.name {
		case nameError, namePanic, nameExecutionFailed:
			continue
		}
		ke, err := buildError(s)
		if err != nil {
			t.Fatal(err)
		}
		if !covered[ke.abi.Sig] {
			t.Errorf("no test row decodes %s", ke.abi.Sig)
		}
	}
}
