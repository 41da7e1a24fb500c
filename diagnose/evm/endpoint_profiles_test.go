package evm

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/internal/opemu"
)

// TestEndpointThroughProfiles: `unstuck endpoint` tells the batch size and
// the old state each operator profile serves, and still calls it usable.
func TestEndpointThroughProfiles(t *testing.T) {
	n := startNode(t, 0)
	for range 3 {
		n.Commit()
	}
	tests := []struct {
		profile opemu.Profile
		opts    opemu.Options
		cap     int
		archive string
	}{
		{opemu.Plain, opemu.Options{}, 10, archiveFull},
		{opemu.DRPC, opemu.Options{}, 3, archiveFull},
		{opemu.NoBatch, opemu.Options{}, 1, archiveFull},
		{opemu.GethLimit, opemu.Options{Limit: 4}, 2, archiveFull},
		{opemu.PublicNodeArchive, opemu.Options{}, 10, archiveNone},
		{opemu.ItemRateLimit, opemu.Options{}, 10, archiveFull},
		{opemu.Cloudflare429, opemu.Options{}, 10, archiveFull},
	}
	for _, tt := range tests {
		t.Run(string(tt.profile), func(t *testing.T) {
			emu, err := opemu.Start(n.URL, tt.profile, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer emu.Close()
			rep, err := newEnv(t, emu.URL).engine.Endpoint(context.Background(), emu.URL, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !rep.Reachable || !rep.UsableByCheck || rep.BatchCap != tt.cap || rep.BatchRefused != (tt.cap < 10) || rep.Archive != tt.archive {
				t.Errorf("report = %+v", rep)
			}
			if !rep.OK || rep.FreshnessChecked || len(rep.Findings) != 0 {
				t.Errorf("ok %v, freshness %v, findings %+v", rep.OK, rep.FreshnessChecked, rep.Findings)
			}
			if emu.Requests() > 20 {
				t.Errorf("%d requests: the probe is not bounded", emu.Requests())
			}
		})
	}
}

// TestEndpointFreshnessUnknown: the public endpoints of the chain exist but
// none answers: not OK, and the report says the freshness half never ran.
func TestEndpointFreshnessUnknown(t *testing.T) {
	n := startNode(t, 0)
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "<html>502</html>", http.StatusBadGateway)
	}))
	t.Cleanup(down.Close)
	test := chains.Chain{ID: 1337, Name: "Test chain", Symbol: "ETH", Explorer: "https://explorer.invalid", Endpoints: []string{down.URL}}
	env := newEnvWith(t, &test)
	rep, err := env.engine.Endpoint(context.Background(), n.URL, 1337)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK || rep.FreshnessChecked || len(rep.Findings) != 1 || rep.Findings[0].Data["variant"] != "endpoint_freshness_unknown" {
		t.Fatalf("report = %+v", rep)
	}
	diagnose.LocalizeFindings(rep.Findings, "zh")
	if rep.Findings[0].Title != "没有检查它是否最新" {
		t.Errorf("zh title %q", rep.Findings[0].Title)
	}
}

// TestEndpointUnusable: an endpoint that answers its head but refuses a
// call every check makes is not OK, whatever its head says.
func TestEndpointUnusable(t *testing.T) {
	n := startNode(t, 0)
	liar := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// a proxyd deployment that does not whitelist receipts: the
		// documented -32001 text (HTTP 403), as a per-call answer
		body := make([]byte, 1<<16)
		k, _ := r.Body.Read(body)
		if containsReceipt(body[:k]) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusForbidden)
			_, _ = w.Write([]byte(`{"jsonrpc":"2.0","error":{"code":-32001,"message":"rpc method is not whitelisted"},"id":4}`))
			return
		}
		proxyTo(t, n.URL, w, body[:k])
	}))
	t.Cleanup(liar.Close)
	rep, err := newEnv(t, liar.URL).engine.Endpoint(context.Background(), liar.URL, 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK || rep.UsableByCheck || len(rep.Findings) == 0 || rep.Findings[0].Data["method"] != "eth_getTransactionReceipt" {
		t.Fatalf("report = %+v", rep)
	}
}

func containsReceipt(body []byte) bool {
	return bytes.Contains(body, []byte(`"eth_getTransactionReceipt"`))
}

// proxyTo passes body to the node and copies its answer.
func proxyTo(t *testing.T, node string, w http.ResponseWriter, body []byte) {
	resp, err := http.Post(node, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Error(err)
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
}
