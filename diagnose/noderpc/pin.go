package noderpc

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// pinnedParam is where each state method takes its block: the parameter
// that, when it is "latest", is replaced by the pinned block number.
// "pending" and explicit numbers are left alone.
var pinnedParam = map[string]int{
	"eth_getBalance":          1,
	"eth_getTransactionCount": 1,
	"eth_getCode":             1,
	"eth_call":                1,
	"eth_getStorageAt":        2,
}

// pinned reports whether call i goes out with "latest" replaced.
func (x *exchange) pinned(i int) bool {
	if x.pin == 0 || x.unpin[i] {
		return false
	}
	c := x.calls[i]
	p, ok := pinnedParam[c.Method]
	if !ok || p >= len(c.Params) {
		return false
	}
	s, isString := c.Params[p].(string)
	return isString && s == "latest"
}

// seenBlock reports whether call i asks for an explicit block at or below
// the highest head this client has seen (its own or one pinned from
// another endpoint): a block known to exist.
func (x *exchange) seenBlock(i int) bool {
	c := x.calls[i]
	p, ok := pinnedParam[c.Method]
	if c.Method == "eth_getBlockByNumber" {
		p, ok = 0, true
	}
	if !ok || p >= len(c.Params) || x.pin == 0 {
		return false
	}
	s, isString := c.Params[p].(string)
	if !isString {
		return false
	}
	n, err := decodeQuantity(s)
	return err == nil && n <= x.pin
}

// encode writes the calls idx as a JSON array. A call's id is its place in
// the whole Batch (1-based), so ids are unique across the parts of a round
// and every answer is matched by id, whichever request it came in.
func (x *exchange) encode(idx []int) ([]byte, error) {
	reqs := make([]request, len(idx))
	for p, i := range idx {
		c := x.calls[i]
		params := c.Params
		if params == nil {
			params = []any{}
		}
		if x.pinned(i) {
			params = append([]any(nil), params...)
			params[pinnedParam[c.Method]] = "0x" + strconv.FormatUint(x.pin, 16)
		}
		reqs[p] = request{JSONRPC: "2.0", ID: i + 1, Method: c.Method, Params: params}
	}
	b, err := json.Marshal(reqs)
	if err != nil {
		return nil, fmt.Errorf("encode the batch: %w", err)
	}
	return b, nil
}

// learnHead pins the client to the head an eth_blockNumber answered.
func (c *Client) learnHead(calls []*Call) {
	for _, call := range calls {
		if call.Method != "eth_blockNumber" || call.Err != nil {
			continue
		}
		var s string
		if json.Unmarshal(call.Result, &s) != nil {
			continue
		}
		if n, err := decodeQuantity(s); err == nil && n > 0 {
			c.Pin(n)
		}
	}
}

// hostOf is the endpoint's host (and port, if any), lower-case, without
// credentials or path: the key caps are remembered by.
func hostOf(endpoint string) string {
	u, err := url.Parse(endpoint)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}

// decodeQuantity reads a JSON-RPC quantity: 0x and hex digits without
// leading zeros (the Ethereum JSON-RPC encoding), at most 64 bits.
func decodeQuantity(s string) (uint64, error) {
	digits, ok := strings.CutPrefix(s, "0x")
	if !ok || digits == "" || len(digits) > 1 && digits[0] == '0' {
		return 0, fmt.Errorf("not a quantity: %q", s)
	}
	return strconv.ParseUint(digits, 16, 64)
}
