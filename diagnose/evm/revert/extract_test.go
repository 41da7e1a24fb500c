package revert

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
)

// dataErr is an error carrying JSON-RPC error data, as go-ethereum's rpc
// client returns them.
type dataErr struct {
	msg  string
	data any
}

func (e dataErr) Error() string  { return e.msg }
func (e dataErr) ErrorData() any { return e.data }

func TestFromError(t *testing.T) {
	payload := enc(t, "Error(string)", "STF")
	hexed := "0x" + hexOf(payload)
	tests := []struct {
		name   string
		input  error
		want   []byte
		wantOK bool
	}{
		{name: "nil", input: nil, want: nil, wantOK: false},
		{name: "plain error", input: errors.New("execution reverted"), want: nil, wantOK: false},
		{name: "0x hex", input: dataErr{"execution reverted: STF", hexed}, want: payload, wantOK: true},
		{name: "upper 0X", input: dataErr{"", "0X" + hexOf(payload)}, want: payload, wantOK: true},
		{name: "missing 0x", input: dataErr{"", hexOf(payload)}, want: payload, wantOK: true},
		{name: "spaces and quotes", input: dataErr{"", ` "` + hexed + `" `}, want: payload, wantOK: true},
		{name: "wrapped", input: fmt.Errorf("estimate gas: %w", dataErr{"", hexed}), want: payload, wantOK: true},
		{name: "empty 0x", input: dataErr{"", "0x"}, want: []byte{}, wantOK: true},
		{name: "empty string", input: dataErr{"", ""}, want: nil, wantOK: false},
		{name: "nil data", input: dataErr{"", nil}, want: nil, wantOK: false},
		{name: "junk", input: dataErr{"", "not hex at all"}, want: nil, wantOK: false},
		{name: "odd length", input: dataErr{"", "0x123"}, want: nil, wantOK: false},
		{name: "bad digit", input: dataErr{"", "0x08c379zz"}, want: nil, wantOK: false},
		{name: "nethermind text", input: dataErr{"", "Reverted " + hexed}, want: payload, wantOK: true},
		{name: "object with data", input: dataErr{"", map[string]any{"message": "x", "data": hexed}}, want: payload, wantOK: true},
		{name: "nested object", input: dataErr{"", map[string]any{"data": map[string]any{"data": hexed}}}, want: payload, wantOK: true},
		{name: "raw json string", input: dataErr{"", json.RawMessage(`"` + hexed + `"`)}, want: payload, wantOK: true},
		{name: "number", input: dataErr{"", 3.0}, want: nil, wantOK: false},
		{name: "object without data", input: dataErr{"", map[string]any{"code": 3.0}}, want: nil, wantOK: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := FromError(tt.input)
			if ok != tt.wantOK || !bytes.Equal(got, tt.want) || (tt.want != nil && got == nil) {
				t.Errorf("FromError = %x, %v; want %x, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}

	t.Run("self-nesting object", func(t *testing.T) {
		m := map[string]any{}
		m["data"] = m
		if got, ok := FromError(dataErr{"", m}); ok || got != nil {
			t.Errorf("FromError = %x, %v", got, ok)
		}
	})
}

func TestFromMessage(t *testing.T) {
	full := enc(t, "ERC20InsufficientBalance(address,uint256,uint256)", addr(hexA), bi(5), bi(10))
	small := enc(t, "V4TooLittleReceived(uint256,uint256)", bi(100), bi(99))
	strData := enc(t, "Error(string)", "Too little received")
	tests := []struct {
		name       string
		input      string
		wantReason string
		wantData   []byte
	}{
		{name: "geth string", input: "execution reverted: UniswapV2Router: EXPIRED", wantReason: "UniswapV2Router: EXPIRED"},
		{name: "geth panic", input: "execution reverted: arithmetic underflow or overflow", wantReason: "arithmetic underflow or overflow"},
		{name: "geth bare", input: "execution reverted", wantReason: ""},
		{name: "wrapped by client", input: "failed to estimate gas: execution reverted: STF", wantReason: "STF"},
		{name: "upper case", input: "Execution Reverted: STF", wantReason: "STF"},
		{name: "anvil revert", input: "execution reverted: revert: Too little received", wantReason: "Too little received"},
		{name: "anvil custom error full", input: "execution reverted: custom error 0x" + hexOf(small[:4]) + ": " + hexOf(small[4:]),
			wantReason: "custom error 0x" + hexOf(small[:4]) + ": " + hexOf(small[4:]), wantData: small},
		{name: "anvil custom error trimmed", input: "execution reverted: custom error 0xe450d38c: 00000000000000000000000011111111…000000000000000000000000000000000000000a (96 bytes)",
			wantReason: "custom error 0xe450d38c: 00000000000000000000000011111111…000000000000000000000000000000000000000a (96 bytes)", wantData: full[:4]},
		{name: "anvil custom error no args", input: "execution reverted: custom error 0x39d35496", wantReason: "custom error 0x39d35496", wantData: []byte{0x39, 0xd3, 0x54, 0x96}},
		{name: "anvil custom error text args", input: "execution reverted: custom error 0x12345678: hello", wantReason: "custom error 0x12345678: hello", wantData: []byte{0x12, 0x34, 0x56, 0x78}},
		{name: "hardhat reason", input: "Error: VM Exception while processing transaction: reverted with reason string 'Pausable: paused'", wantReason: "Pausable: paused"},
		{name: "hardhat quote inside", input: "reverted with reason string 'can't do that'", wantReason: "can't do that"},
		{name: "hardhat custom", input: "VM Exception while processing transaction: reverted with custom error 'EnforcedPause()'", wantReason: "EnforcedPause()"},
		{name: "hardhat panic", input: "VM Exception while processing transaction: reverted with panic code 0x11 (Arithmetic operation overflowed)", wantReason: "panic code 0x11 (Arithmetic operation overflowed)"},
		{name: "hardhat no reason", input: "VM Exception while processing transaction: reverted without a reason string", wantReason: ""},
		{name: "ganache", input: "VM Exception while processing transaction: revert Ownable: caller is not the owner", wantReason: "Ownable: caller is not the owner"},
		{name: "json body", input: `{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"execution reverted: Too little received","data":"0x` + hexOf(strData) + `"}}`,
			wantReason: "Too little received", wantData: strData},
		{name: "raw hex in text", input: "call failed, revert data 0x" + hexOf(full) + " from node", wantReason: "", wantData: full},
		{name: "hash is not data", input: "nonce too low: tx 0x" + hexOf(bytes.Repeat([]byte{0xab}, 32)), wantReason: "", wantData: nil},
		{name: "address is not data", input: "insufficient funds for 0x" + hexOf(bytes.Repeat([]byte{0xab}, 20)), wantReason: "", wantData: nil},
		{name: "escape in reason", input: "execution reverted: \x1b]0;pwn\x07bad\x1b[31m thing\n", wantReason: "bad thing"},
		{name: "quoted reason", input: `execution reverted: "STF"`, wantReason: "STF"},
		{name: "unrelated", input: "nonce too low", wantReason: ""},
		{name: "empty", input: "", wantReason: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reason, data := FromMessage(tt.input)
			if reason != tt.wantReason || !bytes.Equal(data, tt.wantData) {
				t.Errorf("FromMessage = %q, %x; want %q, %x", reason, data, tt.wantReason, tt.wantData)
			}
		})
	}
}
