package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/evm"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// fleetChains is how many fake chains the parallel search is measured on.
const fleetChains = 16

// slowFactor is how much slower than R each chain's slow endpoint is.
const slowFactor = 10

// fleet is 16 anvils, each a fake chain with id 1000+i, and the hash of a
// transfer mined on the last one.
type fleet struct {
	nodes []*anvil
	hash  common.Hash
}

func startFleet(ctx context.Context, bin string) (*fleet, error) {
	f := &fleet{nodes: make([]*anvil, fleetChains)}
	errs := make([]error, fleetChains)
	var wg sync.WaitGroup
	slots := make(chan struct{}, 4) // 16 at once starve 2 cores
	for i := range f.nodes {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			f.nodes[i], errs[i] = startAnvil(ctx, bin, uint64(1000+i), false)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		f.close()
		return nil, err
	}
	last := f.nodes[fleetChains-1]
	h, err := last.send(ctx, map[string]any{"from": last.accs[0], "to": last.accs[1], "value": (*hexutil.Big)(big.NewInt(1e18))})
	if err != nil {
		f.close()
		return nil, err
	}
	f.hash = h
	return f, nil
}

func (f *fleet) close() {
	for _, n := range f.nodes {
		if n != nil {
			n.close()
		}
	}
}

// fleetRow is the parallel search at one delay: one chain against sixteen.
type fleetRow struct {
	r                    time.Duration
	what                 string
	one, all             time.Duration
	maxReqPerEndpoint    int
	slowEndpointsAnswers int // verdicts that waited for a slow endpoint
}

// search measures a search of one chain and of all sixteen, each chain
// behind two endpoints delayed by R and one delayed by slowFactor × R.
func (b *bench) search(ctx context.Context, f *fleet, r time.Duration) ([]fleetRow, error) {
	reg := chains.MustDefault()
	var all, last []string
	var eps []*delayed
	defer func() {
		for _, ep := range eps {
			ep.Close()
		}
	}()
	for i, n := range f.nodes {
		var urls []string
		for _, d := range []time.Duration{slowFactor * r, r, r} {
			ep, err := newDelayed(n.url, d)
			if err != nil {
				return nil, err
			}
			eps = append(eps, ep)
			urls = append(urls, ep.URL())
		}
		id := uint64(1000 + i)
		reg = reg.With(chains.Chain{ID: id, Name: "Bench " + strconv.FormatUint(id, 10), Symbol: "ETH", Endpoints: urls})
		all, last = append(all, urls...), urls
	}
	var rows []fleetRow
	for _, c := range []struct {
		what   string
		hash   common.Hash
		status diagnose.Status
	}{
		{"found on one chain", f.hash, diagnose.StatusSuccess},
		{"found on no chain", crypto.Keccak256Hash([]byte("unstuck bench: nowhere")), diagnose.StatusNotFound},
	} {
		row := fleetRow{r: r, what: c.what}
		var ones, alls []time.Duration
		for i := 0; i < b.n; i++ {
			for _, set := range []struct {
				eps []string
				out *[]time.Duration
			}{{last, &ones}, {all, &alls}} {
				before := requestsOf(eps)
				d, rep, err := checkLoopback(ctx, reg, set.eps, c.hash)
				if err != nil {
					return nil, fmt.Errorf("search %s (%d endpoints): %w", c.what, len(set.eps), err)
				}
				if rep.Status != c.status {
					return nil, fmt.Errorf("search %s: status %s, want %s", c.what, rep.Status, c.status)
				}
				after := requestsOf(eps)
				for k := range eps {
					row.maxReqPerEndpoint = max(row.maxReqPerEndpoint, after[k]-before[k])
				}
				if d >= slowFactor*r {
					row.slowEndpointsAnswers++
				}
				*set.out = append(*set.out, d)
			}
		}
		row.one, row.all = median(ones), median(alls)
		rows = append(rows, row)
	}
	return rows, nil
}

func requestsOf(eps []*delayed) []int {
	out := make([]int, len(eps))
	for i, ep := range eps {
		out[i] = ep.Requests()
	}
	return out
}

// checkLoopback runs one check with an HTTP client that can only dial
// loopback, so that no registry chain's public endpoint is ever reached.
func checkLoopback(ctx context.Context, reg *chains.Registry, endpoints []string, hash common.Hash) (time.Duration, *diagnose.Report, error) {
	hc := noderpc.NewHTTPClient()
	tr, ok := hc.Transport.(*http.Transport)
	if !ok {
		return 0, nil, errors.New("noderpc's transport is not an *http.Transport")
	}
	dial := tr.DialContext
	tr.Proxy = nil
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err != nil || !net.ParseIP(host).IsLoopback() {
			return nil, fmt.Errorf("bench refuses to dial %s: loopback only", addr)
		}
		return dial(ctx, network, addr)
	}
	eng, err := evm.New(evm.Config{Registry: reg, Endpoints: endpoints, HTTP: hc, Timeout: 30 * time.Second})
	if err != nil {
		return 0, nil, err
	}
	began := time.Now()
	rep, err := eng.Check(ctx, diagnose.Query{Kind: diagnose.KindTxHash, Ref: hash.Hex(), Raw: hash.Hex()}, diagnose.CheckOptions{})
	return time.Since(began), rep, err
}
