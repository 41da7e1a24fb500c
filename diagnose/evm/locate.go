package evm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// senderFor says whose nonces to ask in batch 1 on a chain, when the
// sender is known before the transaction is (from --from or memory).
type senderFor func(chainID uint64, known bool) *common.Address

// feeHistoryBlocks is how many recent blocks eth_feeHistory describes.
const feeHistoryBlocks = "0x5"

// locate sends the first round trip: chain id, the transaction, its
// receipt, the head, fee history and gas price (and the sender's nonces
// when the sender is already known).
func (e *Backend) locate(ctx context.Context, g group, endpoint string, hash common.Hash, sender senderFor) *answer {
	a := &answer{endpoint: endpoint}
	began := time.Now()
	defer func() { a.latency = time.Since(began) }()
	c, err := e.dial(ctx, endpoint)
	if err != nil {
		a.err = &noderpc.Error{Fault: noderpc.FaultHTTP, Reason: "the endpoint address is not usable", Err: err}
		return a
	}
	a.client = c
	calls := []*noderpc.Call{
		noderpc.NewCall("eth_chainId"),
		noderpc.NewCall("eth_getTransactionByHash", hash),
		noderpc.NewCall("eth_getTransactionReceipt", hash),
		noderpc.NewCall("eth_blockNumber"),
		noderpc.NewCall("eth_feeHistory", feeHistoryBlocks, "latest", []float64{10, 50, 90}),
		noderpc.NewCall("eth_gasPrice"),
	}
	from := sender(g.chain.ID, g.known)
	if from != nil {
		calls = append(calls,
			noderpc.NewCall("eth_getTransactionCount", *from, "latest"),
			noderpc.NewCall("eth_getTransactionCount", *from, "pending"))
	}
	if err := c.Batch(ctx, calls); err != nil {
		a.err = noderpc.Dialect(dialect).Classify(err)
		return a
	}
	f, ferr := e.parseLocate(g, calls, hash, from)
	if ferr != nil {
		a.err = ferr
		return a
	}
	f.Endpoint = endpoint
	a.facts = f
	return a
}

func (e *Backend) parseLocate(g group, calls []*noderpc.Call, hash common.Hash, from *common.Address) (*Facts, *noderpc.Error) {
	// Chain id first: an answer from the wrong chain is worth nothing.
	if calls[0].Err != nil {
		return nil, callFault(calls[0].Err, "eth_chainId")
	}
	id, err := decodeUint(calls[0].Result)
	if err != nil {
		return nil, malformed("eth_chainId", err)
	}
	if g.known && id != g.chain.ID {
		return nil, &noderpc.Error{Fault: noderpc.FaultWrongChain,
			Reason: fmt.Sprintf("the endpoint is on chain %d (%s), not %s (%d)", id, e.reg.Name(id), g.chain.Name, g.chain.ID)}
	}
	f := &Facts{Hash: hash, Chain: e.chainOf(id, g)}
	for _, i := range []int{1, 3} {
		if calls[i].Err != nil {
			return nil, callFault(calls[i].Err, calls[i].Method)
		}
	}
	if f.Tx, err = decodeTx(calls[1].Result, hash); err != nil {
		return nil, decodeFault("eth_getTransactionByHash", err)
	}
	// A transaction still in the pool has no receipt. geth answers the
	// receipt lookup of a pooled transaction with "indexing in progress"
	// while its indexer runs: that is not a fault when the pool has it.
	pooled := f.Tx != nil && f.Tx.BlockNumber == nil
	switch {
	case calls[2].Err != nil && !pooled:
		return nil, callFault(calls[2].Err, calls[2].Method)
	case calls[2].Err == nil:
		if f.Receipt, err = decodeReceipt(calls[2].Result, hash); err != nil {
			return nil, decodeFault("eth_getTransactionReceipt", err)
		}
	}
	if f.Head, err = decodeUint(calls[3].Result); err != nil {
		return nil, malformed("eth_blockNumber", err)
	}
	// Fee data is a nicety: a node without eth_feeHistory still answers.
	if calls[4].Err == nil && !isNull(calls[4].Result) {
		var fh nodeFeeHistory
		if json.Unmarshal(calls[4].Result, &fh) == nil {
			f.FeeHistory = &fh
		}
	}
	if calls[5].Err == nil {
		f.GasPrice, _ = decodeBig(calls[5].Result)
	}
	if from != nil {
		f.Sender = from
		f.LatestNonce = optUint(calls[6])
		f.PendingNonce = optUint(calls[7])
	}
	return f, nil
}

func (e *Backend) chainOf(id uint64, g group) chains.Chain {
	if g.known {
		return g.chain
	}
	if c, ok := e.reg.ByID(id); ok {
		return c
	}
	return chains.Chain{ID: id, Name: e.reg.Name(id)}
}

func optUint(c *noderpc.Call) *uint64 {
	if c.Err != nil {
		return nil
	}
	v, err := decodeUint(c.Result)
	if err != nil {
		return nil
	}
	return &v
}

// callFault classifies a per-call JSON-RPC error.
func callFault(err error, method string) *noderpc.Error {
	var rpcErr noderpc.CodedError
	if errors.As(err, &rpcErr) {
		f := noderpc.Dialect(dialect).ClassifyRPC(rpcErr.ErrorCode(), rpcErr.Error(), err)
		if f.Fault == noderpc.FaultRPCError {
			f.Reason = fmt.Sprintf("the endpoint returned an error for %s (code %d)", method, rpcErr.ErrorCode())
		}
		return f
	}
	return malformed(method, err)
}

func decodeFault(method string, err error) *noderpc.Error {
	var c contradiction
	if errors.As(err, &c) {
		return &noderpc.Error{Fault: noderpc.FaultContradiction, Reason: "the endpoint contradicted itself: " + string(c), Err: err}
	}
	return malformed(method, err)
}

func malformed(method string, err error) *noderpc.Error {
	return &noderpc.Error{Fault: noderpc.FaultMalformed, Reason: "the endpoint's answer to " + method + " could not be read", Err: err}
}

// blockTag formats a block number as a JSON-RPC tag.
func blockTag(n uint64) string { return hexutil.EncodeUint64(n) }
