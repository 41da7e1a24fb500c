package evm

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/internal/faultproxy"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// Engine benchmarks: HTTP requests per endpoint, allocations, and time at
// an injected delay R per request. They run only with -bench:
//
//	go test ./diagnose -run '^$' -bench . -benchtime 7x
//
// The side-by-side comparison with cast is `go run ./bench`.

// benchTx is one transaction of the benchmark fixture.
type benchTx struct {
	Name   string          `json:"name"`
	Hash   common.Hash     `json:"hash"`
	Status diagnose.Status `json:"status"`
}

// benchFixture is what the node process announces on its stdout.
type benchFixture struct {
	URL string    `json:"url"`
	Txs []benchTx `json:"txs"`
}

// benchNode starts, in a process of its own so that allocations measured
// here are the engine's alone, a simulated node holding a success, a token
// transfer, a failed swap (replayed for its reason) and a pending
// transfer; it also names a hash the node does not have.
func benchNode(b *testing.B) (string, []benchTx) {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestBenchNodeProcess$")
	cmd.Env = append(os.Environ(), "UNSTUCK_BENCH_NODE=1")
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = stdin.Close(); _ = cmd.Wait() })
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		var f benchFixture
		if json.Unmarshal(sc.Bytes(), &f) == nil && f.URL != "" {
			go func() { _, _ = io.Copy(io.Discard, stdout) }()
			return f.URL, f.Txs
		}
	}
	b.Fatalf("the node process did not start: %v", sc.Err())
	return "", nil
}

// TestBenchNodeProcess is the node process of the benchmarks, not a test:
// it serves until its stdin closes.
func TestBenchNodeProcess(t *testing.T) {
	if os.Getenv("UNSTUCK_BENCH_NODE") != "1" {
		t.Skip("the benchmarks' node process")
	}
	n, txs, err := benchTransactions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	line, err := json.Marshal(benchFixture{URL: n.URL, Txs: txs})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(string(line))
	_, _ = io.Copy(io.Discard, os.Stdin)
}

func benchTransactions(ctx context.Context) (*simnode.Node, []benchTx, error) {
	n, err := simnode.Start(0)
	if err != nil {
		return nil, nil, err
	}
	var errs []error
	must := func(err error) { errs = append(errs, err) }
	token, err := n.DeployToken(ctx, 0, "USD Coin", "USDC", 6, big.NewInt(1e12))
	must(err)
	failer, err := n.DeployFailer(ctx, 0)
	must(err)
	to := n.Addrs[1]
	ok, err := n.Mine(ctx, simnode.Tx{From: 0, To: &to, Value: ether(1)})
	must(err)
	tok, err := n.Mine(ctx, simnode.Tx{From: 0, To: &token, Data: simnode.MustCalldata("transfer", n.Addrs[2], big.NewInt(5))})
	must(err)
	failed, err := n.Mine(ctx, simnode.Tx{From: 1, To: &failer, Gas: 200_000, Data: simnode.MustCalldata("swapExpired", big.NewInt(1))})
	must(err)
	base, err := n.BaseFee(ctx)
	must(err)
	if err := errors.Join(errs...); err != nil {
		_ = n.Close()
		return nil, nil, err
	}
	feeCap := new(big.Int).Div(base, big.NewInt(2))
	pending, err := n.Send(ctx, simnode.Tx{From: 3, To: &to, Value: ether(1), FeeCap: feeCap, Tip: new(big.Int).Div(feeCap, big.NewInt(4))})
	if err != nil {
		_ = n.Close()
		return nil, nil, err
	}
	n.Commit()
	return n, []benchTx{
		{"success", ok.Hash(), diagnose.StatusSuccess},
		{"token", tok.Hash(), diagnose.StatusSuccess},
		{"failed", failed.Hash(), diagnose.StatusFailed},
		{"pending", pending.Hash(), diagnose.StatusPending},
		{"notfound", crypto.Keccak256Hash([]byte("bench: never sent")), diagnose.StatusNotFound},
	}, nil
}

func benchProxy(b *testing.B, target string, opts ...faultproxy.Option) *faultproxy.Proxy {
	b.Helper()
	p, err := faultproxy.New(target, opts...)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(p.Close)
	return p
}

// benchCheck runs one check with a fresh engine (no connection reuse, as
// in a fresh `unstuck check`) and holds it to the expected status.
func benchCheck(b *testing.B, reg *chains.Registry, endpoints []string, tx benchTx) *diagnose.Report {
	b.Helper()
	e, err := New(Config{Registry: reg, Endpoints: endpoints, Timeout: 30 * time.Second})
	if err != nil {
		b.Fatal(err)
	}
	rep, err := e.Check(context.Background(), diagnose.Query{Kind: diagnose.KindTxHash, Ref: tx.Hash.Hex(), Raw: tx.Hash.Hex()}, diagnose.CheckOptions{})
	if err != nil {
		b.Fatalf("%s: %v", tx.Name, err)
	}
	if rep.Status != tx.Status {
		b.Fatalf("%s: status %s, want %s", tx.Name, rep.Status, tx.Status)
	}
	return rep
}

// BenchmarkCheck is one diagnosis without delay, straight to the node:
// the engine's own cost in time and allocations (the node runs in another
// process), and the HTTP requests it counted per endpoint.
func BenchmarkCheck(b *testing.B) {
	node, txs := benchNode(b)
	reg := chains.MustDefault()
	for _, tx := range txs {
		b.Run(tx.Name, func(b *testing.B) {
			b.ReportAllocs()
			worst := 0
			for b.Loop() {
				rep := benchCheck(b, reg, []string{node}, tx)
				for _, s := range rep.Searched {
					worst = max(worst, s.Requests)
				}
			}
			b.ReportMetric(float64(worst), "req/endpoint")
			if worst > 2 {
				b.Errorf("%s cost %d HTTP requests at one endpoint, want ≤ 2", tx.Name, worst)
			}
		})
	}
}

// BenchmarkCheckDelayed is one diagnosis with R added to every HTTP
// request; xR is the time of a diagnosis in units of R (target ≤ 2.3).
func BenchmarkCheckDelayed(b *testing.B) {
	node, txs := benchNode(b)
	reg := chains.MustDefault()
	for _, r := range []time.Duration{50 * time.Millisecond, 200 * time.Millisecond} {
		p := benchProxy(b, node, faultproxy.WithDelay(r))
		for _, tx := range txs {
			b.Run(fmt.Sprintf("%s/R=%s", tx.Name, r), func(b *testing.B) {
				for b.Loop() {
					benchCheck(b, reg, []string{p.URL()}, tx)
				}
				b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(r), "xR")
			})
		}
	}
}

// fleetChains is the number of chains of the parallel-search benchmark.
const fleetChains = 16

// BenchmarkSearch16 searches one chain, then sixteen, in each iteration:
// every chain has two endpoints delayed by R and one delayed by 10 × R,
// all in front of one simulated node whose eth_chainId each proxy
// rewrites; only the last chain has the transaction. "16/1" is the time
// of sixteen over the time of one (target ≤ 1.3).
func BenchmarkSearch16(b *testing.B) {
	node, txs := benchNode(b)
	const r = 50 * time.Millisecond
	reg := chains.MustDefault()
	var all, last []string
	var proxies []*faultproxy.Proxy
	for i := range fleetChains {
		id := uint64(1000 + i)
		opts := []faultproxy.Option{faultproxy.WithFault(faultproxy.WrongChain), faultproxy.WithChainID(id)}
		if i < fleetChains-1 {
			opts = append(opts, faultproxy.WithRewrite(hideTransactions))
		}
		var urls []string
		for _, d := range []time.Duration{10 * r, r, r} {
			p := benchProxy(b, node, append(opts, faultproxy.WithDelay(d))...)
			proxies = append(proxies, p)
			urls = append(urls, p.URL())
		}
		reg = reg.With(chains.Chain{ID: id, Name: "Bench " + strconv.FormatUint(id, 10), Symbol: "ETH", Endpoints: urls})
		all, last = append(all, urls...), urls
	}
	for _, tx := range []benchTx{txs[0], txs[4]} {
		b.Run(tx.Name, func(b *testing.B) {
			var one, sixteen time.Duration
			worst := 0
			for b.Loop() {
				began := time.Now()
				benchCheck(b, reg, last, tx)
				one += time.Since(began)
				before := requestCounts(proxies)
				began = time.Now()
				rep := benchCheck(b, reg, all, tx)
				sixteen += time.Since(began)
				for i, p := range proxies {
					worst = max(worst, p.Requests()-before[i])
				}
				if tx.Status == diagnose.StatusSuccess && (rep.Chain == nil || rep.Chain.ID != 1000+fleetChains-1) {
					b.Fatalf("found on %+v, want chain %d", rep.Chain, 1000+fleetChains-1)
				}
			}
			b.ReportMetric(float64(sixteen)/float64(one), "16/1")
			b.ReportMetric(float64(one)/float64(b.N)/float64(r), "xR(1)")
			b.ReportMetric(float64(sixteen)/float64(b.N)/float64(r), "xR(16)")
			b.ReportMetric(float64(worst), "req/endpoint")
		})
	}
}

// hideTransactions makes a chain not have any transaction.
func hideTransactions(call faultproxy.Call, ans *faultproxy.Answer) {
	if call.Method == "eth_getTransactionByHash" || call.Method == "eth_getTransactionReceipt" {
		ans.Result = json.RawMessage("null")
	}
}

func requestCounts(ps []*faultproxy.Proxy) []int {
	out := make([]int, len(ps))
	for i, p := range ps {
		out[i] = p.Requests()
	}
	return out
}
