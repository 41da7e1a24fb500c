package tron

import (
	"context"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// netResult is what one network's endpoints said, all told.
type netResult struct {
	net      Network
	facts    *txFacts // nil: no endpoint gave a sound answer
	searched []diagnose.Searched
}

func (r netResult) found() bool {
	return r.facts != nil && (r.facts.Info != nil || r.facts.Tx != nil || r.facts.Pending != nil)
}

// searchAll asks every network at once; the first to find the
// transaction cancels the others.
func (b *Backend) searchAll(ctx context.Context, targets []target, txid string, progress func(diagnose.Progress)) []netResult {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make(chan netResult, len(targets))
	for _, t := range targets {
		go func() { out <- b.searchNet(ctx, t, txid, progress) }()
	}
	results := make([]netResult, 0, len(targets))
	for range targets {
		r := <-out
		if r.found() {
			cancel()
		}
		results = append(results, r)
	}
	return results
}

// try is one endpoint's part in a network's search.
type try struct {
	ep      *endpoint
	url     string
	facts   *txFacts
	err     *noderpc.Error
	began   time.Time
	latency time.Duration
}

// searchNet races a network's endpoints in round 1. The first endpoint
// that has the transaction wins, the others are cancelled, and the winner
// alone is asked round 2. When every endpoint that answered says "not
// found", each is asked its pending pool (round 2) before the verdict.
func (b *Backend) searchNet(ctx context.Context, t target, txid string, progress func(diagnose.Progress)) netResult {
	res := netResult{net: t.net}
	hasIt := func(a *try) bool { return a.facts.Info != nil || a.facts.Tx != nil }
	tries := diagnose.Race(ctx, t.endpoints, func(ctx context.Context, url string) (*try, int, *noderpc.Error) {
		report(progress, t.net, url, "searching")
		a := b.round1(ctx, t.net, url, txid)
		return a, 0, a.err
	}, func(sound []diagnose.Attempt[*try]) bool { return hasIt(sound[len(sound)-1].Value) })
	var winner *try
	var absent, done []*try
	for _, at := range tries {
		a := at.Value
		a.err = at.Err // a sound answer after the winner is "not needed"
		switch {
		case a.err != nil:
			done = append(done, a)
		case winner == nil && hasIt(a):
			winner = a
		default:
			absent = append(absent, a)
		}
	}
	switch {
	case winner != nil:
		b.round2(ctx, winner)
		res.facts = winner.facts
		done = append(done, winner)
		done = append(done, absent...)
	case len(absent) > 0:
		b.pendingRound(ctx, absent)
		res.facts = absent[0].facts
		for _, a := range absent {
			if a.facts.Pending != nil {
				res.facts = a.facts
				break
			}
		}
		done = append(done, absent...)
	}
	for _, a := range done {
		row := diagnose.Searched{ChainID: t.net.ChainID, Chain: t.net.Name, Endpoint: noderpc.Redact(a.url),
			LatencyMS: a.latency.Milliseconds(), Result: "absent"}
		if a.ep != nil {
			row.Requests = a.ep.requests()
		}
		switch {
		case a.err != nil:
			row.Result, row.Fault, row.Error = "error", string(a.err.Fault), a.err.Reason
		case a.facts == res.facts && res.found():
			row.Result = "found"
		}
		report(progress, t.net, row.Endpoint, row.Result)
		res.searched = append(res.searched, row)
	}
	return res
}

func (b *Backend) round1(ctx context.Context, n Network, url, txid string) *try {
	a := &try{url: url, began: time.Now()}
	defer func() { a.latency = time.Since(a.began) }()
	ep, err := b.dial(url)
	if err != nil {
		a.err = &noderpc.Error{Fault: noderpc.FaultHTTP, Reason: "the endpoint address is not usable", Err: err}
		return a
	}
	a.ep = ep
	f := &txFacts{Network: n, TxID: txid}
	if err := ep.round1(ctx, txid, f); err != nil {
		a.err = err
		return a
	}
	a.facts = f
	return a
}

// round2 asks the winner what the verdict needs. Its faults become notes.
func (b *Backend) round2(ctx context.Context, a *try) {
	need := needsFor(a.facts)
	if !need.any() {
		return
	}
	began := time.Now()
	if err := a.ep.round2(ctx, a.facts, need); err != nil {
		a.facts.Notes = append(a.facts.Notes, err.Reason)
	} else {
		a.facts.Asked = need
	}
	a.latency += time.Since(began)
}

// pendingRound asks every endpoint that found nothing for its pending pool.
func (b *Backend) pendingRound(ctx context.Context, absent []*try) {
	done := make(chan struct{}, len(absent))
	for _, a := range absent {
		go func() {
			b.round2(ctx, a)
			done <- struct{}{}
		}()
	}
	for range absent {
		<-done
	}
}

// needsFor says which round-2 questions the round-1 facts leave open.
func needsFor(f *txFacts) needs {
	var n needs
	if f.Info == nil {
		n.pending = f.Tx == nil
		return n
	}
	c := decodeCall(f.Tx)
	ret := contractRet(f)
	failed := f.Info.Result == "FAILED" || (ret != "" && ret != "DEFAULT" && ret != "SUCCESS")
	if !failed {
		if c.to != nil {
			n.owner, n.recipient = c.owner, c.to
			n.params = c.kind == "TransferContract" && f.Info.Fee > 0
		}
		return n
	}
	n.owner = c.owner
	switch ret {
	case "OUT_OF_ENERGY":
		n.resources, n.params = c.owner, true
	case "REVERT":
		if c.contract != nil && *c.contract == f.Network.USDT && c.owner != nil {
			n.blacklist = c.owner
		}
	}
	return n
}

func report(progress func(diagnose.Progress), n Network, url, state string) {
	if progress != nil {
		progress(diagnose.Progress{ChainID: n.ChainID, Chain: n.Name, Endpoint: noderpc.Redact(url), State: state})
	}
}
