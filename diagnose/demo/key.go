package demo

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// CanonicalParams is params re-encoded so that equal requests give equal
// bytes: compact, object keys sorted, numbers as written. Absent or null
// params are the empty list.
func CanonicalParams(params json.RawMessage) (json.RawMessage, error) {
	trimmed := bytes.TrimSpace(params)
	if len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")) {
		return json.RawMessage("[]"), nil
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("params: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("params: trailing data")
	}
	out, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("params: %w", err)
	}
	return out, nil
}

// Key names a call by method and canonical params.
func Key(method string, params json.RawMessage) (string, error) {
	p, err := CanonicalParams(params)
	if err != nil {
		return "", err
	}
	return method + " " + string(p), nil
}

// index maps each call's key to the call. Two different answers to the same
// request mean the recording's chain was not frozen: an error.
func index(calls []Call) (map[string]Call, error) {
	m := make(map[string]Call, len(calls))
	for _, c := range calls {
		if c.Method == "" {
			return nil, fmt.Errorf("demo recordings: a call without a method")
		}
		if c.Error == nil && len(c.Result) == 0 {
			c.Result = json.RawMessage("null")
		}
		k, err := Key(c.Method, c.Params)
		if err != nil {
			return nil, fmt.Errorf("demo recordings: %s: %w", c.Method, err)
		}
		if old, ok := m[k]; ok && !sameAnswer(old, c) {
			return nil, fmt.Errorf("demo recordings: two different answers to %s", k)
		}
		m[k] = c
	}
	return m, nil
}

func sameAnswer(a, b Call) bool {
	if (a.Error == nil) != (b.Error == nil) {
		return false
	}
	if a.Error != nil {
		return a.Error.Code == b.Error.Code && a.Error.Message == b.Error.Message && bytes.Equal(a.Error.Data, b.Error.Data)
	}
	return bytes.Equal(a.Result, b.Result)
}
