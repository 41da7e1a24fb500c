package evm

import (
	"errors"
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// byState orders endpoints for replaying a block: those the registry's
// facts say keep its state first, then those nobody measured, then those
// that refused old state in an earlier run; those the facts say keep less
// state than that are left out.
func (e *Backend) byState(clients []*noderpc.Client, head, block uint64) []*noderpc.Client {
	var yes, maybe, refusedBefore []*noderpc.Client
	depth := uint64(0)
	if head > block {
		depth = head - block
	}
	for _, c := range clients {
		if c == nil {
			continue
		}
		switch serves, known := e.reg.ServesState(c.URL(), depth+1); {
		case known && serves:
			yes = append(yes, c)
		case known:
		case c.RefusedStateBefore():
			refusedBefore = append(refusedBefore, c)
		default:
			maybe = append(maybe, c)
		}
	}
	return append(append(yes, maybe...), refusedBefore...)
}

// stateRefused notes that an endpoint could not replay at the block.
func stateRefused(endpoint, why string) Note {
	f := noderpc.Dialect(dialect).ClassifyRPC(0, why, errors.New(why))
	fault, reason := f.Fault, why
	if fault == noderpc.FaultRPCError {
		fault = noderpc.FaultNoState
	}
	return Note{Kind: NoteStateRefused, Endpoint: noderpc.Redact(endpoint), Fault: fault, Reason: diagnose.Sanitize(reason)}
}

// nameStateRefusals makes the state_unavailable finding say which
// endpoints could not replay the transaction, and why (from the
// NoteStateRefused notes), rather than only that the state is gone.
func nameStateRefusals(rep *diagnose.Report, f *Facts) {
	if f == nil {
		return
	}
	var en, zh []string
	for _, n := range f.Degraded {
		if n.Kind == NoteStateRefused {
			en = append(en, n.Endpoint+": "+n.Fault.Words())
			zh = append(zh, n.Endpoint+"："+n.Fault.WordsZH())
		}
	}
	if len(en) == 0 {
		return
	}
	for i := range rep.Findings {
		fd := &rep.Findings[i]
		if fd.Code != diagnose.CodeStateUnavailable {
			continue
		}
		data := make(map[string]string, len(fd.Data)+3)
		for k, v := range fd.Data {
			data[k] = v
		}
		data["variant"], data["refused_by"], data["refused_by_zh"] = "refused", strings.Join(en, "; "), strings.Join(zh, "；")
		*fd = diagnose.NewFinding(fd.Code, fd.Severity, data)
	}
}

// settleHead tolerates a load-balanced endpoint whose backends are a few
// blocks apart: a receipt in a block past the head the endpoint reported
// proves that block exists, so the head (and the block later state calls
// are pinned to) is at least that.
func settleHead(f *Facts) {
	if f.Receipt == nil || f.Receipt.BlockNumber == nil {
		return
	}
	if b := f.Receipt.BlockNumber.ToInt(); b.IsUint64() && b.Uint64() > f.Head {
		f.Head = b.Uint64()
	}
}
