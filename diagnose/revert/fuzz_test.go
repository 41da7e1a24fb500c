package revert

import (
	"encoding/hex"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzDecode(f *testing.F) {
	f.Add(enc(f, "Error(string)", "Too little received"))
	f.Add(enc(f, "Panic(uint256)", bi(0x11)))
	f.Add(enc(f, "ERC20InsufficientBalance(address,uint256,uint256)", addr(hexA), bi(5), bi(10)))
	f.Add(enc(f, "ExecutionFailed(uint256,bytes)", bi(0), enc(f, "V3TooLittleReceived()")))
	f.Add(enc(f, "FailedOp(uint256,string)", bi(0), "AA21 didn't pay prefund"))
	f.Add([]byte{})
	f.Add([]byte{0x08, 0xc3})
	d := NewDecoder()
	hints := Hints()
	f.Fuzz(func(t *testing.T, data []byte) {
		got := d.Decode(data)
		checkDecoded(t, got, data, hints, 0)
	})
}

func checkDecoded(t *testing.T, got Decoded, data []byte, hints []string, depth int) {
	t.Helper()
	if depth >= maxDepth {
		t.Fatalf("unwrapped %d levels", depth)
	}
	raw, ok := strings.CutPrefix(strings.TrimSuffix(got.Raw, "…"), "0x")
	if !ok {
		t.Fatalf("Raw %q lacks 0x", got.Raw)
	}
	b, err := hex.DecodeString(raw)
	if err != nil {
		t.Fatalf("Raw %q is not hex: %v", got.Raw, err)
	}
	if data != nil && (len(b) > len(data) || string(b) != string(data[:len(b)])) {
		t.Fatalf("Raw %q is not the payload", got.Raw)
	}
	for _, s := range append([]string{got.Reason, got.Plain, got.PlainZH, got.Name, got.Selector}, got.Args...) {
		if why := checkSanitized(s); why != "" {
			t.Fatalf("%s in %q", why, s)
		}
	}
	if Sanitize(got.Reason) != got.Reason {
		t.Fatalf("Reason %q is not sanitized", got.Reason)
	}
	if !slices.Contains(hints, got.Hint) {
		t.Fatalf("hint %q is not a known key", got.Hint)
	}
	if got.Plain == "" || got.PlainZH == "" {
		t.Fatal("no plain sentence")
	}
	if got.Inner != nil {
		checkDecoded(t, *got.Inner, nil, hints, depth+1)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[31mred\x1b[0m", "\x1b]0;t\x07", "a\u202eb", "\xff\xfe", "\u009b1m", strings.Repeat("x", 600)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Sanitize(s)
		if why := checkSanitized(got); why != "" {
			t.Fatalf("Sanitize(%q) = %q: %s", s, got, why)
		}
		if strings.ContainsAny(got, "\x1b\x07") {
			t.Fatalf("Sanitize(%q) = %q keeps ESC or BEL", s, got)
		}
		if n := utf8.RuneCountInString(got); n > maxSanitizedRunes+1 {
			t.Fatalf("Sanitize output has %d runes", n)
		}
		if again := Sanitize(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
	})
}

func FuzzFromMessage(f *testing.F) {
	for _, s := range []string{
		"execution reverted: STF",
		"execution reverted: revert: Too little received",
		"execution reverted: custom error 0x39d35496",
		"execution reverted: custom error 0xe450d38c: 00000000000000000000000011111111…000000000000000000000000000000000000000a (96 bytes)",
		"VM Exception while processing transaction: reverted with reason string 'x'",
		`{"error":{"message":"execution reverted: x","data":"0x08c379a0"}}`,
		"Reverted 0x4e487b710000000000000000000000000000000000000000000000000000000000000011",
	} {
		f.Add(s)
	}
	d := NewDecoder()
	hints := Hints()
	f.Fuzz(func(t *testing.T, msg string) {
		reason, data := FromMessage(msg)
		if Sanitize(reason) != reason {
			t.Fatalf("reason %q is not sanitized", reason)
		}
		if data != nil && len(data) < 4 {
			t.Fatalf("data %x is shorter than a selector", data)
		}
		checkDecoded(t, d.Decode(data), data, hints, 0)
		if b, ok := FromError(dataErr{msg, msg}); ok {
			checkDecoded(t, d.Decode(b), b, hints, 0)
		} else if b != nil {
			t.Fatalf("FromError gave %x with ok false", b)
		}
	})
}
