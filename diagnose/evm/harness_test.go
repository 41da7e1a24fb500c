package evm

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// startNode runs a simulated geth node over HTTP on loopback for one test.
func startNode(t *testing.T, chainID uint64) *simnode.Node {
	t.Helper()
	n, err := simnode.Start(chainID)
	if err != nil {
		t.Fatalf("start simulated node: %v", err)
	}
	t.Cleanup(func() { _ = n.Close() })
	return n
}

// countingProxy sits in front of a real node and counts HTTP requests.
type countingProxy struct {
	URL string
	mu  sync.Mutex
	n   int
}

func (p *countingProxy) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.n
}

func newCountingProxy(t *testing.T, target string) *countingProxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	p := &countingProxy{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.n++
		p.mu.Unlock()
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	p.URL = srv.URL
	return p
}

type testEnv struct {
	t      *testing.T
	engine *Backend
	mem    *diagnose.Memory
}

// newEnv builds an engine that asks only the given loopback endpoints.
func newEnv(t *testing.T, endpoints ...string) *testEnv {
	t.Helper()
	return newEnvWith(t, nil, endpoints...)
}

func newEnvWith(t *testing.T, extra *chains.Chain, endpoints ...string) *testEnv {
	t.Helper()
	reg := chains.MustDefault()
	if extra != nil {
		reg = reg.With(*extra)
	}
	mem := diagnose.NewMemory(filepath.Join(t.TempDir(), "memory.json"))
	e, err := New(Config{Registry: reg, Endpoints: endpoints, Timeout: 5 * time.Second, Memory: mem})
	if err != nil {
		t.Fatal(err)
	}
	return &testEnv{t: t, engine: e, mem: mem}
}

func (env *testEnv) check(hash common.Hash, opt diagnose.CheckOptions) *diagnose.Report {
	env.t.Helper()
	rep, err := env.engine.Check(context.Background(), diagnose.Query{Kind: diagnose.KindTxHash, Ref: hash.Hex(), Raw: hash.Hex()}, opt)
	if err != nil {
		env.t.Fatalf("check %s: %v", hash.Hex(), err)
	}
	return rep
}

func findingOf(rep *diagnose.Report, code diagnose.Code) *diagnose.Finding {
	for i := range rep.Findings {
		if rep.Findings[i].Code == code {
			return &rep.Findings[i]
		}
	}
	return nil
}

func mustFinding(t *testing.T, rep *diagnose.Report, code diagnose.Code) *diagnose.Finding {
	t.Helper()
	f := findingOf(rep, code)
	if f == nil {
		t.Fatalf("want finding %s, got %v (status %s)", code, codesOf(rep), rep.Status)
	}
	if f.Guide == "" || f.Title == "" {
		t.Fatalf("finding %s lacks guide or title: %+v", code, f)
	}
	return f
}

func codesOf(rep *diagnose.Report) []diagnose.Code {
	var out []diagnose.Code
	for _, f := range rep.Findings {
		out = append(out, f.Code)
	}
	return out
}

func wantStatus(t *testing.T, rep *diagnose.Report, want diagnose.Status) {
	t.Helper()
	if rep.Status != want {
		t.Fatalf("status = %s, want %s (findings %v, searched %+v)", rep.Status, want, codesOf(rep), rep.Searched)
	}
}

func asNoAnswer(err error, target **diagnose.NoAnswerError) bool { return errors.As(err, target) }
