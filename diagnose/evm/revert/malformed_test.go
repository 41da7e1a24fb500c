package revert

import (
	"bytes"
	"strings"
	"testing"
)

func TestDecodeMalformed(t *testing.T) {
	errSel := enc(t, "Error(string)", "x")[:4]
	word := func(n byte) []byte { w := make([]byte, 32); w[31] = n; return w }
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	maxWord := bytes.Repeat([]byte{0xff}, 32)
	tests := []struct {
		name       string
		input      []byte
		wantSel    string
		wantName   string
		wantHint   string
		wantReason string // substring
	}{
		{name: "empty", input: nil, wantHint: HintEmpty, wantReason: "no revert data"},
		{name: "one byte", input: []byte{0x08}, wantHint: HintUnknown, wantReason: "malformed"},
		{name: "three bytes", input: []byte{0x08, 0xc3, 0x79}, wantHint: HintUnknown, wantReason: "malformed"},
		{name: "unknown selector", input: []byte{0x12, 0x34, 0x56, 0x78}, wantSel: "0x12345678", wantHint: HintUnknown, wantReason: "unknown error 0x12345678"},
		{name: "unknown selector with args", input: cat([]byte{0xde, 0xad, 0xbe, 0xef}, word(1)), wantSel: "0xdeadbeef", wantHint: HintUnknown, wantReason: "unknown error 0xdeadbeef"},
		{name: "Error selector only", input: errSel, wantSel: "0x08c379a0", wantName: "Error(string)", wantHint: HintUnknown, wantReason: "malformed"},
		{name: "Error bad offset", input: cat(errSel, word(0xe0), word(1), word('a')), wantSel: "0x08c379a0", wantName: "Error(string)", wantHint: HintUnknown, wantReason: "malformed"},
		{name: "Error huge offset", input: cat(errSel, maxWord, word(1)), wantSel: "0x08c379a0", wantName: "Error(string)", wantHint: HintUnknown, wantReason: "malformed"},
		{name: "Error length past end", input: cat(errSel, word(0x20), word(0x80), word('a')), wantSel: "0x08c379a0", wantName: "Error(string)", wantHint: HintUnknown, wantReason: "malformed"},
		{name: "Error huge length", input: cat(errSel, word(0x20), maxWord, word('a')), wantSel: "0x08c379a0", wantName: "Error(string)", wantHint: HintUnknown, wantReason: "malformed"},
		{name: "Panic no code", input: enc(t, "Panic(uint256)", bi(1))[:4], wantSel: "0x4e487b71", wantName: "Panic(uint256)", wantHint: HintUnknown, wantReason: "malformed"},
		{name: "Panic short code", input: enc(t, "Panic(uint256)", bi(0x11))[:20], wantSel: "0x4e487b71", wantName: "Panic(uint256)", wantHint: HintUnknown, wantReason: "malformed"},
		{name: "ExecutionFailed bad bytes", input: cat(enc(t, "ExecutionFailed(uint256,bytes)", bi(0), []byte{1})[:36], maxWord), wantSel: "0x2c4029e9", wantName: "ExecutionFailed(uint256,bytes)", wantHint: HintUnknown, wantReason: "malformed"},
		{name: "token error truncated keeps its hint", input: enc(t, "ERC20InsufficientBalance(address,uint256,uint256)", addr(hexA), bi(5), bi(10))[:40],
			wantSel: "0xe450d38c", wantName: "ERC20InsufficientBalance(address,uint256,uint256)", wantHint: HintBalance, wantReason: "malformed"},
	}
	d := NewDecoder()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Decode(tt.input)
			if got.Selector != tt.wantSel || got.Name != tt.wantName || got.Hint != tt.wantHint || !strings.Contains(got.Reason, tt.wantReason) {
				t.Errorf("Decode = %+v\nwant selector %q name %q hint %q reason ~%q", got, tt.wantSel, tt.wantName, tt.wantHint, tt.wantReason)
			}
			if got.Raw != "0x"+hexOf(tt.input) {
				t.Errorf("Raw = %q, want the input", got.Raw)
			}
			if got.Plain == "" || got.PlainZH == "" {
				t.Errorf("no plain sentence")
			}
		})
	}
}

func TestDecodeRawIsCapped(t *testing.T) {
	data := enc(t, "Error(string)", strings.Repeat("y", 3000))
	got := NewDecoder().Decode(data)
	if want := "0x" + hexOf(data[:maxRawBytes]) + "…"; got.Raw != want {
		t.Errorf("Raw has %d chars, want %d", len(got.Raw), len(want))
	}
}
