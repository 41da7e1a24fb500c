package evm

import (
	"context"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

func TestCheckDelegatedAccount(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	failer, err := n.DeployFailer(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Delegate(ctx, 0, 2, failer); err != nil {
		t.Fatal(err)
	}
	to := n.Addrs[3]
	tx, err := n.Mine(ctx, simnode.Tx{From: 2, To: &to, Value: ether(1), Nonce: simnode.Ptr(uint64(1))}) // the authorization used nonce 0
	if err != nil {
		t.Fatal(err)
	}
	env := newEnv(t, n.URL)
	rep := env.check(tx.Hash(), diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusSuccess)
	f := mustFinding(t, rep, diagnose.CodeDelegatedAccount)
	if f.Data["delegate"] != failer.Hex() {
		t.Errorf("delegate = %q, want %s", f.Data["delegate"], failer.Hex())
	}

	acc, err := env.engine.account(ctx, n.Addrs[2])
	if err != nil {
		t.Fatal(err)
	}
	if len(acc.Chains) != 1 || acc.Chains[0].Delegate != failer.Hex() || acc.Chains[0].IsContract {
		t.Fatalf("account = %+v", acc.Chains)
	}
	if len(acc.Findings) != 1 || acc.Findings[0].Code != diagnose.CodeDelegatedAccount {
		t.Errorf("findings = %+v", acc.Findings)
	}
}

func TestAccount(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	sendUnderpriced(t, n, 1, nil, ether(1))
	token, err := n.DeployToken(ctx, 0, "T", "T", 0, big.NewInt(1))
	if err != nil {
		t.Fatal(err)
	}
	env := newEnv(t, n.URL)
	tests := []struct {
		name     string
		addr     common.Address
		waiting  uint64
		contract bool
		active   bool
	}{
		{name: "pending sender", addr: n.Addrs[1], waiting: 1, active: true},
		{name: "contract", addr: token, contract: true, active: true},
		{name: "empty", addr: common.HexToAddress("0x00000000000000000000000000000000000000aa")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acc, err := env.engine.account(ctx, tt.addr)
			if err != nil {
				t.Fatal(err)
			}
			c := acc.Chains[0]
			if c.Waiting != tt.waiting || c.IsContract != tt.contract || c.Active != tt.active || c.ChainID != 1337 {
				t.Errorf("account = %+v", c)
			}
		})
	}
}

// lyingNode is a fault injector: it forwards to a real node but claims
// another chain id.
func lyingNode(t *testing.T, target string, chainIDHex string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Post(target, "application/json", r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		var b strings.Builder
		buf := make([]byte, 32<<10)
		for {
			k, rerr := resp.Body.Read(buf)
			b.Write(buf[:k])
			if rerr != nil {
				break
			}
		}
		// Every eth_chainId answer of the fixture node is 0x539 (1337).
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(strings.ReplaceAll(b.String(), `"result":"0x539"`, `"result":"`+chainIDHex+`"`)))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestEndpoint(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	test := chains.Chain{ID: 1337, Name: "Test chain", Symbol: "ETH", Explorer: "https://explorer.invalid", Endpoints: []string{n.URL, n.URL + "/"}}
	env := newEnvWith(t, &test) // no --rpc: the registry's test chain is the reference
	for i := 0; i < 3; i++ {
		n.Commit()
	}
	t.Run("healthy", func(t *testing.T) {
		rep, err := env.engine.Endpoint(ctx, n.URL, 1337)
		if err != nil {
			t.Fatal(err)
		}
		if !rep.OK || !rep.Reachable || rep.ChainID != 1337 || rep.ChainMatches == nil || !*rep.ChainMatches ||
			rep.BlocksBehind == nil || *rep.BlocksBehind != 0 || rep.ReferenceHead == 0 {
			t.Fatalf("report = %+v", rep)
		}
	})
	t.Run("lies about its chain", func(t *testing.T) {
		liar := lyingNode(t, n.URL, "0x38")
		rep, err := env.engine.Endpoint(ctx, liar, 1337)
		if err != nil {
			t.Fatal(err)
		}
		if rep.OK || rep.ChainID != 56 || rep.ChainMatches == nil || *rep.ChainMatches || len(rep.Problems) != 1 ||
			!strings.Contains(rep.Problems[0], "not Test chain (1337)") {
			t.Fatalf("report = %+v", rep)
		}
	})
	t.Run("refused", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		url := srv.URL
		srv.Close()
		rep, err := env.engine.Endpoint(ctx, url, 1337)
		if err != nil {
			t.Fatal(err)
		}
		if rep.OK || rep.Reachable || rep.Fault != "refused" {
			t.Fatalf("report = %+v", rep)
		}
	})
}

func TestCheckDegradedEndpointNamed(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)
	to := n.Addrs[1]
	tx, err := n.Mine(ctx, simnode.Tx{From: 0, To: &to, Value: ether(1)})
	if err != nil {
		t.Fatal(err)
	}
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "7")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	}))
	t.Cleanup(down.Close)
	// The healthy node answers 50 ms late, so the 429 is surely seen first.
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(50 * time.Millisecond)
		resp, err := http.Post(n.URL, "application/json", r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.Copy(w, resp.Body)
	}))
	t.Cleanup(slow.Close)
	rep := newEnv(t, down.URL, slow.URL).check(tx.Hash(), diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusSuccess)
	var named bool
	for _, s := range rep.Searched {
		if s.Endpoint == down.URL && s.Result == "error" && s.Fault == "rate_limited" {
			named = true
		}
	}
	if !named {
		t.Errorf("searched does not name the rate-limited endpoint: %+v", rep.Searched)
	}
	mustFinding(t, rep, diagnose.CodeRPCDegraded)
}

func TestCheckNoEndpointAnswers(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "<html>bad gateway</html>", http.StatusBadGateway)
	}))
	t.Cleanup(srv.Close)
	env := newEnv(t, srv.URL)
	hash := crypto.Keccak256Hash([]byte("x"))
	rep, err := env.engine.Check(context.Background(), diagnose.Query{Kind: diagnose.KindTxHash, Ref: hash.Hex(), Raw: hash.Hex()}, diagnose.CheckOptions{})
	var na *diagnose.NoAnswerError
	if err == nil || !asNoAnswer(err, &na) {
		t.Fatalf("err = %v, want NoAnswerError", err)
	}
	if rep == nil || rep.Status != diagnose.StatusUnknown || rep.Searched[0].Fault != "server_error" {
		t.Fatalf("report = %+v", rep)
	}
	if !strings.Contains(err.Error(), "check your internet connection") {
		t.Errorf("message not plain: %q", err.Error())
	}
}
