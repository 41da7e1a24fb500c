package diagnose

import (
	"context"
	"fmt"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// EndpointReport is the health of a custom RPC endpoint, as a wallet user
// would put it in "Add network": does it answer, is it the chain it claims,
// is it up to date, how fast is it.
type EndpointReport struct {
	Endpoint       string     `json:"endpoint"`
	OK             bool       `json:"ok"`
	Reachable      bool       `json:"reachable"`
	ChainID        uint64     `json:"chain_id,omitempty"`
	Chain          string     `json:"chain,omitempty"`
	ClaimedChainID uint64     `json:"claimed_chain_id,omitempty"`
	ChainMatches   *bool      `json:"chain_matches,omitempty"`
	Head           uint64     `json:"head,omitempty"`
	ReferenceHead  uint64     `json:"reference_head,omitempty"`
	BlocksBehind   *int64     `json:"blocks_behind,omitempty"`
	LatencyMS      int64      `json:"latency_ms"`
	Fault          string     `json:"fault,omitempty"`
	Error          string     `json:"error,omitempty"`
	Problems       []string   `json:"problems"`
	Searched       []Searched `json:"searched"`
}

// behindLimit is how many blocks behind the public endpoints an endpoint
// may be before a wallet using it shows stale balances and nonces.
const behindLimit = 10

type headState struct{ chainID, head uint64 }

// Endpoint checks a custom endpoint: chain id against the claim (0 = no
// claim), head against the registry's public endpoints for that chain,
// and latency. Public endpoints are asked only for their head.
func (e *Engine) Endpoint(ctx context.Context, endpoint string, claimed uint64) (*EndpointReport, error) {
	if err := noderpc.CheckURL(endpoint); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	rep := &EndpointReport{Endpoint: noderpc.Redact(endpoint), ClaimedChainID: claimed, Problems: []string{}, Searched: []Searched{}}
	// Ask the reference endpoints at the same time when the claim is known.
	type refResult struct {
		head  uint64
		tries []attempt[headState]
		ok    bool
	}
	refs := make(chan refResult, 1)
	startRef := func(id uint64) {
		c, ok := e.reg.ByID(id)
		if !ok || len(c.Endpoints) == 0 || len(e.cfg.Endpoints) > 0 {
			refs <- refResult{}
			return
		}
		go func() {
			best, tries, ok := firstSound(ctx, c.Endpoints, func(ctx context.Context, ep string) (headState, int, *noderpc.Error) {
				return e.askHead(ctx, ep)
			})
			refs <- refResult{head: best.value.head, tries: tries, ok: ok}
		}()
	}
	if claimed != 0 {
		startRef(claimed)
	}
	began := time.Now()
	st, n, ferr := e.askHead(ctx, endpoint)
	rep.LatencyMS = time.Since(began).Milliseconds()
	row := Searched{Endpoint: rep.Endpoint, LatencyMS: rep.LatencyMS, Requests: n, Result: "found"}
	if ferr != nil {
		rep.Fault, rep.Error = string(ferr.Fault), ferr.Reason
		row.Result, row.Fault, row.Error = "error", rep.Fault, rep.Error
		rep.Searched = append(rep.Searched, row)
		rep.Problems = append(rep.Problems, ferr.Reason)
		if claimed != 0 {
			<-refs
		}
		return rep, nil
	}
	rep.Reachable, rep.ChainID, rep.Head = true, st.chainID, st.head
	rep.Chain = e.reg.Name(st.chainID)
	row.ChainID, row.Chain = st.chainID, rep.Chain
	rep.Searched = append(rep.Searched, row)
	if claimed == 0 {
		startRef(st.chainID)
	} else {
		match := claimed == st.chainID
		rep.ChainMatches = &match
		if !match {
			rep.Problems = append(rep.Problems, fmt.Sprintf("it is on chain %d (%s), not %s (%d): a wallet would refuse it or sign for the wrong network",
				st.chainID, e.reg.Name(st.chainID), e.reg.Name(claimed), claimed))
		}
	}
	ref := <-refs
	refChain, _ := e.reg.ByID(firstNonZero(claimed, st.chainID))
	for _, t := range ref.tries {
		rep.Searched = append(rep.Searched, searchedRow(refChain.ID, refChain.Name, t, t.err == nil))
	}
	if ref.ok && (claimed == 0 || claimed == st.chainID) {
		rep.ReferenceHead = ref.head
		behind := int64(ref.head) - int64(st.head)
		rep.BlocksBehind = &behind
		if behind > behindLimit {
			rep.Problems = append(rep.Problems, fmt.Sprintf("it is %d blocks behind the public endpoints: balances and nonces it shows are out of date", behind))
		}
	}
	rep.OK = len(rep.Problems) == 0
	return rep, nil
}

func firstNonZero(a, b uint64) uint64 {
	if a != 0 {
		return a
	}
	return b
}

func (e *Engine) askHead(ctx context.Context, endpoint string) (headState, int, *noderpc.Error) {
	var st headState
	calls := []*noderpc.Call{noderpc.NewCall("eth_chainId"), noderpc.NewCall("eth_blockNumber")}
	n, fault := e.askAll(ctx, endpoint, calls)
	if fault != nil {
		return st, n, fault
	}
	var derr error
	if st.chainID, derr = decodeUint(calls[0].Result); derr != nil {
		return st, n, malformed("eth_chainId", derr)
	}
	if st.head, derr = decodeUint(calls[1].Result); derr != nil {
		return st, n, malformed("eth_blockNumber", derr)
	}
	return st, n, nil
}
