package tron

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
	"github.com/unstuck-dev/unstuck/diagnose/restjson"
)

// HTTP API paths unstuck calls. All are read-only.
const (
	pathTx          = "/wallet/gettransactionbyid"
	pathInfo        = "/wallet/gettransactioninfobyid"
	pathSolidInfo   = "/walletsolidity/gettransactioninfobyid"
	pathNowBlock    = "/wallet/getnowblock"
	pathPending     = "/wallet/gettransactionfrompending"
	pathAccount     = "/wallet/getaccount"
	pathResource    = "/wallet/getaccountresource"
	pathParams      = "/wallet/getchainparameters"
	pathConstant    = "/wallet/triggerconstantcontract"
	selBlacklisted  = "isBlackListed(address)"
	selBalanceOf    = "balanceOf(address)"
	trc20TransferID = "a9059cbb"
)

// endpoint is one HTTP API base URL's client.
type endpoint struct{ c *restjson.Client }

func (e *endpoint) requests() int { return e.c.Requests() }

// call posts body to path and decodes the answer into out. Every failure
// comes back as a *noderpc.Error.
func (e *endpoint) call(ctx context.Context, path string, body, out any) *noderpc.Error {
	b, err := e.c.Post(ctx, path, body)
	if err != nil {
		return transportFault(err)
	}
	if err := readAnswer(path, b, out); err != nil {
		return noderpc.Classify(err)
	}
	return nil
}

// transportFault classifies a failed request. TronGrid answers a client it
// has suspended with HTTP 403 for about 30 seconds: that is a rate limit.
func transportFault(err error) *noderpc.Error {
	var se *restjson.StatusError
	if errors.As(err, &se) && se.HTTP.StatusCode == http.StatusForbidden {
		low := strings.ToLower(string(bytes.TrimSpace(se.HTTP.Body)))
		if low == "" || strings.Contains(low, "limit") || strings.Contains(low, "suspend") {
			return &noderpc.Error{Fault: noderpc.FaultRateLimited, RetryAfter: banWait,
				Reason: "the endpoint is rate-limiting requests (HTTP 403, suspended for about 30 s)"}
		}
	}
	if errors.As(err, &se) {
		return se.Fault()
	}
	return noderpc.Classify(err)
}

// parallel runs calls at once and returns the first fault, if any.
func parallel(calls ...func() *noderpc.Error) *noderpc.Error {
	errs := make([]*noderpc.Error, len(calls))
	var wg sync.WaitGroup
	for i, c := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = c()
		}()
	}
	wg.Wait()
	for _, e := range errs {
		if e != nil && e.Fault != noderpc.FaultCancelled {
			return e
		}
	}
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// round1 asks for the transaction, its info (full and solidified) and the
// head block, all at once.
func (e *endpoint) round1(ctx context.Context, txid string, f *txFacts) *noderpc.Error {
	var tx txAnswer
	var info, solid infoAnswer
	var head blockAnswer
	q := map[string]any{"value": txid}
	err := parallel(
		func() *noderpc.Error { return e.call(ctx, pathTx, q, &tx) },
		func() *noderpc.Error { return e.call(ctx, pathInfo, q, &info) },
		func() *noderpc.Error { return e.call(ctx, pathSolidInfo, q, &solid) },
		func() *noderpc.Error { return e.call(ctx, pathNowBlock, map[string]any{}, &head) },
	)
	if err != nil {
		return err
	}
	if head.BlockHeader.RawData.Number <= 0 {
		return &noderpc.Error{Fault: noderpc.FaultMalformed, Reason: "the endpoint did not say which block is the latest"}
	}
	f.HeadNumber, f.HeadTimeMS = head.BlockHeader.RawData.Number, head.BlockHeader.RawData.Timestamp
	if !tx.empty() {
		f.Tx = &tx
	}
	if !info.empty() {
		f.Info = &info
	}
	f.Solidified = !solid.empty()
	return nil
}

// round2 asks what the verdict needs, all at once: the pending pool when
// nothing was found; the sender's and recipient's accounts, the sender's
// resources, the chain's prices and Tether's blacklist otherwise. A fault
// here does not undo round 1: it becomes a note in the report.
func (e *endpoint) round2(ctx context.Context, f *txFacts, need needs) *noderpc.Error {
	var calls []func() *noderpc.Error
	if need.pending {
		calls = append(calls, func() *noderpc.Error {
			var p txAnswer
			if err := e.call(ctx, pathPending, map[string]any{"value": f.TxID}, &p); err != nil {
				return err
			}
			if !p.empty() {
				f.Pending = &p
			}
			return nil
		})
	}
	if need.owner != nil {
		calls = append(calls, func() *noderpc.Error {
			a, err := e.account(ctx, *need.owner)
			f.Owner = a
			return err
		})
	}
	if need.recipient != nil {
		calls = append(calls, func() *noderpc.Error {
			a, err := e.account(ctx, *need.recipient)
			f.Recipient = a
			return err
		})
	}
	if need.resources != nil {
		calls = append(calls, func() *noderpc.Error {
			var r resourceAnswer
			if err := e.call(ctx, pathResource, map[string]any{"address": need.resources.Hex()}, &r); err != nil {
				return err
			}
			f.Resources = &r
			return nil
		})
	}
	if need.params {
		calls = append(calls, func() *noderpc.Error {
			p, err := e.params(ctx)
			f.Params = p
			return err
		})
	}
	if need.blacklist != nil {
		calls = append(calls, func() *noderpc.Error {
			v, err := e.constantBool(ctx, f.Network.USDT, selBlacklisted, *need.blacklist)
			f.Blacklisted = v
			return err
		})
	}
	return parallel(calls...)
}

// account asks getaccount; nil with no error means the account does not
// exist (not activated).
func (e *endpoint) account(ctx context.Context, a Address) (*accountAnswer, *noderpc.Error) {
	var out accountAnswer
	if err := e.call(ctx, pathAccount, map[string]any{"address": a.Hex()}, &out); err != nil {
		return nil, err
	}
	if out.empty() {
		return nil, nil
	}
	return &out, nil
}

// params asks getchainparameters and keeps the values as a map.
func (e *endpoint) params(ctx context.Context) (map[string]int64, *noderpc.Error) {
	var p paramsAnswer
	if err := e.call(ctx, pathParams, map[string]any{}, &p); err != nil {
		return nil, err
	}
	m := make(map[string]int64, len(p.ChainParameter))
	for _, kv := range p.ChainParameter {
		m[kv.Key] = kv.Value
	}
	return m, nil
}

// constantWord runs a read-only contract call fn(address) from the
// address itself and returns the first 32-byte word of its result.
func (e *endpoint) constantWord(ctx context.Context, contract Address, fn string, arg Address) ([]byte, *noderpc.Error) {
	var out constantAnswer
	body := map[string]any{"owner_address": arg.Hex(), "contract_address": contract.Hex(),
		"function_selector": fn, "parameter": arg.word()}
	if err := e.call(ctx, pathConstant, body, &out); err != nil {
		return nil, err
	}
	if !out.Result.Result || len(out.ConstantResult) == 0 {
		return nil, &noderpc.Error{Fault: noderpc.FaultRPCError, Reason: "the endpoint could not run the read-only contract call " + fn}
	}
	w, ok := decodeWord(out.ConstantResult[0])
	if !ok {
		return nil, &noderpc.Error{Fault: noderpc.FaultMalformed, Reason: "the endpoint's answer to " + fn + " could not be read"}
	}
	return w, nil
}

// constantBool is constantWord for a function that returns bool.
func (e *endpoint) constantBool(ctx context.Context, contract Address, fn string, arg Address) (*bool, *noderpc.Error) {
	w, err := e.constantWord(ctx, contract, fn, arg)
	if err != nil {
		return nil, err
	}
	v := w[31] == 1
	for _, b := range w[:31] {
		if b != 0 {
			return nil, &noderpc.Error{Fault: noderpc.FaultMalformed, Reason: "the endpoint's answer to " + fn + " is not a bool"}
		}
	}
	if w[31] > 1 {
		return nil, &noderpc.Error{Fault: noderpc.FaultMalformed, Reason: "the endpoint's answer to " + fn + " is not a bool"}
	}
	return &v, nil
}
