package revert

import (
	"encoding/hex"
	"slices"
	"strings"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
)

func TestKnownSelectors(t *testing.T) {
	d := NewDecoder()
	tests := []struct {
		name  string
		input string // canonical signature
		want  string // selector published in FACTS.md / the Solidity docs
	}{
		{name: "ERC20InsufficientBalance", input: "ERC20InsufficientBalance(address,uint256,uint256)", want: "e450d38c"},
		{name: "V3TooLittleReceived", input: "V3TooLittleReceived()", want: "39d35496"},
		{name: "ExecutionFailed", input: "ExecutionFailed(uint256,bytes)", want: "2c4029e9"},
		{name: "Error", input: "Error(string)", want: "08c379a0"},
		{name: "Panic", input: "Panic(uint256)", want: "4e487b71"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var found bool
			for sel, ke := range d.errors {
				if ke.abi.Sig != tt.input {
					continue
				}
				found = true
				if got := hex.EncodeToString(sel[:]); got != tt.want {
					t.Errorf("selector of %s = %s, want %s", tt.input, got, tt.want)
				}
				if got := hex.EncodeToString(ke.abi.ID[:4]); got != tt.want {
					t.Errorf("abi ID of %s = %s, want %s", tt.input, got, tt.want)
				}
			}
			if !found {
				t.Fatalf("%s is not in the table", tt.input)
			}
		})
	}
}

func TestTableIsSound(t *testing.T) {
	d := NewDecoder()
	specs := errorSpecs()
	if len(d.errors) != len(specs) {
		t.Fatalf("decoder holds %d errors, table has %d rows", len(d.errors), len(specs))
	}
	hints := Hints()
	for _, s := range specs {
		if s.name == nameError || s.name == namePanic || s.name == nameExecutionFailed {
			continue
		}
		if !slices.Contains(hints, s.hint) {
			t.Errorf("%s: hint %q is not a known hint key", s.name, s.hint)
		}
		if (s.en == "") != (s.zh == "") {
			t.Errorf("%s: own sentence given in one language only", s.name)
		}
		if s.hint == HintUnknown && s.en == "" {
			t.Errorf("%s: hint unknown needs its own sentence", s.name)
		}
	}
	for _, r := range stringRules() {
		if !slices.Contains(hints, r.hint) {
			t.Errorf("rule %q: hint %q is not a known hint key", r.pattern, r.hint)
		}
		if r.pattern != strings.ToLower(r.pattern) {
			t.Errorf("rule %q is not lower case", r.pattern)
		}
	}
}

func TestBuildErrorRejectsBadRows(t *testing.T) {
	tests := []struct {
		name  string
		input errorSpec
	}{
		{name: "missing parameter name", input: errorSpec{name: "X", params: "uint256"}},
		{name: "unknown type", input: errorSpec{name: "X", params: "notatype a"}},
		{name: "three words", input: errorSpec{name: "X", params: "uint256 a b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := buildError(tt.input); err == nil {
				t.Fatal("buildError accepted a broken row")
			}
		})
	}
}

func TestHintTexts(t *testing.T) {
	seen := map[string]bool{}
	for _, h := range Hints() {
		t.Run(h, func(t *testing.T) {
			if seen[h] {
				t.Fatalf("hint %q listed twice", h)
			}
			seen[h] = true
			en, zh := HintText(h)
			if en == "" || zh == "" {
				t.Fatalf("hint %q lacks a sentence", h)
			}
			if h != HintUnknown {
				if unk, _ := HintText(HintUnknown); en == unk {
					t.Errorf("hint %q falls back to the unknown text", h)
				}
			}
			if !strings.ContainsFunc(zh, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
				t.Errorf("hint %q: zh text has no Chinese: %q", h, zh)
			}
			if diagnose.Sanitize(en) != en || diagnose.Sanitize(zh) != zh {
				t.Errorf("hint %q: text would change under Sanitize", h)
			}
		})
	}
}

func TestPanicMeaning(t *testing.T) {
	tests := []struct {
		name  string
		input uint64
		want  string // a word the English text must contain
	}{
		{name: "generic", input: 0x00, want: "generic"},
		{name: "assert", input: 0x01, want: "assert"},
		{name: "arithmetic", input: 0x11, want: "overflow"},
		{name: "division", input: 0x12, want: "division"},
		{name: "enum", input: 0x21, want: "enum"},
		{name: "storage", input: 0x22, want: "storage"},
		{name: "pop", input: 0x31, want: "pop()"},
		{name: "index", input: 0x32, want: "out of bounds"},
		{name: "memory", input: 0x41, want: "memory"},
		{name: "function", input: 0x51, want: "function"},
		{name: "unknown", input: 0x99, want: "0x99"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			en, zh := PanicMeaning(tt.input)
			if !strings.Contains(en, tt.want) {
				t.Errorf("PanicMeaning(%#x) = %q, want it to mention %q", tt.input, en, tt.want)
			}
			if zh == "" || zh == en {
				t.Errorf("PanicMeaning(%#x) zh = %q", tt.input, zh)
			}
		})
	}
}
