package revert

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
)

func TestMethod(t *testing.T) {
	call := func(selHex string, extra int) []byte {
		b, err := hex.DecodeString(selHex)
		if err != nil {
			t.Fatal(err)
		}
		return append(b, make([]byte, extra)...)
	}
	tests := []struct {
		name   string
		input  []byte
		want   string
		wantOK bool
	}{
		// Selectors as published by Etherscan / 4byte.directory.
		{name: "transfer", input: call("a9059cbb", 64), want: "transfer(address,uint256)", wantOK: true},
		{name: "transferFrom", input: call("23b872dd", 96), want: "transferFrom(address,address,uint256)", wantOK: true},
		{name: "approve", input: call("095ea7b3", 64), want: "approve(address,uint256)", wantOK: true},
		{name: "setApprovalForAll", input: call("a22cb465", 64), want: "setApprovalForAll(address,bool)", wantOK: true},
		{name: "increaseAllowance", input: call("39509351", 64), want: "increaseAllowance(address,uint256)", wantOK: true},
		{name: "safeTransferFrom 3", input: call("42842e0e", 96), want: "safeTransferFrom(address,address,uint256)", wantOK: true},
		{name: "safeTransferFrom 4", input: call("b88d4fde", 160), want: "safeTransferFrom(address,address,uint256,bytes)", wantOK: true},
		{name: "permit", input: call("d505accf", 224), want: "permit(address,address,uint256,uint256,uint8,bytes32,bytes32)", wantOK: true},
		{name: "universal router with deadline", input: call("3593564c", 0), want: "execute(bytes,bytes[],uint256)", wantOK: true},
		{name: "universal router", input: call("24856bc3", 0), want: "execute(bytes,bytes[])", wantOK: true},
		{name: "multicall", input: call("ac9650d8", 0), want: "multicall(bytes[])", wantOK: true},
		{name: "multicall deadline", input: call("5ae401dc", 0), want: "multicall(uint256,bytes[])", wantOK: true},
		{name: "weth deposit", input: call("d0e30db0", 0), want: "deposit()", wantOK: true},
		{name: "weth withdraw", input: call("2e1a7d4d", 32), want: "withdraw(uint256)", wantOK: true},
		{name: "swapExactTokensForTokens", input: call("38ed1739", 0), want: "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)", wantOK: true},
		{name: "swapExactETHForTokens", input: call("7ff36ab5", 0), want: "swapExactETHForTokens(uint256,address[],address,uint256)", wantOK: true},
		{name: "swapExactTokensForETH", input: call("18cbafe5", 0), want: "swapExactTokensForETH(uint256,uint256,address[],address,uint256)", wantOK: true},
		{name: "empty calldata", input: nil, want: "", wantOK: false},
		{name: "short calldata", input: []byte{0xa9, 0x05, 0x9c}, want: "", wantOK: false},
		{name: "unknown selector", input: call("deadbeef", 4), want: "0xdeadbeef", wantOK: false},
	}
	d := NewDecoder()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := d.Method(tt.input)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Method = %q, %v; want %q, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestMethodTableIsCanonical(t *testing.T) {
	d := NewDecoder()
	sigs := methodSigs()
	if len(d.methods) != len(sigs) {
		t.Fatalf("decoder holds %d methods, table has %d", len(d.methods), len(sigs))
	}
	for _, sig := range sigs {
		t.Run(sig, func(t *testing.T) {
			if strings.ContainsAny(sig, " \t") || strings.Contains(sig, "uint,") || strings.Contains(sig, "uint)") {
				t.Errorf("%q is not canonical", sig)
			}
			if _, err := abi.ParseSelector(sig); err != nil {
				t.Errorf("%q does not parse: %v", sig, err)
			}
			sel := selectorOf(sig)
			if got, ok := d.Method(sel[:]); !ok || got != sig {
				t.Errorf("Method(selector of %q) = %q, %v", sig, got, ok)
			}
		})
	}
}
