package main

import (
	"context"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"unstuck": func() { os.Exit(Main()) },
	})
}

// scenario is a simulated node with a few transactions the scripts check.
type scenario struct {
	node *simNode
	vars []string
	// requests counts what reached the node through the shared proxy in
	// vars' RPC (Go tests); each script gets its own proxy and counter.
	requests atomic.Int64
}

// countingProxy puts a request counter in front of the node, one per
// script, so a script can prove that refused input sent nothing.
func (s *scenario) countingProxy(env *testscript.Env) *atomic.Int64 {
	target, _ := url.Parse(s.node.URL)
	rp := httputil.NewSingleHostReverseProxy(target)
	var n atomic.Int64
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		rp.ServeHTTP(w, r)
	}))
	env.Defer(proxy.Close)
	env.Setenv("RPC", proxy.URL)
	return &n
}

func newScenario(t *testing.T) *scenario {
	t.Helper()
	ctx := context.Background()
	n := startSimNode(t)
	s := &scenario{node: n}
	to := n.Addrs[1]
	ok, err := n.Mine(ctx, simTx{From: 0, To: &to, Value: big.NewInt(1e18)})
	if err != nil {
		t.Fatal(err)
	}
	failer, err := n.DeployFailer(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	failed, err := n.Mine(ctx, simTx{From: 0, To: &failer, Data: calldata(t, "swapExpired", big.NewInt(1))})
	if err != nil {
		t.Fatal(err)
	}
	base, err := n.BaseFee(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pending, err := n.Send(ctx, simTx{From: 2, To: &to, Value: big.NewInt(1e18), FeeCap: new(big.Int).Div(base, big.NewInt(2)), Tip: big.NewInt(1e6)})
	if err != nil {
		t.Fatal(err)
	}
	n.Commit()

	target, _ := url.Parse(n.URL)
	rp := httputil.NewSingleHostReverseProxy(target)
	shared := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(shared.Close)
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "<html>502 Bad Gateway</html>", http.StatusBadGateway)
	}))
	t.Cleanup(down.Close)
	down2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "rate limited", http.StatusTooManyRequests)
	}))
	t.Cleanup(down2.Close)
	s.vars = []string{
		"DOWN2_RPC=" + down2.URL,
		"RPC=" + shared.URL,
		"DOWN_RPC=" + down.URL,
		"SUCCESS_TX=" + ok.Hash().Hex(),
		"FAILED_TX=" + failed.Hash().Hex(),
		"PENDING_TX=" + pending.Hash().Hex(),
		"UNKNOWN_TX=" + crypto.Keccak256Hash([]byte("never")).Hex(),
		"SENDER=" + n.Addrs[0].Hex(),
	}
	return s
}

func TestScripts(t *testing.T) {
	s := newScenario(t)
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Vars = append(env.Vars, s.vars...)
			env.Values["requests"] = s.countingProxy(env)
			env.Vars = append(env.Vars, "UNSTUCK_CACHE_DIR="+env.WorkDir+"/cache", "LANG=en_US.UTF-8", "HOME="+env.WorkDir)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exitcode N cmd args...: run cmd and require exit code N.
			"exitcode": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: exitcode N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				ts.Check(err)
				cmd := exec.Command(args[1], args[2:]...)
				cmd.Dir = ts.Getenv("WORK")
				cmd.Env = environ(ts)
				err = cmd.Run()
				got := 0
				var exitErr *exec.ExitError
				if errors.As(err, &exitErr) {
					got = exitErr.ExitCode()
				} else {
					ts.Check(err)
				}
				if (got == want) == neg {
					ts.Fatalf("exit code %d, want %d", got, want)
				}
			},
			// requests N: the node has seen exactly N HTTP requests so far.
			"requests": func(ts *testscript.TestScript, neg bool, args []string) {
				want, err := strconv.Atoi(args[0])
				ts.Check(err)
				if got := int(ts.Value("requests").(*atomic.Int64).Load()); (got == want) == neg {
					ts.Fatalf("node saw %d requests, want %d", got, want)
				}
			},
		},
	})
}

func environ(ts *testscript.TestScript) []string {
	var env []string
	for _, k := range []string{"PATH", "HOME", "LANG", "UNSTUCK_RPC", "UNSTUCK_CACHE_DIR", "NO_COLOR", "TMPDIR"} {
		env = append(env, k+"="+ts.Getenv(k))
	}
	return env
}
