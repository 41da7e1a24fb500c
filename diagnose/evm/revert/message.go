package revert

import (
	"bytes"
	"encoding/hex"
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// FromMessage recovers what it can from a node's error text: the revert
// reason the node spelled out, and revert data embedded in the text. It
// understands geth ("execution reverted: <reason>"), anvil ("execution
// reverted: revert: <reason>", "… custom error 0x<selector>: <hex>"),
// Hardhat ("reverted with reason string '<reason>'", "… custom error …",
// "… panic code …") and Ganache ("VM Exception …: revert <reason>"), also
// when wrapped in other text or JSON. Embedded data is taken from anvil's
// custom error form, or else from the longest 0x-hex token shaped like ABI
// error data (a selector plus whole 32-byte words). The reason is sanitized;
// either result may be empty.
func FromMessage(msg string) (reason string, data []byte) {
	data = bestHexToken(msg, true)
	// anvil's custom error line names the revert; a longer token holding the
	// same selector (a JSON "data" field next to it) is the fuller copy.
	if ce := customErrorData(msg); ce != nil && !(bytes.HasPrefix(data, ce[:4]) && len(data) > len(ce)) {
		data = ce
	}
	return diagnose.Sanitize(reasonFrom(msg)), data
}

// asciiLower lower-cases ASCII letters only, so byte offsets stay valid.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// reasonFrom finds the reason text after the first marker a node uses.
func reasonFrom(msg string) string {
	lower := asciiLower(msg)
	markers := []struct {
		text   string
		prefix string
	}{
		{text: "reverted with reason string "},
		{text: "reverted with custom error "},
		{text: "reverted with panic code ", prefix: "panic code "},
		{text: "execution reverted"},
		{text: "vm exception while processing transaction: revert "},
		{text: "revert: "},
	}
	for _, m := range markers {
		at := strings.Index(lower, m.text)
		if at < 0 {
			continue
		}
		rest := msg[at+len(m.text):]
		if at > 0 && msg[at-1] == '"' {
			rest = cutJSONString(rest)
		}
		rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":"))
		if strings.HasPrefix(asciiLower(rest), "revert: ") { // anvil
			rest = rest[len("revert: "):]
		}
		rest = unquote(strings.TrimSpace(rest))
		if rest == "" {
			return ""
		}
		return m.prefix + rest
	}
	return ""
}

// cutJSONString ends s at the first unescaped double quote.
func cutJSONString(s string) string {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return s[:i]
		}
	}
	return s
}

// unquote removes a quote pair around s ('…' or "…"), tolerating text
// after the closing quote.
func unquote(s string) string {
	if s == "" || (s[0] != '\'' && s[0] != '"') {
		return s
	}
	if end := strings.LastIndexByte(s[1:], s[0]); end >= 0 {
		return s[1 : 1+end]
	}
	return s[1:]
}

// customErrorData reads anvil's "custom error 0x<8 hex>: <hex>": the
// selector, plus the arguments when they are printed in full (whole 32-byte
// words, not cut with "…").
func customErrorData(msg string) []byte {
	lower := asciiLower(msg)
	const marker = "custom error "
	at := strings.Index(lower, marker)
	if at < 0 {
		return nil
	}
	rest, _ := cutHexPrefix(msg[at+len(marker):])
	if hexRun(rest) != 8 {
		return nil
	}
	sel, err := hex.DecodeString(rest[:8])
	if err != nil {
		return nil
	}
	rest = strings.TrimLeft(strings.TrimPrefix(rest[8:], ":"), " ")
	rest, _ = cutHexPrefix(rest)
	n := hexRun(rest)
	if n == 0 || n%64 != 0 || strings.HasPrefix(rest[n:], "…") || (n < len(rest) && !isDataEnd(rest[n])) {
		return sel
	}
	args, err := hex.DecodeString(rest[:n])
	if err != nil {
		return sel
	}
	return append(sel, args...)
}

// isDataEnd reports a byte that may follow printed data in a message.
func isDataEnd(c byte) bool {
	return strings.IndexByte(" \t\r\n\"',;)]}", c) >= 0
}
