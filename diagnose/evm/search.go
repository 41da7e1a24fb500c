package evm

import (
	"context"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// staleBlocks is how far behind the best head an endpoint may be before its
// "not found" stops counting.
const staleBlocks = 64

// group is the set of endpoints that answer for one chain. A custom
// endpoint whose chain is not known before it answers is a group of its own.
type group struct {
	chain     chains.Chain
	known     bool
	endpoints []string
}

// answer is one endpoint's batch-1 answer, or its fault.
type answer struct {
	endpoint string
	client   *noderpc.Client
	facts    *Facts
	err      *noderpc.Error
	latency  time.Duration
}

func (a *answer) found() bool { return a.err == nil && (a.facts.Tx != nil || a.facts.Receipt != nil) }

// groupResult is what a chain's endpoints said, all told.
type groupResult struct {
	group  group
	found  *answer
	absent []*answer
	failed []*answer
}

// recorder collects `searched` rows from many goroutines and reports
// progress as it goes.
type recorder struct {
	mu       sync.Mutex
	rows     []diagnose.Searched
	progress func(diagnose.Progress)
}

func (r *recorder) add(row diagnose.Searched) {
	r.mu.Lock()
	r.rows = append(r.rows, row)
	r.mu.Unlock()
	if r.progress != nil {
		r.progress(diagnose.Progress{ChainID: row.ChainID, Chain: row.Chain, Endpoint: row.Endpoint, State: row.Result, Detail: row.Error})
	}
}

func (r *recorder) all() []diagnose.Searched {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]diagnose.Searched(nil), r.rows...)
}

// searchAll asks every group at once. The first group to find the
// transaction wins and the others are cancelled.
func (e *Backend) searchAll(ctx context.Context, groups []group, hash common.Hash, sender senderFor, rec *recorder) []groupResult {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Results keep the groups' (registry) order, whatever order they end in.
	results := make([]groupResult, len(groups))
	done := make(chan int, len(groups))
	for i, g := range groups {
		go func() { results[i] = e.searchGroup(ctx, g, hash, sender, rec); done <- i }()
	}
	for range groups {
		if i := <-done; results[i].found != nil {
			cancel()
		}
	}
	return results
}

// searchGroup races a chain's endpoints. A found answer is final at once;
// "absent" is final when two fresh endpoints agree or none is left.
func (e *Backend) searchGroup(ctx context.Context, g group, hash common.Hash, sender senderFor, rec *recorder) groupResult {
	tries := diagnose.Race(ctx, g.endpoints, func(ctx context.Context, ep string) (*answer, int, *noderpc.Error) {
		if rec.progress != nil {
			rec.progress(diagnose.Progress{ChainID: g.chain.ID, Chain: g.chain.Name, Endpoint: noderpc.Redact(ep), State: "searching"})
		}
		a := e.locate(ctx, g, ep, hash, sender)
		return a, 0, a.err
	}, func(sound []diagnose.Attempt[*answer]) bool {
		return sound[len(sound)-1].Value.found() || len(sound) >= 2
	})
	res := groupResult{group: g}
	for _, t := range tries {
		a := t.Value
		a.err = t.Err // a sound answer after the race was settled is "not needed"
		switch {
		case t.Late: // cancelled, not failed
			e.record(rec, g, a)
		case a.err != nil:
			res.failed = append(res.failed, a)
			e.record(rec, g, a)
		case a.found():
			res.found = a
			e.record(rec, g, a)
		default:
			res.absent = append(res.absent, a)
		}
	}
	e.markStale(&res, g, rec) // records who said "absent"
	return res
}

// markStale turns "absent" answers from endpoints far behind the best head
// (the finder's head counts too) into stale faults, keeping at least the
// freshest answer, and records them.
func (e *Backend) markStale(res *groupResult, g group, rec *recorder) {
	var best uint64
	if res.found != nil {
		best = res.found.facts.Head
	}
	for _, a := range res.absent {
		best = max(best, a.facts.Head)
	}
	kept := res.absent[:0]
	for _, a := range res.absent {
		if best > staleBlocks && a.facts.Head < best-staleBlocks {
			a.err = &noderpc.Error{Fault: noderpc.FaultStale, Reason: "the endpoint is far behind the others; its \"not found\" does not count"}
			res.failed = append(res.failed, a)
		} else {
			kept = append(kept, a)
		}
		e.record(rec, g, a)
	}
	res.absent = kept
}

func (e *Backend) record(rec *recorder, g group, a *answer) {
	row := diagnose.Searched{ChainID: g.chain.ID, Chain: g.chain.Name, Endpoint: noderpc.Redact(a.endpoint), LatencyMS: a.latency.Milliseconds()}
	if a.facts != nil && a.facts.Chain.ID != 0 {
		row.ChainID, row.Chain = a.facts.Chain.ID, a.facts.Chain.Name
	}
	if a.client != nil {
		row.Requests = a.client.Requests()
	}
	switch {
	case a.err != nil:
		row.Result, row.Fault, row.Error = "error", string(a.err.Fault), a.err.Reason
	case a.found():
		row.Result = "found"
	default:
		row.Result = "absent"
	}
	rec.add(row)
}

// setRequests updates the request count of an endpoint's row once its
// second round trip is done.
func (r *recorder) setRequests(endpoint string, n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	red := noderpc.Redact(endpoint)
	for i := range r.rows {
		if r.rows[i].Endpoint == red && r.rows[i].Result == "found" {
			r.rows[i].Requests = n
		}
	}
}
