package demo

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestRESTServerAnswersOnlyRecordings(t *testing.T) {
	calls := []RESTCall{
		{Family: "tron", Method: "POST", Path: "/wallet/gettransactionbyid", Body: `{"value": "ab", "visible":true}`, Response: `{"txID":"ab"}`, Source: "test"},
		{Family: "esplora", Method: "GET", Path: "/api/tx/cd", Status: 404, Response: "Transaction not found", Source: "test"},
	}
	s, err := NewRESTServer(calls)
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
	if code, body := get("POST", "/wallet/gettransactionbyid", `{"visible":true,"value":"ab"}`); code != 200 || body != `{"txID":"ab"}` {
		t.Errorf("recorded POST = %d %q", code, body)
	}
	if code, body := get("GET", "/api/tx/cd", ""); code != 404 || body != "Transaction not found" {
		t.Errorf("recorded 404 = %d %q", code, body)
	}
	if len(s.Misses()) != 0 {
		t.Fatalf("misses: %v", s.Misses())
	}
	if code, _ := get("POST", "/wallet/gettransactionbyid", `{"value":"other"}`); code != 404 {
		t.Errorf("unrecorded body answered %d", code)
	}
	if code, _ := get("GET", "/api/tx/cd/status", ""); code != 404 {
		t.Errorf("unrecorded path answered %d", code)
	}
	if m := s.Misses(); len(m) != 2 {
		t.Errorf("misses = %v, want 2", m)
	}
	if _, err := NewRESTServer(append(calls, calls[0])); err == nil {
		t.Error("a duplicate recording was accepted")
	}
}
