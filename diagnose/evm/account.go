package evm

import (
	"context"
	"fmt"
	"math/big"
	"sort"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

type accountState struct {
	chainID         uint64
	latest, pending uint64
	balance         *big.Int
	code            []byte
}

// Account looks an address up on every chain at once: one round trip per
// endpoint (chain id, nonces, balance, code).
func (e *Backend) account(ctx context.Context, addr common.Address) (*diagnose.AccountReport, error) {
	ctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	rep := &diagnose.AccountReport{Input: addr.Hex(), Address: addr.Hex(), Chains: []diagnose.AccountChain{}, Findings: []diagnose.Finding{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, g := range e.groups(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tries := diagnose.Race(ctx, g.endpoints, func(ctx context.Context, ep string) (accountState, int, *noderpc.Error) {
				return e.askAccount(ctx, g, ep, addr)
			}, nil)
			best, ok := diagnose.FirstSound(tries)
			mu.Lock()
			defer mu.Unlock()
			chain := e.chainOf(best.Value.chainID, g)
			for _, t := range tries {
				rep.Searched = append(rep.Searched, t.Row(chain.ID, chain.Name, ok && t.Endpoint == best.Endpoint))
			}
			if ok {
				rep.Chains = append(rep.Chains, accountChain(chain.ID, chain.Name, chain.Symbol, chain.AddressURL(addr.Hex()), best.Value))
			}
		}()
	}
	wg.Wait()
	sort.Slice(rep.Chains, func(i, j int) bool { return rep.Chains[i].ChainID < rep.Chains[j].ChainID })
	for _, c := range rep.Chains {
		if c.Delegate != "" {
			rep.Findings = append(rep.Findings, diagnose.NewFinding(diagnose.CodeDelegatedAccount, diagnose.SevWarn,
				map[string]string{"account": addr.Hex(), "delegate": c.Delegate, "chain": c.Chain}))
		}
	}
	if len(rep.Chains) == 0 {
		return rep, &diagnose.NoAnswerError{Searched: rep.Searched}
	}
	return rep, nil
}

func accountChain(id uint64, name, symbol, url string, s accountState) diagnose.AccountChain {
	c := diagnose.AccountChain{ChainID: id, Chain: name, Symbol: symbol, LatestNonce: s.latest, PendingNonce: s.pending,
		BalanceWei: s.balance.String(), Balance: diagnose.FormatUnits(s.balance, diagnose.WeiDecimals), ExplorerURL: url}
	if s.pending > s.latest {
		c.Waiting = s.pending - s.latest
	}
	if delegate, ok := delegateOf(s.code); ok {
		c.Delegate = delegate.Hex()
	} else {
		c.IsContract = len(s.code) > 0
	}
	c.Active = s.latest > 0 || s.pending > 0 || s.balance.Sign() > 0 || len(s.code) > 0
	return c
}

func (e *Backend) askAccount(ctx context.Context, g group, endpoint string, addr common.Address) (accountState, int, *noderpc.Error) {
	var st accountState
	calls := []*noderpc.Call{
		noderpc.NewCall("eth_chainId"),
		noderpc.NewCall("eth_getTransactionCount", addr, "latest"),
		noderpc.NewCall("eth_getTransactionCount", addr, "pending"),
		noderpc.NewCall("eth_getBalance", addr, "latest"),
		noderpc.NewCall("eth_getCode", addr, "latest"),
	}
	n, fault := e.askAll(ctx, endpoint, calls)
	if fault != nil {
		return st, n, fault
	}
	var derr error
	if st.chainID, derr = decodeUint(calls[0].Result); derr != nil {
		return st, n, malformed("eth_chainId", derr)
	}
	if g.known && st.chainID != g.chain.ID {
		return st, n, &noderpc.Error{Fault: noderpc.FaultWrongChain,
			Reason: fmt.Sprintf("the endpoint is on chain %d, not %s (%d)", st.chainID, g.chain.Name, g.chain.ID)}
	}
	if st.latest, derr = decodeUint(calls[1].Result); derr != nil {
		return st, n, malformed("eth_getTransactionCount", derr)
	}
	if st.pending, derr = decodeUint(calls[2].Result); derr != nil {
		return st, n, malformed("eth_getTransactionCount", derr)
	}
	if st.balance, derr = decodeBig(calls[3].Result); derr != nil {
		return st, n, malformed("eth_getBalance", derr)
	}
	if st.code, derr = decodeBytes(calls[4].Result); derr != nil {
		return st, n, malformed("eth_getCode", derr)
	}
	return st, n, nil
}

// askAll sends one batch to an endpoint where every call must succeed: a
// per-call error is a fault of the endpoint. It returns the requests sent.
func (e *Backend) askAll(ctx context.Context, endpoint string, calls []*noderpc.Call) (int, *noderpc.Error) {
	c, err := e.dial(ctx, endpoint)
	if err != nil {
		return 0, &noderpc.Error{Fault: noderpc.FaultHTTP, Reason: "the endpoint address is not usable", Err: err}
	}
	if err := c.Batch(ctx, calls); err != nil {
		return c.Requests(), noderpc.Dialect(dialect).Classify(err)
	}
	for _, call := range calls {
		if call.Err != nil {
			return c.Requests(), callFault(call.Err, call.Method)
		}
	}
	return c.Requests(), nil
}
