package btcdnode

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Exchange is one JSON-RPC request a client sent to btcd and btcd's
// answer, byte for byte.
type Exchange struct {
	Request  string `json:"request"`
	Status   int    `json:"status"`
	Response string `json:"response"`
}

// Recorder is a loopback proxy in front of the node that keeps every
// exchange, so that the answers of a real btcd can be replayed later
// (demo, tests without btcd).
type Recorder struct {
	URL string
	mu  sync.Mutex
	log []Exchange
}

// Record starts a recording proxy in front of the node, for the test's
// lifetime. Its URL carries no credentials; the proxy adds them.
func (n *Node) Record(t testing.TB) *Recorder {
	t.Helper()
	r := &Recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, err := io.ReadAll(io.LimitReader(req.Body, 1<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		out, err := http.NewRequestWithContext(req.Context(), http.MethodPost, "http://"+n.host, bytes.NewReader(body))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		out.SetBasicAuth(rpcUser, rpcPass)
		out.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(out)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		answer, _ := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
		r.mu.Lock()
		r.log = append(r.log, Exchange{Request: string(body), Status: resp.StatusCode, Response: strings.TrimSpace(string(answer))})
		r.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(resp.StatusCode)
		_, _ = w.Write(answer)
	}))
	t.Cleanup(srv.Close)
	r.URL = srv.URL
	return r
}

// Take returns the exchanges recorded since the last Take.
func (r *Recorder) Take() []Exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.log
	r.log = nil
	return out
}
