package demo

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func restFixture() *RESTRecording {
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	return &RESTRecording{Version: FormatVersion, Source: "test",
		Worlds: []World{{Name: "tron", API: APITron, Now: now}, {Name: "esplora", API: APIEsplora, Now: now},
			{Name: "core", API: APICore, Now: now}},
		RPC: []WorldCall{{World: "core", Call: Call{Method: "getblockcount", Params: []byte(`[]`), Result: []byte(`201`)}, Source: "test"}},
		Calls: []RESTCall{
			{World: "tron", Method: "POST", Path: "/wallet/gettransactionbyid", Body: `{"value": "ab", "visible":true}`, Response: `{"txID":"ab"}`, Source: "test"},
			{World: "esplora", Method: "GET", Path: "/tx/cd", Status: 404, Response: "Transaction not found", Source: "test"},
			{World: "esplora", Method: "GET", Path: "/v1/transaction-times?txId[]=cd", Response: "[0]", Source: "test"},
		}}
}

// TestRESTAnswersOnlyRecordings: the demo server answers recorded REST
// requests under their world's prefix, on the same port as the JSON-RPC,
// and any other request is a miss.
func TestRESTAnswersOnlyRecordings(t *testing.T) {
	rec, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewServer(rec, restFixture())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := LoopbackOnly(s.Addr)
	get := func(method, path, body string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, s.URL+path, strings.NewReader(body))
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	// Key order and spacing do not matter: the body is compared canonically.
	if code, body := get("POST", "/tron/wallet/gettransactionbyid", `{"visible":true,"value":"ab"}`); code != 200 || body != `{"txID":"ab"}` {
		t.Errorf("recorded POST = %d %q", code, body)
	}
	if code, body := get("GET", "/esplora/tx/cd", ""); code != 404 || body != "Transaction not found" {
		t.Errorf("recorded 404 = %d %q", code, body)
	}
	if code, body := get("GET", "/esplora/v1/transaction-times?txId[]=cd", ""); code != 200 || body != "[0]" {
		t.Errorf("recorded query = %d %q", code, body)
	}
	// The JSON-RPC still answers at the root, and a Core world's at its path.
	if code, body := get("POST", "", `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`); code != 200 || !strings.Contains(body, `"result"`) {
		t.Errorf("JSON-RPC = %d %q", code, body)
	}
	if code, body := get("POST", "/core", `[{"jsonrpc":"2.0","id":7,"method":"getblockcount","params":[]}]`); code != 200 || !strings.Contains(body, `"result":201`) || !strings.Contains(body, `"id":7`) {
		t.Errorf("Core JSON-RPC = %d %q", code, body)
	}
	if len(s.Misses()) != 0 {
		t.Fatalf("misses: %v", s.Misses())
	}
	misses := []struct{ method, path, body string }{
		{"POST", "/tron/wallet/gettransactionbyid", `{"value":"other"}`},
		{"GET", "/esplora/tx/cd/status", ""},
		{"GET", "/tron/tx/cd", ""}, // another world's path
		{"POST", "/esplora/wallet/gettransactionbyid", `{"value":"ab","visible":true}`},
		{"POST", "/core", `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`}, // the demo chain's, not the world's
	}
	for _, m := range misses {
		code, body := get(m.method, m.path, m.body)
		if m.path == "/core" && (code != 200 || !strings.Contains(body, "no recorded answer")) || m.path != "/core" && code != 404 {
			t.Errorf("unrecorded %s %s answered %d %q", m.method, m.path, code, body)
		}
	}
	if m := s.Misses(); len(m) != len(misses) || m[0].Method != "POST /tron/wallet/gettransactionbyid" {
		t.Errorf("misses = %v, want %d", m, len(misses))
	}
}

func TestParseRESTRefusesBadRecordings(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*RESTRecording)
	}{
		{"two answers", func(r *RESTRecording) {
			c := r.Calls[0]
			c.Response = `{"txID":"other"}`
			r.Calls = append(r.Calls, c)
		}},
		{"unknown world", func(r *RESTRecording) { r.Calls[0].World = "nowhere" }},
		{"unknown API", func(r *RESTRecording) { r.Worlds[0].API = "grpc" }},
		{"world with a slash", func(r *RESTRecording) { r.Worlds[0].Name = "a/b" }},
		{"no clock", func(r *RESTRecording) { r.Worlds[1].Now = time.Time{} }},
		{"example in no world", func(r *RESTRecording) { r.Examples = []Example{{ID: "x", Family: "tron", World: "x"}} }},
		{"old format", func(r *RESTRecording) { r.Version++ }},
		{"core call in a REST world", func(r *RESTRecording) { r.RPC[0].World = "esplora" }},
		{"REST call in a core world", func(r *RESTRecording) { r.Calls[0].World = "core" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := restFixture()
			tt.mutate(r)
			data, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ParseREST(data); err == nil {
				t.Error("accepted")
			}
		})
	}
	// The same answer twice is one answer.
	r := restFixture()
	r.Calls = append(r.Calls, r.Calls[0])
	data, _ := json.Marshal(r)
	if _, err := ParseREST(data); err != nil {
		t.Errorf("a repeated identical answer: %v", err)
	}
}
