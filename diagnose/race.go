package diagnose

import (
	"context"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// RaceWidth is how many endpoints of one network are asked at once. More
// are started only as earlier ones fail.
const RaceWidth = 3

// Attempt is one endpoint's try in a race.
type Attempt[T any] struct {
	Endpoint string
	Value    T
	Err      *noderpc.Error // nil: a sound answer
	Latency  time.Duration
	Requests int
	// Late: it ended after the race was settled (cancelled, or a sound
	// answer no longer needed).
	Late bool
}

// Race is the one way a network's endpoints are asked, for a transaction,
// an account or an endpoint's reference head, in every family: up to
// RaceWidth at once, the next one started only as one fails, until settled
// says the sound answers so far decide it (nil settles on the first sound
// answer). The others are then cancelled; a sound answer that still comes
// back is marked "not needed". Every try is returned, in the order it
// ended, for the report's searched rows.
func Race[T any](ctx context.Context, endpoints []string, ask func(ctx context.Context, endpoint string) (T, int, *noderpc.Error),
	settled func(sound []Attempt[T]) bool) []Attempt[T] {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if settled == nil {
		settled = func(sound []Attempt[T]) bool { return len(sound) > 0 }
	}
	out := make(chan Attempt[T], len(endpoints))
	next, inflight := 0, 0
	start := func() {
		ep := endpoints[next]
		next++
		inflight++
		go func() {
			began := time.Now()
			v, n, err := ask(ctx, ep)
			out <- Attempt[T]{Endpoint: ep, Value: v, Err: err, Latency: time.Since(began), Requests: n}
		}()
	}
	for next < len(endpoints) && next < RaceWidth {
		start()
	}
	var tries, sound []Attempt[T]
	done := false
	for inflight > 0 {
		a := <-out
		inflight--
		a.Late = done
		switch {
		case a.Err == nil && done:
			a.Err = &noderpc.Error{Fault: noderpc.FaultCancelled, Reason: "not needed: another endpoint answered first"}
		case a.Err == nil:
			sound = append(sound, a)
			if settled(sound) {
				done = true
				cancel()
			}
		case !done && next < len(endpoints) && ctx.Err() == nil:
			start()
		}
		tries = append(tries, a)
	}
	return tries
}

// FirstSound is the first sound answer among tries, if any.
func FirstSound[T any](tries []Attempt[T]) (Attempt[T], bool) {
	for _, a := range tries {
		if a.Err == nil {
			return a, true
		}
	}
	return Attempt[T]{}, false
}

// Row is the try's `searched` row; found says it found what was asked.
func (a Attempt[T]) Row(chainID uint64, chain string, found bool) Searched {
	row := Searched{ChainID: chainID, Chain: chain, Endpoint: noderpc.Redact(a.Endpoint), LatencyMS: a.Latency.Milliseconds(), Requests: a.Requests}
	switch {
	case a.Err != nil:
		row.Result, row.Fault, row.Error = "error", string(a.Err.Fault), a.Err.Reason
	case found:
		row.Result = "found"
	default:
		row.Result = "absent"
	}
	return row
}
