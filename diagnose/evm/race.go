package evm

import (
	"context"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// attempt is one endpoint's try in a race.
type attempt[T any] struct {
	endpoint string
	value    T
	err      *noderpc.Error
	latency  time.Duration
	requests int
}

// firstSound asks up to raceWidth endpoints at once and returns the first
// sound answer, cancelling the rest; every try is returned for `searched`.
// ok is false when no endpoint answered soundly.
func firstSound[T any](ctx context.Context, endpoints []string, ask func(ctx context.Context, endpoint string) (T, int, *noderpc.Error)) (best attempt[T], tries []attempt[T], ok bool) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make(chan attempt[T], len(endpoints))
	next, inflight := 0, 0
	start := func() {
		ep := endpoints[next]
		next++
		inflight++
		go func() {
			began := time.Now()
			v, n, err := ask(ctx, ep)
			out <- attempt[T]{endpoint: ep, value: v, err: err, latency: time.Since(began), requests: n}
		}()
	}
	for next < len(endpoints) && next < raceWidth {
		start()
	}
	for inflight > 0 {
		a := <-out
		inflight--
		if a.err == nil && !ok {
			best, ok = a, true
			cancel()
		} else if a.err == nil {
			a.err = &noderpc.Error{Fault: noderpc.FaultCancelled, Reason: "not needed: another endpoint answered first"}
		} else if !ok && next < len(endpoints) && ctx.Err() == nil {
			start()
		}
		tries = append(tries, a)
	}
	return best, tries, ok
}

// searchedRow turns a try into a `searched` row.
func searchedRow[T any](chainID uint64, chain string, a attempt[T], found bool) diagnose.Searched {
	row := diagnose.Searched{ChainID: chainID, Chain: chain, Endpoint: noderpc.Redact(a.endpoint), LatencyMS: a.latency.Milliseconds(), Requests: a.requests}
	switch {
	case a.err != nil:
		row.Result, row.Fault, row.Error = "error", string(a.err.Fault), a.err.Reason
	case found:
		row.Result = "found"
	default:
		row.Result = "absent"
	}
	return row
}
