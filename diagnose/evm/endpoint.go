package evm

import (
	"context"
	"strconv"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// behindLimit is how many blocks behind the public endpoints an endpoint
// may be before a wallet using it shows stale balances and nonces.
const behindLimit = 10

type headState struct{ chainID, head uint64 }

// Endpoint checks a custom endpoint: chain id against the claim (0 = no
// claim), head against the registry's public endpoints for that chain,
// latency, the batch size it takes, the calls a check needs, and how old
// a state it serves. Every probe is a bounded, read-only call; public
// endpoints are asked only for their head. A cancelled ctx gives
// ctx.Err(), never a report.
func (e *Backend) Endpoint(ctx context.Context, endpoint string, claimed uint64) (*diagnose.EndpointReport, error) {
	if err := noderpc.CheckURL(endpoint); err != nil {
		return nil, err
	}
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	rep := &diagnose.EndpointReport{Endpoint: noderpc.Redact(endpoint), ClaimedChainID: claimed, Findings: []diagnose.Finding{}, Problems: []string{}, Searched: []diagnose.Searched{}}
	type refResult struct {
		head  uint64
		tries []diagnose.Attempt[headState]
		ok    bool
		asked bool
	}
	refs := make(chan refResult, 1)
	startRef := func(id uint64) {
		c, ok := e.reg.ByID(id)
		if !ok || len(c.Endpoints) == 0 || len(e.cfg.Endpoints) > 0 {
			refs <- refResult{}
			return
		}
		go func() {
			tries := diagnose.Race(ctx, c.Endpoints, func(ctx context.Context, ep string) (headState, int, *noderpc.Error) {
				return e.askHead(ctx, ep)
			}, nil)
			best, ok := diagnose.FirstSound(tries)
			refs <- refResult{head: best.Value.head, tries: tries, ok: ok, asked: true}
		}()
	}
	if claimed != 0 {
		startRef(claimed)
	}
	began := time.Now()
	pr, n, ferr := e.probe(ctx, endpoint)
	rep.LatencyMS = time.Since(began).Milliseconds()
	if parent.Err() != nil {
		return nil, parent.Err()
	}
	row := diagnose.Searched{Endpoint: rep.Endpoint, LatencyMS: rep.LatencyMS, Requests: n, Result: "found"}
	if ferr != nil {
		rep.Fault, rep.Error = string(ferr.Fault), ferr.Reason
		row.Result, row.Fault, row.Error = "error", rep.Fault, rep.Error
		rep.Searched = append(rep.Searched, row)
		rep.Add(diagnose.CodeRPCDegraded, diagnose.SevError, map[string]string{"variant": "endpoint_unreachable",
			"reason": ferr.Reason, "fault_zh": ferr.Fault.WordsZH()})
		if claimed != 0 {
			<-refs
		}
		return rep, nil
	}
	rep.Reachable, rep.ChainID, rep.Head = true, pr.chainID, pr.head
	rep.Chain = e.reg.Name(pr.chainID)
	rep.BatchCap, rep.BatchRefused, rep.Archive = pr.batchCap, pr.batchRefused, pr.archive
	rep.UsableByCheck = pr.unusable == nil
	row.ChainID, row.Chain = pr.chainID, rep.Chain
	rep.Searched = append(rep.Searched, row)
	if claimed == 0 {
		startRef(pr.chainID)
	} else {
		match := claimed == pr.chainID
		rep.ChainMatches = &match
		if !match {
			rep.Add(diagnose.CodeWrongChain, diagnose.SevError, map[string]string{"variant": "endpoint",
				"chain": rep.Chain, "chain_id": strconv.FormatUint(pr.chainID, 10),
				"claimed": e.reg.Name(claimed), "claimed_id": strconv.FormatUint(claimed, 10)})
		}
	}
	if pr.unusable != nil {
		rep.Add(diagnose.CodeRPCDegraded, diagnose.SevError, map[string]string{"variant": "endpoint_unusable",
			"method": pr.unusableMethod, "reason": pr.unusable.Reason, "fault_zh": pr.unusable.Fault.WordsZH()})
	}
	ref := <-refs
	refChain, _ := e.reg.ByID(firstNonZero(claimed, pr.chainID))
	for _, t := range ref.tries {
		rep.Searched = append(rep.Searched, t.Row(refChain.ID, refChain.Name, t.Err == nil))
	}
	switch {
	case ref.ok && (claimed == 0 || claimed == pr.chainID):
		rep.FreshnessChecked = true
		rep.ReferenceHead = ref.head
		behind := int64(ref.head) - int64(pr.head)
		rep.BlocksBehind = &behind
		if behind > behindLimit {
			rep.Add(diagnose.CodeRPCDegraded, diagnose.SevWarn, map[string]string{"variant": "endpoint_behind", "behind": strconv.FormatInt(behind, 10)})
		}
	case ref.asked && (claimed == 0 || claimed == pr.chainID):
		// Public endpoints exist but none answered: not known to be fresh.
		rep.Add(diagnose.CodeRPCDegraded, diagnose.SevWarn, map[string]string{"variant": "endpoint_freshness_unknown", "chain": rep.Chain})
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

func (e *Backend) askHead(ctx context.Context, endpoint string) (headState, int, *noderpc.Error) {
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
