package bitcoin

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
	"github.com/unstuck-dev/unstuck/diagnose/restjson"
)

// maxParents bounds the parents asked about on an Esplora without
// mempool.space's cpfp call.
const maxParents = 4

// askEsplora asks an Esplora REST endpoint. Round 1, in parallel:
// /tx/:txid, the fee rates (/v1/fees/recommended on mempool.space, else
// /fee-estimates) and /blocks/tip/height. Round 2, in parallel and only
// when needed: for a pending tx its unconfirmed relatives and when it was
// first seen (/v1/cpfp/:txid and /v1/transaction-times, else /tx/:parent
// for each parent); for a missing one the replacement
// history (/v1/tx/:txid/rbf) and the spending status of remembered inputs
// (/tx/:prev/outspend/:n).
func (b *Backend) askEsplora(ctx context.Context, ep endpoint, txid string, remembered []outpoint) (*facts, int, *noderpc.Error) {
	c, err := restjson.New(ep.url, restjson.Options{HTTP: b.http, MaxBody: b.cfg.MaxBody})
	if err != nil {
		return nil, 0, &noderpc.Error{Fault: noderpc.FaultHTTP, Reason: "the endpoint address is not usable", Err: err}
	}
	var txRaw, feeRaw, tipRaw []byte
	var txErr, feeErr, tipErr error
	feePath := "/fee-estimates"
	if ep.mempool {
		feePath = "/v1/fees/recommended"
	}
	parallel(
		func() { txRaw, txErr = c.Get(ctx, "/tx/"+txid) },
		func() { feeRaw, feeErr = c.Get(ctx, feePath) },
		func() { tipRaw, tipErr = c.Get(ctx, "/blocks/tip/height") },
	)
	f := &facts{}
	if txErr != nil {
		if !isNotFound(txErr) {
			return nil, c.Requests(), fault(txErr)
		}
		if tipErr != nil {
			// A base URL that answers 404 to everything is not a verdict.
			return nil, c.Requests(), fault(tipErr)
		}
		b.esploraMissing(ctx, c, ep, f, txid, remembered)
		return f, c.Requests(), nil
	}
	tx, derr := decodeEsploraTx(txRaw, txid)
	if derr != nil {
		return nil, c.Requests(), malformed("/tx/:txid", derr)
	}
	f.found, f.vsize = true, vsizeOf(tx.Weight)
	if tx.Fee != nil {
		f.feeSat, f.feeKnown = *tx.Fee, true
	}
	for _, in := range tx.Vin {
		if !in.IsCoinbase {
			f.inputs = append(f.inputs, outpoint{Txid: in.Txid, Vout: in.Vout, sequence: in.Sequence})
		}
	}
	for _, out := range tx.Vout {
		f.outputTypes = append(f.outputTypes, esploraScriptType(out.Type))
	}
	f.confirmed, f.blockHeight = tx.Status.Confirmed, tx.Status.BlockHeight
	if tipErr != nil {
		if f.confirmed {
			return nil, c.Requests(), fault(tipErr)
		}
	} else if f.tipHeight, derr = decodeHeight(tipRaw); derr != nil {
		return nil, c.Requests(), malformed("/blocks/tip/height", derr)
	}
	if f.confirmed {
		return f, c.Requests(), nil
	}
	if feeErr != nil {
		f.notes = append(f.notes, noteFeesUnavailable)
	} else if fe := readEsploraFees(f, ep, feeRaw); fe != nil {
		return nil, c.Requests(), fe
	}
	if fe := b.esploraRelatives(ctx, c, ep, f, txid); fe != nil {
		return nil, c.Requests(), fe
	}
	return f, c.Requests(), nil
}

func readEsploraFees(f *facts, ep endpoint, raw []byte) *noderpc.Error {
	if ep.mempool {
		var r mempoolRecommended
		if err := json.Unmarshal(raw, &r); err != nil {
			return malformed("/v1/fees/recommended", err)
		}
		if r.FastestFee != nil && *r.FastestFee > 0 && *r.FastestFee < 1e6 {
			f.nextBlockRate, f.nextBlockSource = *r.FastestFee, "fastestFee"
		}
		if r.MinimumFee != nil && *r.MinimumFee > 0 && *r.MinimumFee < 1e6 {
			f.minRate, f.minRateSource = *r.MinimumFee, "minimumFee"
		}
		return nil
	}
	rate, err := decodeFeeEstimates(raw)
	if err != nil {
		return malformed("/fee-estimates", err)
	}
	f.nextBlockRate, f.nextBlockSource = rate, "fee-estimates"
	return nil
}

// esploraRelatives is round 2 for a pending tx.
func (b *Backend) esploraRelatives(ctx context.Context, c *restjson.Client, ep endpoint, f *facts, txid string) *noderpc.Error {
	if ep.mempool {
		var cp mempoolCPFP
		var times []int64
		var cpErr, timesErr error
		parallel(
			func() { cpErr = c.GetJSON(ctx, "/v1/cpfp/"+txid, &cp) },
			func() { timesErr = c.GetJSON(ctx, "/v1/transaction-times?txId[]="+txid, &times) },
		)
		if timesErr == nil && len(times) == 1 && times[0] > 0 && times[0] < 1<<40 {
			f.firstSeen = time.Unix(times[0], 0)
		}
		if cpErr != nil {
			f.notes = append(f.notes, noteParentsUnchecked)
			return nil
		}
		f.ancestorsKnown, f.descendantsKnown = true, true
		for _, a := range cp.Ancestors {
			if _, err := ParseTxid(a.Txid); err != nil || a.Fee < 0 || a.Weight <= 0 {
				return malformed("/v1/cpfp/:txid", errors.New("a malformed ancestor"))
			}
			f.ancestors = append(f.ancestors, relative{txid: a.Txid, feeSat: a.Fee, vsize: vsizeOf(a.Weight)})
		}
		for _, d := range cp.Descendants {
			if d.Fee < 0 || d.Weight <= 0 {
				return malformed("/v1/cpfp/:txid", errors.New("a malformed descendant"))
			}
			f.descendantFee += d.Fee
			f.descendantVSize += vsizeOf(d.Weight)
		}
		return nil
	}
	parents := distinctParents(f.inputs, maxParents)
	answers := make([][]byte, len(parents))
	errs := make([]error, len(parents))
	fns := make([]func(), len(parents))
	for i, p := range parents {
		fns[i] = func() { answers[i], errs[i] = c.Get(ctx, "/tx/"+p) }
	}
	parallel(fns...)
	f.ancestorsKnown = len(parents) == len(distinctParents(f.inputs, len(f.inputs)))
	for i, p := range parents {
		if errs[i] != nil {
			f.ancestorsKnown = false
			f.notes = append(f.notes, noteParentsUnchecked)
			continue
		}
		ptx, err := decodeEsploraTx(answers[i], p)
		if err != nil {
			return malformed("/tx/:txid", err)
		}
		if !ptx.Status.Confirmed {
			var fee int64
			if ptx.Fee != nil {
				fee = *ptx.Fee
			}
			f.ancestors = append(f.ancestors, relative{txid: p, feeSat: fee, vsize: vsizeOf(ptx.Weight)})
		}
	}
	return nil
}

// esploraMissing is round 2 for a txid the endpoint does not have.
// Failures here are notes: the verdict stays "not found".
func (b *Backend) esploraMissing(ctx context.Context, c *restjson.Client, ep endpoint, f *facts, txid string, remembered []outpoint) {
	if len(remembered) > maxRemoteInputs {
		remembered = remembered[:maxRemoteInputs]
	}
	var fns []func()
	var rbf mempoolRBF
	var rbfErr error
	if ep.mempool {
		fns = append(fns, func() { rbfErr = c.GetJSON(ctx, "/v1/tx/"+txid+"/rbf", &rbf) })
	}
	spends := make([]esploraOutspend, len(remembered))
	spendErrs := make([]error, len(remembered))
	for i, in := range remembered {
		fns = append(fns, func() {
			spendErrs[i] = c.GetJSON(ctx, "/tx/"+in.Txid+"/outspend/"+strconv.FormatUint(uint64(in.Vout), 10), &spends[i])
		})
	}
	parallel(fns...)
	if ep.mempool {
		if rbfErr != nil {
			f.notes = append(f.notes, noteHistoryUnavailable)
		} else if rbf.Replacements != nil {
			if id, err := ParseTxid(rbf.Replacements.Tx.Txid); err == nil && id != txid {
				f.replacedBy = id
			}
		}
	}
	if len(remembered) == 0 {
		return
	}
	f.inputsKnown = true
	unspent := 0
	for i, s := range spends {
		if spendErrs[i] != nil {
			f.notes = append(f.notes, noteSpendsUnchecked)
			continue
		}
		switch {
		case !s.Spent:
			unspent++
		case s.Txid != txid:
			if id, err := ParseTxid(s.Txid); err == nil {
				f.replacedBy = id
				f.conflictConfirmed = s.Status.Confirmed
			}
		}
	}
	f.inputsUnspent = unspent == len(remembered)
}

func distinctParents(ins []outpoint, max int) []string {
	var out []string
	seen := map[string]bool{}
	for _, in := range ins {
		if !seen[in.Txid] && len(out) < max {
			seen[in.Txid] = true
			out = append(out, in.Txid)
		}
	}
	return out
}

func isNotFound(err error) bool {
	var se *restjson.StatusError
	return errors.As(err, &se) && se.HTTP.StatusCode == http.StatusNotFound
}

func esploraScriptType(t string) string {
	switch t {
	case "v0_p2wpkh":
		return "p2wpkh"
	case "v0_p2wsh":
		return "p2wsh"
	case "v1_p2tr":
		return "p2tr"
	}
	return t
}

func parallel(fns ...func()) {
	var wg sync.WaitGroup
	for _, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn()
		}()
	}
	wg.Wait()
}
