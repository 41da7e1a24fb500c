package faultproxy

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// Call is one JSON-RPC request of a (possibly batched) HTTP request.
type Call struct {
	Method string
	Params json.RawMessage
}

// ErrorObject is a JSON-RPC error object.
type ErrorObject struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data,omitempty"`
}

// Answer is the node's answer to one Call: a result or an error. A
// RewriteFunc may change either (set Result to nil when setting Error).
type Answer struct {
	Result json.RawMessage
	Error  *ErrorObject
}

// RewriteFunc edits the node's answer to one call.
type RewriteFunc func(call Call, ans *Answer)

// message is a JSON-RPC request or response.
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *ErrorObject    `json:"error,omitempty"`
}

// decodeMessages reads one message or a batch; batch says which it was.
func decodeMessages(b []byte) (msgs []message, batch bool, ok bool) {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		if json.Unmarshal(b, &msgs) != nil {
			return nil, true, false
		}
		return msgs, true, true
	}
	var m message
	if json.Unmarshal(b, &m) != nil {
		return nil, false, false
	}
	return []message{m}, false, true
}

func encodeMessages(msgs []message, batch bool) []byte {
	var v any = msgs
	if !batch && len(msgs) == 1 {
		v = msgs[0]
	}
	out, err := json.Marshal(v)
	if err != nil {
		return []byte(`{"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"faultproxy: encode"}}`)
	}
	return out
}

// errorAnswers answers every call of a request with a JSON-RPC error.
func errorAnswers(body []byte) []byte {
	reqs, batch, ok := decodeMessages(body)
	if !ok || len(reqs) == 0 {
		return encodeMessages([]message{{JSONRPC: "2.0", ID: json.RawMessage("null"),
			Error: &ErrorObject{Code: -32700, Message: "parse error"}}}, false)
	}
	out := make([]message, len(reqs))
	for i, q := range reqs {
		out[i] = message{JSONRPC: "2.0", ID: q.ID, Error: &ErrorObject{Code: -32603, Message: "internal error: backend unavailable"}}
	}
	return encodeMessages(out, batch)
}

// rewrite applies the fault's changes and the RewriteFunc to a forwarded
// answer. An answer it cannot read is passed on as it is.
func (p *Proxy) rewrite(reqBody, answer []byte) []byte {
	switch p.set.fault {
	case WrongChain, Contradiction, Stale, Indexing:
	default:
		if p.set.rewrite == nil {
			return answer
		}
	}
	reqs, _, ok := decodeMessages(reqBody)
	if !ok {
		return answer
	}
	resps, batch, ok := decodeMessages(answer)
	if !ok {
		return answer
	}
	calls := make(map[string]Call, len(reqs))
	for _, q := range reqs {
		calls[string(q.ID)] = Call{Method: q.Method, Params: q.Params}
	}
	for i := range resps {
		call, found := calls[string(resps[i].ID)]
		if !found {
			continue
		}
		ans := Answer{Result: resps[i].Result, Error: resps[i].Error}
		p.applyFault(call, &ans)
		if p.set.rewrite != nil {
			p.set.rewrite(call, &ans)
		}
		resps[i].Result, resps[i].Error = ans.Result, ans.Error
		if ans.Error == nil && ans.Result == nil {
			resps[i].Result = json.RawMessage("null")
		}
		if ans.Error != nil {
			resps[i].Result = nil
		}
	}
	return encodeMessages(resps, batch)
}

// applyFault rewrites one answer as the fault demands.
func (p *Proxy) applyFault(call Call, ans *Answer) {
	if ans.Error != nil {
		return
	}
	lookup := call.Method == "eth_getTransactionByHash" || call.Method == "eth_getTransactionReceipt"
	switch p.set.fault {
	case WrongChain:
		if call.Method == "eth_chainId" {
			ans.Result = hexQuantity(p.set.chainID)
		}
	case Contradiction:
		switch call.Method {
		case "eth_getTransactionByHash":
			ans.Result = otherHash(ans.Result, "hash")
		case "eth_getTransactionReceipt":
			ans.Result = otherHash(ans.Result, "transactionHash")
		}
	case Stale:
		switch {
		case call.Method == "eth_blockNumber":
			var head string
			if json.Unmarshal(ans.Result, &head) == nil {
				if n, err := strconv.ParseUint(strings.TrimPrefix(head, "0x"), 16, 64); err == nil {
					ans.Result = hexQuantity(n - min(n, p.set.staleBy))
				}
			}
		case lookup:
			ans.Result = json.RawMessage("null")
		}
	case Indexing:
		if lookup {
			ans.Result, ans.Error = nil, &ErrorObject{Code: -32000, Message: IndexingMessage}
		}
	}
}

func hexQuantity(n uint64) json.RawMessage {
	return json.RawMessage(`"0x` + strconv.FormatUint(n, 16) + `"`)
}

// otherHash changes the last digit of the hash in field, so that the
// object names another transaction than the one asked for.
func otherHash(obj json.RawMessage, field string) json.RawMessage {
	var m map[string]json.RawMessage
	if json.Unmarshal(obj, &m) != nil || m == nil {
		return obj // null (not found) stays null: nothing to contradict
	}
	var h string
	if json.Unmarshal(m[field], &h) != nil || len(h) < 3 {
		return obj
	}
	last := '0'
	if h[len(h)-1] == '0' {
		last = '1'
	}
	m[field] = json.RawMessage(`"` + h[:len(h)-1] + string(last) + `"`)
	out, err := json.Marshal(m)
	if err != nil {
		return obj
	}
	return out
}

// ErrorString ABI-encodes Error(string) revert data as 0x-hex, for
// rewrites that put a chosen revert reason in a node's answer.
func ErrorString(reason string) string {
	typ, err := abi.NewType("string", "", nil)
	if err != nil {
		panic(err) // a fixed, valid type
	}
	body, err := abi.Arguments{{Type: typ}}.Pack(reason)
	if err != nil {
		panic(err) // a string always packs
	}
	return hexutil.Encode(append(hexutil.MustDecode("0x08c379a0"), body...))
}
