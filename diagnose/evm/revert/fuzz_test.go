package revert

import (
	"encoding/hex"
	"slices"
	"strings"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
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
		if diagnose.Sanitize(s) != s {
			t.Fatalf("%q is not terminal-safe", s)
		}
	}
	if diagnose.Sanitize(got.Reason) != got.Reason {
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
		if diagnose.Sanitize(reason) != reason {
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
