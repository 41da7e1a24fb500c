package bitcoin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// JSON-RPC error codes Bitcoin Core and btcd use.
const (
	rpcNotFound       = -5     // RPC_INVALID_ADDRESS_OR_KEY: no such transaction
	rpcMisc           = -1     // btcd: "Command unimplemented"
	rpcMethodNotFound = -32601 // method not found
)

// maxRemoteInputs bounds the inputs asked about in round 2.
const maxRemoteInputs = 8

// askCore asks a Bitcoin Core JSON-RPC endpoint (or btcd). Round 1 is one
// batch: getrawtransaction (verbosity as the integer 1, which btcd
// requires), getmempoolentry, getmempoolinfo, estimatesmartfee 2 and
// getblockcount. Round 2, one batch and only when needed: btcd's
// getrawmempool true and estimatefee for what it lacks, or, for a txid the
// node does not have whose inputs are remembered, gettxspendingprevout and
// gettxout.
func (b *Backend) askCore(ctx context.Context, ep endpoint, txid string, remembered []outpoint) (*facts, int, *noderpc.Error) {
	c, err := noderpc.Dial(ctx, ep.url, noderpc.Options{HTTP: b.http, MaxBody: b.cfg.MaxBody})
	if err != nil {
		return nil, 0, &noderpc.Error{Fault: noderpc.FaultHTTP, Reason: "the endpoint address is not usable", Err: err}
	}
	defer c.Close()
	calls := []*noderpc.Call{
		noderpc.NewCall("getrawtransaction", txid, 1),
		noderpc.NewCall("getmempoolentry", txid),
		noderpc.NewCall("getmempoolinfo"),
		noderpc.NewCall("estimatesmartfee", 2),
		noderpc.NewCall("getblockcount"),
	}
	if err := c.Batch(ctx, calls); err != nil {
		return nil, c.Requests(), fault(err)
	}
	f := &facts{}
	if calls[4].Err != nil {
		return nil, c.Requests(), callFault(calls[4].Err, "getblockcount")
	}
	tip, derr := strconv.ParseInt(strings.TrimSpace(string(calls[4].Result)), 10, 64)
	if derr != nil || tip < 0 {
		return nil, c.Requests(), malformed("getblockcount", errors.New("not a block height"))
	}
	f.tipHeight = tip
	if fe := readMempoolInfo(f, calls[2]); fe != nil {
		return nil, c.Requests(), fe
	}
	smartFee := readSmartFee(f, calls[3])

	if e := calls[0].Err; e != nil {
		if rpcCode(e) != rpcNotFound {
			return nil, c.Requests(), callFault(e, "getrawtransaction")
		}
		if noIndex(e.Error()) {
			return nil, c.Requests(), &noderpc.Error{Fault: noderpc.FaultNoState,
				Reason: "the node keeps no transaction index (-txindex), so it cannot look up a confirmed transaction", Err: e}
		}
		if len(remembered) > 0 {
			if fe := b.coreSpends(ctx, c, f, remembered); fe != nil {
				return nil, c.Requests(), fe
			}
		}
		return f, c.Requests(), nil
	}
	tx, derr := decodeCoreTx(calls[0].Result, txid)
	if derr != nil {
		return nil, c.Requests(), malformed("getrawtransaction", derr)
	}
	f.found, f.vsize = true, tx.VSize
	f.confirmed = tx.BlockHash != "" && tx.Confirmations > 0
	f.confirmations = tx.Confirmations
	for _, in := range tx.Vin {
		if in.Coinbase == "" {
			f.inputs = append(f.inputs, outpoint{Txid: in.Txid, Vout: in.Vout, sequence: in.Sequence})
		}
	}
	for _, out := range tx.Vout {
		f.outputTypes = append(f.outputTypes, coreScriptType(out.ScriptPubKey.Type))
	}
	if f.confirmed {
		return f, c.Requests(), nil
	}
	entryOK := false
	if e := calls[1].Err; e == nil {
		var entry coreMempoolEntry
		if err := json.Unmarshal(calls[1].Result, &entry); err != nil {
			return nil, c.Requests(), malformed("getmempoolentry", err)
		}
		readCoreEntry(f, &entry)
		entryOK = true
	} else if !unsupported(e) {
		return nil, c.Requests(), callFault(e, "getmempoolentry")
	}
	if !entryOK || !smartFee {
		if fe := b.coreFallback(ctx, c, f, txid, !entryOK, !smartFee); fe != nil {
			return nil, c.Requests(), fe
		}
	}
	return f, c.Requests(), nil
}

// readMempoolInfo reads the floors. btcd answers only {size, bytes}.
func readMempoolInfo(f *facts, call *noderpc.Call) *noderpc.Error {
	if call.Err != nil {
		if unsupported(call.Err) {
			f.notes = append(f.notes, noteNoMempoolInfo)
			return nil
		}
		return callFault(call.Err, "getmempoolinfo")
	}
	var mi coreMempoolInfo
	if err := json.Unmarshal(call.Result, &mi); err != nil {
		return malformed("getmempoolinfo", err)
	}
	if v, ok := kvbToSatVB(string(mi.MempoolMinFee)); ok && mi.MempoolMinFee != "" {
		f.minRate, f.minRateSource = v, "mempoolminfee"
	}
	if v, ok := kvbToSatVB(string(mi.MinRelayFee)); ok && mi.MinRelayFee != "" {
		f.relayFloor = v
	}
	if v, ok := kvbToSatVB(string(mi.Incremental)); ok && mi.Incremental != "" {
		f.incremental = v
	}
	f.fullRBF = mi.FullRBF
	return nil
}

// readSmartFee reads estimatesmartfee; false means the node lacks it.
func readSmartFee(f *facts, call *noderpc.Call) bool {
	if call.Err != nil {
		return false
	}
	var sf coreSmartFee
	if err := json.Unmarshal(call.Result, &sf); err != nil || sf.FeeRate == "" {
		// Core answers {errors: […]} when it has too little data.
		return true
	}
	if v, ok := kvbToSatVB(string(sf.FeeRate)); ok && v > 0 {
		f.nextBlockRate, f.nextBlockSource = v, "estimatesmartfee"
	}
	return true
}

func readCoreEntry(f *facts, e *coreMempoolEntry) {
	if fee, ok := e.entryFee(); ok {
		f.feeSat, f.feeKnown = fee, true
	}
	if s := e.size(); s > 0 {
		f.vsize = s
	}
	f.firstSeen = e.seen()
	if e.Replaceable != nil {
		f.bip125 = *e.Replaceable
	}
	// Core sums ancestors and descendants including the entry itself.
	if anc, ok := btcToSat(string(e.Fees.Ancestor)); ok && e.Fees.Ancestor != "" && e.AncestorCount > 1 {
		f.ancestors = []relative{{txid: firstOr(e.Depends), feeSat: anc - f.feeSat, vsize: e.AncestorSize - f.vsize}}
		f.ancestorCount = int(min(e.AncestorCount-1, 1000))
		if f.ancestors[0].feeSat < 0 || f.ancestors[0].vsize < 0 {
			f.ancestors, f.ancestorCount = nil, 0
		}
	}
	f.ancestorsKnown = e.AncestorCount > 0 || len(e.Depends) == 0
	if len(e.Depends) > 0 && len(f.ancestors) == 0 {
		for _, d := range e.Depends {
			f.ancestors = append(f.ancestors, relative{txid: d})
		}
	}
	if desc, ok := btcToSat(string(e.Fees.Descendant)); ok && e.Fees.Descendant != "" {
		f.descendantFee, f.descendantVSize = desc-f.feeSat, e.DescendantSz-f.vsize
		if f.descendantFee < 0 || f.descendantVSize < 0 {
			f.descendantFee, f.descendantVSize = 0, 0
		}
		f.descendantsKnown = true
	}
}

// coreFallback is btcd's round 2: getrawmempool true for the entry, its
// parents and descendants, and estimatefee for the next-block rate.
func (b *Backend) coreFallback(ctx context.Context, c *noderpc.Client, f *facts, txid string, needEntry, needRate bool) *noderpc.Error {
	var calls []*noderpc.Call
	var pool, est *noderpc.Call
	if needEntry {
		pool = noderpc.NewCall("getrawmempool", true)
		calls = append(calls, pool)
	}
	if needRate {
		est = noderpc.NewCall("estimatefee", 1)
		calls = append(calls, est)
	}
	if err := c.Batch(ctx, calls); err != nil {
		return fault(err)
	}
	if pool != nil {
		if pool.Err != nil {
			return callFault(pool.Err, "getrawmempool")
		}
		var entries map[string]coreMempoolEntry
		if err := json.Unmarshal(pool.Result, &entries); err != nil {
			return malformed("getrawmempool", err)
		}
		readPool(f, txid, entries)
		f.estimates = append(f.estimates, "getrawmempool")
	}
	if est != nil {
		var v json.Number
		if est.Err == nil && json.Unmarshal(est.Result, &v) == nil {
			if r, ok := kvbToSatVB(string(v)); ok && r > 0 {
				f.nextBlockRate, f.nextBlockSource = r, "estimatefee"
				f.estimates = append(f.estimates, "estimatefee")
			}
		}
	}
	return nil
}

// readPool reads one entry of getrawmempool true, and walks depends for
// its unconfirmed ancestors and descendants.
func readPool(f *facts, txid string, pool map[string]coreMempoolEntry) {
	e, ok := pool[txid]
	if !ok {
		f.notes = append(f.notes, notePoolMissing)
		return
	}
	if fee, ok := e.entryFee(); ok {
		f.feeSat, f.feeKnown = fee, true
	}
	if s := e.size(); s > 0 {
		f.vsize = s
	}
	f.firstSeen = e.seen()
	f.ancestorsKnown, f.descendantsKnown = true, true
	seen := map[string]bool{txid: true}
	queue := append([]string(nil), e.Depends...)
	for len(queue) > 0 && len(seen) < 100 {
		id := queue[0]
		queue = queue[1:]
		if seen[id] {
			continue
		}
		seen[id] = true
		a, ok := pool[id]
		if !ok {
			continue
		}
		fee, _ := a.entryFee()
		f.ancestors = append(f.ancestors, relative{txid: id, feeSat: fee, vsize: a.size()})
		queue = append(queue, a.Depends...)
	}
	desc := map[string]bool{txid: true}
	for changed := true; changed && len(desc) < 100; {
		changed = false
		for id, d := range pool {
			if desc[id] {
				continue
			}
			for _, p := range d.Depends {
				if desc[p] {
					desc[id], changed = true, true
					fee, _ := d.entryFee()
					f.descendantFee += fee
					f.descendantVSize += d.size()
					break
				}
			}
		}
	}
}

// coreSpends asks who spends the remembered inputs of a txid the node
// does not have: gettxspendingprevout for mempool spenders, gettxout
// (mempool included) for whether each is still unspent.
func (b *Backend) coreSpends(ctx context.Context, c *noderpc.Client, f *facts, ins []outpoint) *noderpc.Error {
	if len(ins) > maxRemoteInputs {
		ins = ins[:maxRemoteInputs]
	}
	prevs := make([]map[string]any, len(ins))
	calls := []*noderpc.Call{nil}
	for i, in := range ins {
		prevs[i] = map[string]any{"txid": in.Txid, "vout": in.Vout}
		calls = append(calls, noderpc.NewCall("gettxout", in.Txid, in.Vout, true))
	}
	calls[0] = noderpc.NewCall("gettxspendingprevout", prevs)
	if err := c.Batch(ctx, calls); err != nil {
		return fault(err)
	}
	f.inputsKnown = true
	if calls[0].Err == nil {
		var sp []coreSpending
		if err := json.Unmarshal(calls[0].Result, &sp); err != nil {
			return malformed("gettxspendingprevout", err)
		}
		for _, s := range sp {
			if s.SpendingTxid != "" {
				id, err := ParseTxid(s.SpendingTxid)
				if err != nil {
					return malformed("gettxspendingprevout", err)
				}
				f.replacedBy = id
				break
			}
		}
	} else if !unsupported(calls[0].Err) {
		return callFault(calls[0].Err, "gettxspendingprevout")
	} else {
		f.notes = append(f.notes, noteNoSpendingIndex)
	}
	unspent, spent := 0, 0
	for _, call := range calls[1:] {
		if call.Err != nil {
			return callFault(call.Err, "gettxout")
		}
		if string(call.Result) == "null" {
			spent++
		} else {
			unspent++
		}
	}
	switch {
	case f.replacedBy != "":
	case spent > 0:
		// Spent, and by nothing in the mempool: by a confirmed transaction
		// (or the parent itself is unknown to this node).
		f.conflictConfirmed = true
	default:
		f.inputsUnspent = unspent == len(ins)
	}
	return nil
}

func coreScriptType(t string) string {
	switch t {
	case "witness_v0_keyhash":
		return "p2wpkh"
	case "witness_v0_scripthash":
		return "p2wsh"
	case "witness_v1_taproot":
		return "p2tr"
	case "pubkeyhash":
		return "p2pkh"
	case "scripthash":
		return "p2sh"
	}
	return t
}

func rpcCode(err error) int {
	var ce noderpc.CodedError
	if errors.As(err, &ce) {
		return ce.ErrorCode()
	}
	return 0
}

// unsupported is a node that lacks a method: Core's -32601, btcd's -1
// "Command unimplemented".
func unsupported(err error) bool {
	code := rpcCode(err)
	return code == rpcMethodNotFound || code == rpcMisc && strings.Contains(strings.ToLower(err.Error()), "unimplemented")
}

// noIndex is Core's or btcd's "no transaction index" answer.
func noIndex(msg string) bool {
	low := strings.ToLower(msg)
	return strings.Contains(low, "txindex") || strings.Contains(low, "transaction index")
}

func callFault(err error, method string) *noderpc.Error {
	var ce noderpc.CodedError
	if errors.As(err, &ce) {
		f := noderpc.ClassifyRPC(ce.ErrorCode(), ce.Error(), err)
		if f.Fault == noderpc.FaultRPCError {
			f.Reason = fmt.Sprintf("the endpoint returned an error for %s (code %d)", method, ce.ErrorCode())
		}
		return f
	}
	return malformed(method, err)
}

func malformed(method string, err error) *noderpc.Error {
	return &noderpc.Error{Fault: noderpc.FaultMalformed, Reason: "the endpoint's answer to " + method + " could not be read", Err: err}
}

func firstOr(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
