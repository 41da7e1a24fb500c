package revert

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
)

// maxDataNesting bounds how deep FromError looks into an object-shaped
// error data field ({"data": {"data": "0x…"}}).
const maxDataNesting = 4

// dataError is a JSON-RPC error with a data field: noderpc's *RPCError
// and go-ethereum's rpc.DataError both have this shape.
type dataError interface {
	error
	ErrorData() any
}

// FromError extracts revert data from an error a JSON-RPC client returned
// for a call (noderpc's or go-ethereum's): the first error in the chain
// with an ErrorData method, whose data is a hex string (with or without
// 0x), bytes holding such a string, or an object with a "data" field. A
// string that is not hex as a whole may still carry a 0x-hex token
// (Nethermind: "Reverted 0x…"). "0x" gives empty data and true: the node
// said the revert carried no data.
func FromError(err error) ([]byte, bool) {
	var de dataError
	if err == nil || !errors.As(err, &de) {
		return nil, false
	}
	return dataFrom(de.ErrorData(), 0)
}

func dataFrom(v any, depth int) ([]byte, bool) {
	switch x := v.(type) {
	case string:
		return parseHexData(x)
	case []byte:
		return dataFrom(json.RawMessage(x), depth)
	case json.RawMessage:
		var inner any
		if json.Unmarshal(x, &inner) == nil {
			return dataFrom(inner, depth+1)
		}
		return parseHexData(string(x))
	case map[string]any:
		if depth < maxDataNesting {
			return dataFrom(x["data"], depth+1)
		}
	}
	return nil, false
}

// parseHexData reads a whole string as hex, else the best 0x-hex token in it.
func parseHexData(s string) ([]byte, bool) {
	s = strings.Trim(strings.TrimSpace(s), `"'`)
	h, prefixed := cutHexPrefix(strings.TrimSpace(s))
	if h == "" {
		if prefixed {
			return []byte{}, true
		}
		return nil, false
	}
	if b, err := hex.DecodeString(h); err == nil {
		return b, true
	}
	if b := bestHexToken(s, false); b != nil {
		return b, true
	}
	return nil, false
}

func cutHexPrefix(s string) (string, bool) {
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		return s[2:], true
	}
	return s, false
}

func isHexDigit(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

// hexRun is the length of the run of hex digits at the start of s.
func hexRun(s string) int {
	n := 0
	for n < len(s) && isHexDigit(s[n]) {
		n++
	}
	return n
}

// bestHexToken finds the longest 0x-hex token in s that could be revert
// data: an even number of digits, at least a selector, and, when abiShaped
// is set, a selector plus whole 32-byte words (so addresses, hashes and
// signatures in a message are not mistaken for it).
func bestHexToken(s string, abiShaped bool) []byte {
	best := ""
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '0' || (s[i+1] != 'x' && s[i+1] != 'X') {
			continue
		}
		if i > 0 && (isHexDigit(s[i-1]) || s[i-1] == '_') {
			continue
		}
		n := hexRun(s[i+2:])
		tok := s[i+2 : i+2+n]
		i += 1 + n
		if n < 8 || n%2 != 0 || (abiShaped && n%64 != 8) {
			continue
		}
		if len(tok) > len(best) {
			best = tok
		}
	}
	if best == "" {
		return nil
	}
	b, err := hex.DecodeString(best)
	if err != nil {
		return nil
	}
	return b
}
