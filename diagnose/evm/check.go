package evm

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// Check diagnoses a transaction hash on the EVM networks.
func (e *Backend) Check(ctx context.Context, q diagnose.Query, opt diagnose.CheckOptions) (*diagnose.Report, error) {
	if q.Kind != diagnose.KindTxHash {
		return nil, errors.New("check needs a transaction hash; for an address use `unstuck account`")
	}
	raw := strings.TrimPrefix(strings.TrimPrefix(q.Ref, "0x"), "0X")
	if _, err := hex.DecodeString(raw); err != nil || len(raw) != 2*common.HashLength {
		return nil, fmt.Errorf("not an EVM transaction hash: %q", q.Ref)
	}
	hash := common.HexToHash(raw)
	ctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	remembered, _ := Recall(e.cfg.Memory, hash)
	var from *common.Address
	if opt.From != "" {
		a := common.HexToAddress(opt.From)
		from = &a
	}
	sender := func(chainID uint64, known bool) *common.Address {
		if remembered != nil && (!known || chainID == remembered.ChainID) {
			from := remembered.From
			return &from
		}
		return from
	}
	rec := &recorder{progress: opt.Progress}
	results := e.searchAll(ctx, e.groups(opt.Only), hash, sender, rec)
	var found *answer
	for _, r := range results {
		if r.found != nil {
			found = r.found
		}
	}
	var f *Facts
	if found != nil {
		f = found.facts
		f.Remembered = remembered
		settleHead(f)
		e.second(ctx, found, results, rec)
	}
	if found == nil && remembered != nil {
		e.scanForReplacement(ctx, results, remembered)
	}
	rep := e.judge(q, opt, f, results, remembered)
	nameStateRefusals(rep, f)
	rep.Searched = rec.all()
	e.remember(rep, f)
	if rep.Status == diagnose.StatusUnknown && !anySound(results) && !rep.Has(diagnose.CodeIndexing) {
		return rep, &diagnose.NoAnswerError{Searched: rep.Searched}
	}
	return rep, nil
}

func anySound(results []groupResult) bool {
	for _, r := range results {
		if r.found != nil || len(r.absent) > 0 {
			return true
		}
	}
	return false
}

// second runs the second round trip on the endpoint that found the
// transaction, falling back to the chain's other endpoints (one request
// each) if it fails there.
func (e *Backend) second(ctx context.Context, a *answer, results []groupResult, rec *recorder) {
	f := a.facts
	calls, parse := planFollowUp(f)
	if len(calls) == 0 {
		return
	}
	clients := []*noderpc.Client{a.client}
	for _, r := range results {
		if r.found != a {
			continue
		}
		for _, ep := range r.group.endpoints {
			if ep != a.endpoint {
				if c, err := e.dial(ctx, ep); err == nil {
					clients = append(clients, c)
				}
			}
		}
	}
	var lastErr error
	for i, c := range clients {
		if c == nil || c.Rounds() >= 2 {
			continue
		}
		c.Pin(f.Head) // the head the transaction was seen at, on whichever endpoint
		fresh := cloneCalls(calls)
		if err := c.Batch(ctx, fresh); err != nil {
			lastErr = err
			continue
		}
		copyResults(calls, fresh)
		parse(calls)
		if i > 0 {
			f.Degraded = append(f.Degraded, Note{Kind: NoteElsewhere, Endpoint: noderpc.Redact(c.URL())})
		}
		rec.setRequests(a.endpoint, a.client.Requests())
		e.retryReplay(ctx, f, c, append(clients[:i:i], clients[i+1:]...))
		return
	}
	if lastErr != nil {
		fault := noderpc.Dialect(dialect).Classify(lastErr)
		f.Degraded = append(f.Degraded, Note{Kind: NoteFollowUpFailed, Fault: fault.Fault, Reason: fault.Reason})
	}
	rec.setRequests(a.endpoint, a.client.Requests())
}

// retryReplay asks other endpoints for the replay when the first one no
// longer had the historical state: those the facts say keep that block's
// state first, those nobody knows about next, never those known not to.
// Each refusal is noted, so that state_unavailable can say who refused.
func (e *Backend) retryReplay(ctx context.Context, f *Facts, first *noderpc.Client, others []*noderpc.Client) {
	if f.Replay == nil || !f.Replay.StateMissing || f.Tx == nil || f.Tx.To == nil {
		return
	}
	block := f.Receipt.BlockNumber.ToInt().Uint64()
	first.NoteRefusedState()
	f.Degraded = append(f.Degraded, stateRefused(first.URL(), f.Replay.Message))
	for _, c := range e.byState(others, f.Head, block) {
		if c.Rounds() >= 2 {
			continue
		}
		parent := noderpc.NewCall("eth_call", replayArgs(f.Tx), blockTag(block-1))
		own := noderpc.NewCall("eth_call", replayArgs(f.Tx), blockTag(block))
		if err := c.Batch(ctx, []*noderpc.Call{parent, own}); err != nil {
			fault := noderpc.Dialect(dialect).Classify(err)
			f.Degraded = append(f.Degraded, Note{Kind: NoteStateRefused, Endpoint: noderpc.Redact(c.URL()), Fault: fault.Fault, Reason: fault.Reason})
			continue
		}
		r := readReplay(parent)
		if !r.StateMissing {
			f.Replay, f.ReplayInBlock = r, readReplay(own)
			return
		}
		c.NoteRefusedState()
		f.Degraded = append(f.Degraded, stateRefused(c.URL(), r.Message))
	}
}

func cloneCalls(calls []*noderpc.Call) []*noderpc.Call {
	out := make([]*noderpc.Call, len(calls))
	for i, c := range calls {
		out[i] = noderpc.NewCall(c.Method, c.Params...)
	}
	return out
}

func copyResults(dst, src []*noderpc.Call) {
	for i := range dst {
		dst[i].Result, dst[i].Err = src[i].Result, src[i].Err
	}
}

// remember keeps public facts about a pending transaction, and forgets a
// transaction once it is mined.
func (e *Backend) remember(rep *diagnose.Report, f *Facts) {
	if e.cfg.Memory == nil || f == nil || f.Tx == nil {
		return
	}
	switch rep.Status {
	case diagnose.StatusPending:
		_ = Remember(e.cfg.Memory, Remembered{
			Hash: f.Hash, ChainID: f.Chain.ID, From: f.Tx.From, Nonce: uint64(f.Tx.Nonce),
			ValueWei: f.Tx.Value.ToInt().String(), To: addrString(f.Tx.To),
			SeenBlock: f.Head, SeenAt: e.cfg.Now().UTC(),
		})
	case diagnose.StatusSuccess, diagnose.StatusFailed:
		_ = forget(e.cfg.Memory, f.Hash)
	}
}

func addrString(a *common.Address) string {
	if a == nil {
		return ""
	}
	return a.Hex()
}

// scanForReplacement asks, on the remembered chain, for the blocks mined
// since the transaction was seen, to find what took its nonce. It is the
// second round trip of an endpoint that said "absent".
func (e *Backend) scanForReplacement(ctx context.Context, results []groupResult, m *Remembered) {
	for _, r := range results {
		for _, a := range r.absent {
			if a.facts.Chain.ID != m.ChainID {
				continue
			}
			a.facts.Remembered = m
			calls, parse := planFollowUp(a.facts)
			if len(calls) == 0 || a.client.Rounds() >= 2 {
				return
			}
			if err := a.client.Batch(ctx, calls); err != nil {
				a.facts.Degraded = append(a.facts.Degraded, Note{Kind: NoteScanFailed})
				continue
			}
			parse(calls)
			return
		}
	}
}
