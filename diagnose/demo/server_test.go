package demo

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

func tinyRecording() *Recording {
	return &Recording{Version: FormatVersion, ChainID: ChainID, Examples: []Example{{ID: "x"}}, Calls: []Call{
		{Method: "eth_chainId", Params: json.RawMessage(`[]`), Result: json.RawMessage(`"0xf1b31"`)},
		{Method: "eth_getBalance", Params: json.RawMessage(`["0xab","latest"]`), Result: json.RawMessage(`"0x1"`)},
		{Method: "eth_call", Params: json.RawMessage(`[{"to":"0xab","input":"0x"},"0x1"]`),
			Error: &RPCError{Code: 3, Message: "execution reverted", Data: json.RawMessage(`"0x08c379a0"`)}},
		{Method: "eth_getTransactionByHash", Params: json.RawMessage(`["0x01"]`)},
	}}
}

func TestServerAnswers(t *testing.T) {
	srv, err := NewServer(tinyRecording(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	tests := []struct {
		name     string
		method   string
		body     string
		status   int
		want     []string // substrings of the answer
		misses   int
		notWants []string
	}{
		{name: "single", method: "POST", body: `{"jsonrpc":"2.0","id":7,"method":"eth_chainId"}`, status: 200,
			want: []string{`"id":7`, `"result":"0xf1b31"`}},
		{name: "batch, ids kept, params canonical", method: "POST", status: 200,
			body: `[{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":[ "0xab", "latest" ]},
			        {"jsonrpc":"2.0","id":"b","method":"eth_call","params":[{"input":"0x","to":"0xab"},"0x1"]}]`,
			want: []string{`"id":1,"result":"0x1"`, `"id":"b","error":{"code":3,"message":"execution reverted","data":"0x08c379a0"}`}},
		{name: "null result", method: "POST", status: 200, body: `[{"jsonrpc":"2.0","id":2,"method":"eth_getTransactionByHash","params":["0x01"]}]`,
			want: []string{`"id":2,"result":null`}},
		{name: "miss is an error and recorded", method: "POST", status: 200, misses: 1,
			body: `[{"jsonrpc":"2.0","id":3,"method":"eth_getBalance","params":["0xab","pending"]}]`,
			want: []string{`"id":3`, `"code":-32099`}, notWants: []string{`"result"`}},
		{name: "garbage", method: "POST", status: 200, body: `{not json`, want: []string{`-32700`}},
		{name: "no method", method: "POST", status: 200, misses: 1, body: `{"jsonrpc":"2.0","id":4,"params":[]}`,
			want: []string{`"id":4`, `-32602`}},
		{name: "get", method: "GET", status: 405},
		{name: "too large", method: "POST", status: 400, body: `[` + strings.Repeat(" ", maxRequest+1) + `]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(srv.Misses())
			req, _ := http.NewRequest(tt.method, srv.URL, strings.NewReader(tt.body))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Fatalf("HTTP %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(body), w) {
					t.Errorf("answer %s lacks %s", body, w)
				}
			}
			for _, w := range tt.notWants {
				if strings.Contains(string(body), w) {
					t.Errorf("answer %s has %s", body, w)
				}
			}
			if got := len(srv.Misses()) - before; got != tt.misses {
				t.Errorf("misses grew by %d, want %d", got, tt.misses)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	good, err := json.Marshal(tinyRecording())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(good); err != nil {
		t.Fatalf("good recording: %v", err)
	}
	edit := func(f func(r *Recording)) []byte {
		r := tinyRecording()
		f(r)
		b, _ := json.Marshal(r)
		return b
	}
	tests := []struct {
		name  string
		input []byte
		want  string
	}{
		{name: "not json", input: []byte("{"), want: "read demo recordings"},
		{name: "old format", input: edit(func(r *Recording) { r.Version = 0 }), want: "go generate"},
		{name: "other chain", input: edit(func(r *Recording) { r.ChainID = 1 }), want: "chain 1"},
		{name: "no calls", input: edit(func(r *Recording) { r.Calls = nil }), want: "empty"},
		{name: "no method", input: edit(func(r *Recording) { r.Calls[0].Method = "" }), want: "without a method"},
		{name: "two answers", input: edit(func(r *Recording) {
			r.Calls = append(r.Calls, Call{Method: "eth_chainId", Params: json.RawMessage(`null`), Result: json.RawMessage(`"0x1"`)})
		}), want: "two different answers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.input)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestCanonicalParams(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{name: "absent", input: ``, want: `[]`},
		{name: "null", input: `null`, want: `[]`},
		{name: "spaces", input: ` [ "0xAb" , "latest" ] `, want: `["0xAb","latest"]`},
		{name: "key order", input: `[{"to":"0x1","from":"0x2"},"0x5"]`, want: `[{"from":"0x2","to":"0x1"},"0x5"]`},
		{name: "numbers kept", input: `["0x5","latest",[10,50.0,90]]`, want: `["0x5","latest",[10,50.0,90]]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CanonicalParams(json.RawMessage(tt.input))
			if err != nil || string(got) != tt.want {
				t.Fatalf("got %s, %v; want %s", got, err, tt.want)
			}
		})
	}
	for _, bad := range []string{`[1,`, `[1] [2]`} {
		if _, err := CanonicalParams(json.RawMessage(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestStaleRecordingFails proves the freshness check can fail: with one
// recorded answer gone, an example's check is a miss, not a quiet verdict.
func TestStaleRecordingFails(t *testing.T) {
	rec, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	ex := rec.Examples[0]
	var kept []Call
	for _, c := range rec.Calls {
		if c.Method == "eth_getTransactionReceipt" && strings.Contains(string(c.Params), strings.ToLower(ex.Input)) {
			continue
		}
		kept = append(kept, c)
	}
	if len(kept) != len(rec.Calls)-1 {
		t.Fatalf("removed %d calls, want 1", len(rec.Calls)-len(kept))
	}
	rec.Calls = kept
	rest, err := LoadREST()
	if err != nil {
		t.Fatal(err)
	}
	d, err := StartWith(rec, rest)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	rep, err := d.Run(context.Background(), ex)
	var notRecorded *NotRecordedError
	if !errors.As(err, &notRecorded) || rep != nil {
		t.Fatalf("report %+v, err %v: want no report and *NotRecordedError", rep, err)
	}
	if len(d.Misses()) == 0 {
		t.Fatal("no miss recorded")
	}
}
