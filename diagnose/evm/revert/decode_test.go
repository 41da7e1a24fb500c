package revert

import (
	"math/big"
	"strings"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
)

func TestDecodeErrorString(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // hint
	}{
		{name: "v2 slippage", input: "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT", want: HintSlippage},
		{name: "pancake slippage", input: "PancakeRouter: INSUFFICIENT_OUTPUT_AMOUNT", want: HintSlippage},
		{name: "v2 excessive input", input: "UniswapV2Router: EXCESSIVE_INPUT_AMOUNT", want: HintSlippage},
		{name: "v3 too little", input: "Too little received", want: HintSlippage},
		{name: "v2 expired", input: "UniswapV2Router: EXPIRED", want: HintDeadline},
		{name: "pancake expired", input: "PancakeRouter: EXPIRED", want: HintDeadline},
		{name: "v3 too old", input: "Transaction too old", want: HintDeadline},
		{name: "transfer from failed", input: "TransferHelper: TRANSFER_FROM_FAILED", want: HintAllowance},
		{name: "STF", input: "STF", want: HintAllowance},
		{name: "STF lower case", input: "stf", want: HintAllowance},
		{name: "STF after prefix", input: "TransferHelper: STF", want: HintAllowance},
		{name: "STF inside a word is not STF", input: "FIRSTFLOOR", want: HintUnknown},
		{name: "exceeds balance", input: "ERC20: transfer amount exceeds balance", want: HintBalance},
		{name: "BEP20 exceeds balance", input: "BEP20: transfer amount exceeds balance", want: HintBalance},
		{name: "insufficient allowance", input: "ERC20: insufficient allowance", want: HintAllowance},
		{name: "exceeds allowance", input: "ERC20: transfer amount exceeds allowance", want: HintAllowance},
		{name: "paused", input: "Pausable: paused", want: HintPaused},
		{name: "not paused", input: "Pausable: not paused", want: HintUnknown},
		{name: "ownable", input: "Ownable: caller is not the owner", want: HintUnauthorized},
		{name: "reentrancy", input: "ReentrancyGuard: reentrant call", want: HintReentrancy},
		{name: "v2 locked", input: "UniswapV2: LOCKED", want: HintReentrancy},
		{name: "v2 K", input: "UniswapV2: K", want: HintCallFailed},
		{name: "nft id", input: "ERC721: invalid token ID", want: HintNonexistentToken},
		{name: "nft owner", input: "ERC721: caller is not token owner or approved", want: HintNotOwner},
		{name: "nft receiver", input: "ERC721: transfer to non ERC721Receiver implementer", want: HintInvalidReceiver},
		{name: "zero address", input: "ERC20: transfer to the zero address", want: HintInvalidReceiver},
		{name: "safemath", input: "SafeMath: subtraction overflow", want: HintArithmetic},
		{name: "ecdsa", input: "ECDSA: invalid signature", want: HintSignature},
		{name: "permit expired", input: "ERC20Permit: expired deadline", want: HintDeadline},
		{name: "nonce", input: "invalid nonce", want: HintBadNonce},
		{name: "eth", input: "Insufficient ETH", want: HintInsufficientETH},
		{name: "transfer failed", input: "TransferHelper: TRANSFER_FAILED", want: HintCallFailed},
		{name: "unknown text", input: "Gauge: not whitelisted", want: HintUnknown},
	}
	d := NewDecoder()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Decode(enc(t, "Error(string)", tt.input))
			if got.Hint != tt.want {
				t.Errorf("hint = %q, want %q", got.Hint, tt.want)
			}
			if got.Name != "Error(string)" || got.Selector != "0x08c379a0" || got.Reason != tt.input {
				t.Errorf("Decode = %+v", got)
			}
			en, zh := HintText(tt.want)
			if tt.want == HintUnknown {
				en = "The contract refused the transaction with the message: “" + tt.input + "”."
				zh = "合约拒绝了这笔交易，给出的信息是：“" + tt.input + "”。"
			}
			if got.Plain != en || got.PlainZH != zh {
				t.Errorf("Plain = %q / %q, want %q / %q", got.Plain, got.PlainZH, en, zh)
			}
		})
	}
}

func TestDecodeHostileString(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{name: "ansi colour", input: "\x1b[31mboom\x1b[0m", want: "boom"},
		{name: "osc title", input: "a\x1b]0;pwned\x07b", want: "ab"},
		{name: "newlines", input: "line1\nline2\r\n", want: "line1 line2"},
		{name: "bidi", input: "evil\u202egnp.exe", want: "evilgnp.exe"},
		{name: "invalid utf8", input: "ok\xff", want: "ok\uFFFD"},
		{name: "empty", input: "", want: "reverted with an empty message"},
	}
	d := NewDecoder()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Decode(enc(t, "Error(string)", tt.input))
			if got.Reason != tt.want {
				t.Errorf("Reason = %q, want %q", got.Reason, tt.want)
			}
			if strings.ContainsAny(got.Plain, "\x1b\x07\n\u202e") {
				t.Errorf("Plain carries control text: %q", got.Plain)
			}
		})
	}
	long := d.Decode(enc(t, "Error(string)", strings.Repeat("x", 5000)))
	if n := len([]rune(long.Reason)); n != len([]rune(diagnose.Sanitize(strings.Repeat("x", 5000)))) || !strings.HasSuffix(long.Reason, "…") {
		t.Errorf("long reason: %d runes, %q…", n, long.Reason[:20])
	}
}

func TestDecodePanic(t *testing.T) {
	huge, _ := new(big.Int).SetString("1"+strings.Repeat("0", 30), 16)
	tests := []struct {
		name     string
		input    *big.Int
		wantHint string
		wantArg  string
	}{
		{name: "generic", input: bi(0x00), wantHint: HintAssert, wantArg: "code=0x0"},
		{name: "assert", input: bi(0x01), wantHint: HintAssert, wantArg: "code=0x1"},
		{name: "overflow", input: bi(0x11), wantHint: HintArithmetic, wantArg: "code=0x11"},
		{name: "division", input: bi(0x12), wantHint: HintArithmetic, wantArg: "code=0x12"},
		{name: "enum", input: bi(0x21), wantHint: HintAssert, wantArg: "code=0x21"},
		{name: "storage", input: bi(0x22), wantHint: HintAssert, wantArg: "code=0x22"},
		{name: "pop", input: bi(0x31), wantHint: HintAssert, wantArg: "code=0x31"},
		{name: "index", input: bi(0x32), wantHint: HintAssert, wantArg: "code=0x32"},
		{name: "memory", input: bi(0x41), wantHint: HintAssert, wantArg: "code=0x41"},
		{name: "zero function", input: bi(0x51), wantHint: HintAssert, wantArg: "code=0x51"},
		{name: "unknown code", input: bi(0x99), wantHint: HintAssert, wantArg: "code=0x99"},
		{name: "beyond uint64", input: huge, wantHint: HintAssert, wantArg: "code=0x1" + strings.Repeat("0", 30)},
	}
	d := NewDecoder()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Decode(enc(t, "Panic(uint256)", tt.input))
			want := "an unknown panic (code 0x" + tt.input.Text(16) + ")"
			if tt.input.IsUint64() {
				want, _ = PanicMeaning(tt.input.Uint64())
			}
			if got.Name != "Panic(uint256)" || got.Selector != "0x4e487b71" || got.Reason != want || got.Hint != tt.wantHint {
				t.Errorf("Decode = %+v, want reason %q hint %q", got, want, tt.wantHint)
			}
			if len(got.Args) != 1 || got.Args[0] != tt.wantArg {
				t.Errorf("Args = %q, want [%s]", got.Args, tt.wantArg)
			}
		})
	}
}

func TestDecodeExecutionFailed(t *testing.T) {
	ef := func(i int64, inner []byte) []byte { return enc(t, "ExecutionFailed(uint256,bytes)", bi(i), inner) }
	tests := []struct {
		name       string
		input      []byte
		wantReason string
		wantHint   string
		wantInner  string // Inner.Name
	}{
		{name: "v3 slippage", input: ef(0, enc(t, "V3TooLittleReceived()")),
			wantReason: "command 0 failed: V3TooLittleReceived()", wantHint: HintSlippage, wantInner: "V3TooLittleReceived()"},
		{name: "string inside", input: ef(2, enc(t, "Error(string)", "STF")),
			wantReason: "command 2 failed: STF", wantHint: HintAllowance, wantInner: "Error(string)"},
		{name: "token error inside", input: ef(1, enc(t, "ERC20InsufficientBalance(address,uint256,uint256)", addr(hexA), bi(5), bi(10))),
			wantReason: "command 1 failed: ERC20InsufficientBalance(sender=" + addr(hexA).Hex() + ", balance=5, needed=10)", wantHint: HintBalance, wantInner: "ERC20InsufficientBalance(address,uint256,uint256)"},
		{name: "empty inside", input: ef(3, nil),
			wantReason: "command 3 failed: no revert data", wantHint: HintEmpty, wantInner: ""},
		{name: "nested", input: ef(4, ef(1, enc(t, "TransactionDeadlinePassed()"))),
			wantReason: "command 4 failed: command 1 failed: TransactionDeadlinePassed()", wantHint: HintDeadline, wantInner: "ExecutionFailed(uint256,bytes)"},
	}
	d := NewDecoder()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Decode(tt.input)
			if got.Name != "ExecutionFailed(uint256,bytes)" || got.Selector != "0x2c4029e9" {
				t.Errorf("Name/Selector = %q %q", got.Name, got.Selector)
			}
			if got.Reason != tt.wantReason || got.Hint != tt.wantHint {
				t.Errorf("Reason/Hint = %q %q, want %q %q", got.Reason, got.Hint, tt.wantReason, tt.wantHint)
			}
			if got.Inner == nil || got.Inner.Name != tt.wantInner {
				t.Fatalf("Inner = %+v, want name %q", got.Inner, tt.wantInner)
			}
			if !strings.HasPrefix(got.Plain, "Command ") || !strings.HasSuffix(got.Plain, got.Inner.Plain) {
				t.Errorf("Plain = %q, inner %q", got.Plain, got.Inner.Plain)
			}
			if !strings.HasSuffix(got.PlainZH, got.Inner.PlainZH) {
				t.Errorf("PlainZH = %q, inner %q", got.PlainZH, got.Inner.PlainZH)
			}
		})
	}

	t.Run("depth limited", func(t *testing.T) {
		data := enc(t, "V3TooLittleReceived()")
		for i := range 20 {
			data = ef(int64(i), data)
		}
		got := d.Decode(data)
		depth := 0
		for in := got.Inner; in != nil; in = in.Inner {
			depth++
		}
		if depth == 0 || depth >= maxDepth {
			t.Errorf("unwrapped %d levels, want 1..%d", depth, maxDepth-1)
		}
		if !strings.Contains(got.Reason, "too deep") || got.Hint != HintUnknown {
			t.Errorf("Reason/Hint = %q %q", got.Reason, got.Hint)
		}
	})
}
