package evm

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// The endpoint probe: two rounds of bounded, read-only calls about no one
// in particular (the zero hash and the zero address).
const (
	probeBatch   = 10      // the most calls a check puts in one request
	recentDepth  = 128     // a full node's state
	archiveDepth = 100_000 // about two weeks of Ethereum blocks: archive territory
)

// Archive answers.
const (
	archiveFull    = "full"
	archiveRecent  = "recent"
	archiveNone    = "none"
	archiveUnknown = "unknown"
)

// probeResult is what the probe learnt.
type probeResult struct {
	chainID, head  uint64
	batchCap       int
	batchRefused   bool
	unusable       *noderpc.Error // a call check needs was refused
	unusableMethod string
	archive        string
}

// probe asks, in one round, the calls a check makes (chain id, head, a
// transaction and its receipt, fees, balance, nonce, code) as one batch of
// probeBatch, which tells the batch size the endpoint takes; then, in a
// second round, the zero address's balance recentDepth and archiveDepth
// blocks back, which tells how old a state it serves.
func (e *Backend) probe(ctx context.Context, endpoint string) (probeResult, int, *noderpc.Error) {
	var pr probeResult
	c, err := noderpc.Dial(ctx, endpoint, noderpc.Options{HTTP: e.http, MaxBody: e.cfg.MaxBody, Cap: probeBatch, Dialect: dialect})
	if err != nil {
		return pr, 0, &noderpc.Error{Fault: noderpc.FaultHTTP, Reason: "the endpoint address is not usable", Err: err}
	}
	defer c.Close()
	var zeroHash common.Hash
	var zero common.Address
	calls := []*noderpc.Call{
		noderpc.NewCall("eth_chainId"),
		noderpc.NewCall("eth_blockNumber"),
		noderpc.NewCall("eth_getTransactionByHash", zeroHash),
		noderpc.NewCall("eth_getTransactionReceipt", zeroHash),
		noderpc.NewCall("eth_getTransactionCount", zero, "latest"),
		noderpc.NewCall("eth_getTransactionCount", zero, "pending"),
		noderpc.NewCall("eth_getBalance", zero, "latest"),
		noderpc.NewCall("eth_getCode", zero, "latest"),
		noderpc.NewCall("eth_feeHistory", feeHistoryBlocks, "latest", []float64{10, 50, 90}),
		noderpc.NewCall("eth_gasPrice"),
	}
	if err := c.Batch(ctx, calls); err != nil {
		return pr, c.Requests(), noderpc.Dialect(dialect).Classify(err)
	}
	pr.batchCap, pr.batchRefused = c.Cap(), c.Cap() < probeBatch
	for _, i := range []int{0, 1} {
		if calls[i].Err != nil {
			return pr, c.Requests(), callFault(calls[i].Err, calls[i].Method)
		}
	}
	var derr error
	if pr.chainID, derr = decodeUint(calls[0].Result); derr != nil {
		return pr, c.Requests(), malformed("eth_chainId", derr)
	}
	if pr.head, derr = decodeUint(calls[1].Result); derr != nil {
		return pr, c.Requests(), malformed("eth_blockNumber", derr)
	}
	// The calls a check cannot do without (fee data is a nicety).
	for _, call := range calls[2:8] {
		if call.Err != nil {
			pr.unusable, pr.unusableMethod = callFault(call.Err, call.Method), call.Method
			break
		}
	}
	pr.archive = e.probeState(ctx, c, pr.head)
	return pr, c.Requests(), nil
}

// probeState asks for old state: full, recent, none or unknown.
func (e *Backend) probeState(ctx context.Context, c *noderpc.Client, head uint64) string {
	var zero common.Address
	back := func(depth uint64) string {
		if head > depth {
			return blockTag(head - depth)
		}
		return blockTag(0)
	}
	recent := noderpc.NewCall("eth_getBalance", zero, back(recentDepth))
	deep := noderpc.NewCall("eth_getBalance", zero, back(archiveDepth))
	if c.Batch(ctx, []*noderpc.Call{recent, deep}) != nil {
		return archiveUnknown
	}
	refused := func(call *noderpc.Call) (bool, bool) { // refused, a clear answer
		if call.Err == nil {
			_, err := decodeBig(call.Result)
			return false, err == nil
		}
		f := callFault(call.Err, call.Method)
		return f.Fault == noderpc.FaultNoState, f.Fault == noderpc.FaultNoState
	}
	rRefused, rClear := refused(recent)
	dRefused, dClear := refused(deep)
	switch {
	case !dRefused && dClear:
		return archiveFull
	case !rRefused && rClear && dRefused:
		return archiveRecent
	case rRefused && dRefused:
		return archiveNone
	}
	return archiveUnknown
}
