package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runEndpoint runs `unstuck endpoint` in-process; UNSTUCK_RPC is set so
// that no public reference endpoint (the internet) is ever asked.
func runEndpoint(t *testing.T, ctx context.Context, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	cache := filepath.Join(t.TempDir(), "cache")
	env := map[string]string{"UNSTUCK_RPC": "http://127.0.0.1:1", "UNSTUCK_CACHE_DIR": cache, "LANG": "en_US.UTF-8"}
	a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return env[k] }, isTTY: func() bool { return false }}
	code := a.run(ctx, append([]string{"endpoint"}, args...))
	return code, out.String(), errb.String()
}

func TestEndpointExitCodes(t *testing.T) {
	n := startSimNode(t)
	ctx := context.Background()

	code, out, _ := runEndpoint(t, ctx, n.URL)
	if code != exitOK || !strings.Contains(out, "freshness not checked") || strings.Contains(out, "✓ OK") {
		t.Errorf("healthy, no reference: exit %d\n%s", code, out)
	}
	if !strings.Contains(out, "10 calls per request accepted") || !strings.Contains(out, "archive") {
		t.Errorf("no batch or state line:\n%s", out)
	}
	code, out, _ = runEndpoint(t, ctx, n.URL, "--json")
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != exitOK {
		t.Fatalf("json: exit %d, %v\n%s", code, err, out)
	}
	if rep["batch_cap"] != 10.0 || rep["archive"] != "full" || rep["usable_by_check"] != true || rep["freshness_checked"] != false {
		t.Errorf("json = %v", rep)
	}

	code, out, _ = runEndpoint(t, ctx, n.URL, "--chain", "bsc", "--lang", "zh")
	if code != exitProblem || !strings.Contains(out, "有问题") || !strings.Contains(out, "该节点在另一个网络上") {
		t.Errorf("wrong chain: exit %d\n%s", code, out)
	}

	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "<html>502 Bad Gateway</html>", http.StatusBadGateway)
	}))
	t.Cleanup(down.Close)
	code, out, _ = runEndpoint(t, ctx, down.URL)
	if code != exitNoEndpoint || !strings.Contains(out, "UNREACHABLE") {
		t.Errorf("unreachable: exit %d\n%s", code, out)
	}

	// A node that accepts the connection and never answers.
	hang, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = hang.Close() })
	go func() {
		for {
			c, err := hang.Accept()
			if err != nil {
				return
			}
			t.Cleanup(func() { _ = c.Close() })
		}
	}()
	cctx, cancel := context.WithCancel(ctx)
	time.AfterFunc(200*time.Millisecond, cancel) // ctrl+c
	code, out, errs := runEndpoint(t, cctx, "http://"+hang.Addr().String())
	if code != exitInterrupted || strings.Contains(out, "PROBLEM") || !strings.Contains(errs, "interrupted") {
		t.Errorf("interrupted: exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
}
