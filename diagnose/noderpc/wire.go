package noderpc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// The wire format: JSON-RPC 2.0 over HTTP, a batch per request. The calls
// of one Batch are numbered 1..n in the order given, across all the
// requests a capped endpoint needs; answers may come in any order and are
// matched by id.

// CodedError is an error carrying a JSON-RPC error code. It has the shape
// of go-ethereum's rpc.Error, so errors from either client match it.
type CodedError interface {
	error
	ErrorCode() int
}

// DataError is an error carrying a JSON-RPC error's data field (revert
// data, usually). It has the shape of go-ethereum's rpc.DataError.
type DataError interface {
	error
	ErrorData() any
}

// RPCError is a JSON-RPC error object a node answered one call with.
type RPCError struct {
	Code    int
	Message string
	Data    json.RawMessage // absent or null: nil
}

var (
	_ CodedError = (*RPCError)(nil)
	_ DataError  = (*RPCError)(nil)
)

func (e *RPCError) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("json-rpc error %d", e.Code)
	}
	return e.Message
}

// ErrorCode is the error's code.
func (e *RPCError) ErrorCode() int { return e.Code }

// ErrorData is the data field decoded as encoding/json decodes into an
// interface value (a hex string, usually), or nil when there is none.
func (e *RPCError) ErrorData() any {
	if len(e.Data) == 0 {
		return nil
	}
	var v any
	if err := json.Unmarshal(e.Data, &v); err != nil {
		return json.RawMessage(e.Data)
	}
	return v
}

// Per-call errors for answers that are missing or empty.
var (
	errMissingAnswer = errors.New("the batch answer has no answer to this call")
	errNoResult      = errors.New("the answer to this call has neither a result nor an error")
)

// request is one call on the wire.
type request struct {
	JSONRPC string `json:"jsonrpc"`
	ID      int    `json:"id"`
	Method  string `json:"method"`
	Params  []any  `json:"params"`
}

// response is one answer on the wire. A field that is absent stays nil;
// a field that is null holds "null".
type response struct {
	ID     json.RawMessage `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  json.RawMessage `json:"error"`
}

// answer is what one call gets: a result or an error.
type answer struct {
	result json.RawMessage
	err    error
}

// splitAnswers reads a batch answer: a JSON array of answers, or a single
// answer object, which is read as an array of one.
func splitAnswers(body []byte) ([]*response, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil, errors.New("empty answer")
	}
	switch body[0] {
	case '[':
		var resps []*response
		if err := json.Unmarshal(body, &resps); err != nil {
			return nil, err
		}
		return resps, nil
	case '{':
		var r response
		if err := json.Unmarshal(body, &r); err != nil {
			return nil, err
		}
		return []*response{&r}, nil
	}
	return nil, fmt.Errorf("the answer is not JSON (it starts with %q)", clip(body, 16))
}

// callIndex maps an answer's id back to the call it answers: a plain
// decimal number 1..n, exactly as sent.
func callIndex(id json.RawMessage, n int) (int, bool) {
	if len(id) == 0 || len(id) > 10 || id[0] == '0' {
		return 0, false
	}
	for _, c := range id {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	v, err := strconv.Atoi(string(id))
	if err != nil || v < 1 || v > n {
		return 0, false
	}
	return v - 1, true
}

// decodeRPCError reads an error object as well as it can: a node that
// sends a bare string still gets its words shown.
func decodeRPCError(raw json.RawMessage) *RPCError {
	var obj struct {
		Code    int             `json:"code"`
		Message string          `json:"message"`
		Data    json.RawMessage `json:"data"`
	}
	e := &RPCError{}
	switch raw[0] {
	case '{':
		_ = json.Unmarshal(raw, &obj) // best effort: a field of the wrong type stays zero
		e.Code, e.Message = obj.Code, obj.Message
		if !isNull(obj.Data) {
			e.Data = obj.Data
		}
	case '"':
		_ = json.Unmarshal(raw, &e.Message)
	}
	return e
}

// isNull reports whether a raw JSON value is absent or null.
func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

func malformedAnswer(err error) *Error {
	return &Error{Fault: FaultMalformed, Reason: "the endpoint answered with something that is not valid JSON-RPC", Err: err}
}

// clip shortens b to at most n bytes, for error messages.
func clip(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}
