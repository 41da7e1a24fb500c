package restjson

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// The servers here are fault injectors: they answer with the shapes the
// transport must classify, not with node data.
func TestClientFaults(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    noderpc.Fault
		status  int
	}{
		{"rate limited", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "30")
			w.WriteHeader(429)
		}, noderpc.FaultRateLimited, 429},
		{"server error", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(502) }, noderpc.FaultServer, 502},
		{"plain text", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("this node does not support this API")) }, noderpc.FaultMalformed, 0},
		{"html", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<html><body>blocked</body></html>")) }, noderpc.FaultMalformed, 0},
		{"too large", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`{"a":"` + strings.Repeat("x", 200) + `"}`))
		}, noderpc.FaultTooLarge, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			c, err := New(srv.URL, Options{HTTP: srv.Client(), MaxBody: 100})
			if err != nil {
				t.Fatal(err)
			}
			var out map[string]any
			err = c.GetJSON(context.Background(), "/tx/abc", &out)
			if err == nil {
				t.Fatal("no error")
			}
			if got := noderpc.Classify(err).Fault; got != tt.want {
				t.Errorf("fault = %s, want %s (%v)", got, tt.want, err)
			}
			var se *StatusError
			if tt.status != 0 && (!errors.As(err, &se) || se.HTTP.StatusCode != tt.status) {
				t.Errorf("status error = %v, want HTTP %d", err, tt.status)
			}
			if c.Requests() != 1 {
				t.Errorf("requests = %d, want 1", c.Requests())
			}
		})
	}
}

func TestClientPostJSON(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/wallet/gettransactionbyid" || r.Header.Get("Content-Type") != "application/json" {
			http.Error(w, "unexpected", 400)
			return
		}
		w.Write([]byte(`{"ok":true}`))
	}))
	defer srv.Close()
	c, err := New(srv.URL+"/", Options{HTTP: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	var out struct{ OK bool }
	if err := c.PostJSON(context.Background(), "/wallet/gettransactionbyid", map[string]any{"value": "ab"}, &out); err != nil || !out.OK {
		t.Fatalf("PostJSON = %v, %+v", err, out)
	}
	if err := c.PostJSON(context.Background(), "no-slash", nil, &out); err == nil {
		t.Error("a path without / was sent")
	}
}
