package diagnose

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
)

// familyAnswer is one family's report on a query.
type familyAnswer struct {
	family Family
	rep    *Report
	err    error
}

// candidates lists the families a query is looked up on, in backend order
// (EVM first, as cmd builds the engine): the family the input named, or
// every family whose shape fits it (a confirmed bare 64-hex txid is
// TRON's, Bitcoin's, or an EVM hash without 0x). A network the user named
// narrows it to that network's family.
func (e *Engine) candidates(q Query, opt CheckOptions) []Family {
	var fams []Family
	switch {
	case q.Family != "":
		fams = []Family{q.Family}
	case opt.Network != "":
		if b := e.BackendFor(opt.Network); b != nil {
			fams = []Family{b.Family()}
		}
	case opt.Chain != 0:
		fams = []Family{FamilyEVM}
	default:
		for _, b := range e.cfg.Backends {
			fams = append(fams, b.Family())
		}
	}
	if e.cfg.Families == nil {
		return fams
	}
	var out []Family
	for _, f := range fams {
		if slices.Contains(e.cfg.Families, f) {
			out = append(out, f)
		}
	}
	return out
}

// BackendFor is the backend that lists a network key ("tron", "nile",
// "bitcoin"…), or nil.
func (e *Engine) BackendFor(network string) Backend {
	for _, b := range e.cfg.Backends {
		for _, n := range b.Networks() {
			if strings.EqualFold(n.Key, network) {
				return b
			}
		}
	}
	return nil
}

// Networks lists every family's networks, in backend order.
func (e *Engine) Networks() []Network {
	var out []Network
	for _, b := range e.cfg.Backends {
		out = append(out, b.Networks()...)
	}
	return out
}

// AccountOf looks an address up on its family's networks.
func (e *Engine) AccountOf(ctx context.Context, q Query) (*AccountReport, error) {
	if q.Kind != KindAddress {
		return nil, errors.New("account needs a public address; for a transaction use `unstuck check`")
	}
	fam := q.Family
	if fam == "" {
		fam = FamilyEVM // a bare 0x address
	}
	b := e.backend(fam)
	if b == nil || (e.cfg.Families != nil && !slices.Contains(e.cfg.Families, fam)) {
		return nil, &NoAnswerError{}
	}
	ctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	return b.Account(ctx, q)
}

// backend is the backend of a family, or nil.
func (e *Engine) backend(f Family) Backend {
	for _, b := range e.cfg.Backends {
		if b.Family() == f {
			return b
		}
	}
	return nil
}

// fanOut asks every candidate family at once and merges their reports.
func (e *Engine) fanOut(ctx context.Context, q Query, opt CheckOptions, ask func(context.Context, Backend) (*Report, error)) (*Report, error) {
	fams := e.candidates(q, opt)
	answers := make([]familyAnswer, len(fams))
	var wg sync.WaitGroup
	for i, f := range fams {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := familyAnswer{family: f}
			if b := e.backend(f); b != nil {
				a.rep, a.err = ask(ctx, b)
			} else {
				a.err = &NoAnswerError{}
			}
			answers[i] = a
		}()
	}
	wg.Wait()
	return merge(answers)
}

// noteUnasked says, on a "not found", which other families' networks no
// endpoint could answer for: the transaction may be there.
func noteUnasked(rep *Report, answers []familyAnswer) {
	var names []string
	for _, a := range answers {
		var na *NoAnswerError
		if a.rep == nil || a.rep == rep || !errors.As(a.err, &na) {
			continue
		}
		for _, row := range a.rep.Searched {
			if row.Result == "error" && row.Chain != "" && !slices.Contains(names, row.Chain) {
				names = append(names, row.Chain)
			}
		}
	}
	if len(names) == 0 || rep.Has(CodeRPCDegraded) {
		return
	}
	rep.Add(CodeRPCDegraded, SevWarn, map[string]string{"variant": "failed", "failed": strings.Join(names, ", ")})
}

// merge picks the report to show from the families' answers: the first
// (in family order) that found the transaction; else a not-found that some
// family could soundly give; else "unknown" with a *NoAnswerError. The
// searched rows of every family are kept, so the report says where it
// looked.
func merge(answers []familyAnswer) (*Report, error) {
	var all []Searched
	for _, a := range answers {
		if a.rep != nil {
			all = append(all, a.rep.Searched...)
		}
	}
	pick := func(ok func(familyAnswer) bool) (*Report, error, bool) {
		for _, a := range answers {
			if a.rep != nil && ok(a) {
				a.rep.Searched = all
				if a.rep.Family == "" {
					a.rep.Family = a.family
				}
				var na *NoAnswerError
				if errors.As(a.err, &na) {
					na.Searched = all
				}
				return a.rep, a.err, true
			}
		}
		return nil, nil, false
	}
	if rep, err, ok := pick(func(a familyAnswer) bool {
		return a.err == nil && a.rep.Status != StatusNotFound && a.rep.Status != StatusUnknown
	}); ok {
		return rep, err
	}
	if rep, err, ok := pick(func(a familyAnswer) bool { return a.err == nil && a.rep.Status == StatusNotFound }); ok {
		noteUnasked(rep, answers)
		return rep, err
	}
	if rep, err, ok := pick(func(a familyAnswer) bool { return a.err == nil }); ok {
		return rep, err
	}
	if rep, err, ok := pick(func(familyAnswer) bool { return true }); ok {
		return rep, err
	}
	for _, a := range answers {
		if a.err != nil {
			return nil, a.err
		}
	}
	return nil, &NoAnswerError{}
}

// EndpointProber is a backend that can judge a custom endpoint's health
// (`unstuck endpoint`).
type EndpointProber interface {
	Endpoint(ctx context.Context, endpoint string, claimed uint64) (*EndpointReport, error)
}

// Endpoint checks a custom endpoint's health with the first backend that
// can (the EVM family's JSON-RPC). claimed is the chain id the user
// believes it serves (0 = no claim).
func (e *Engine) Endpoint(ctx context.Context, endpoint string, claimed uint64) (*EndpointReport, error) {
	for _, b := range e.cfg.Backends {
		if p, ok := b.(EndpointProber); ok {
			return p.Endpoint(ctx, endpoint, claimed)
		}
	}
	return nil, errors.New("no backend checks endpoints")
}
