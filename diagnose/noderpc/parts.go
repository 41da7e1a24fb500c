package noderpc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// exchange is one Batch: the calls, the answers gathered so far from
// however many requests, and which calls went out with "latest" pinned.
// Parts write to disjoint answers, so they need no lock.
type exchange struct {
	c       *Client
	calls   []*Call
	answers []answer
	pin     uint64
	unpin   []bool // the call asks for "latest" as written (it was refused at the pinned block)
	retried []bool // the call was asked again after "header not found" for a block seen to exist
}

func newExchange(c *Client, calls []*Call) *exchange {
	n := len(calls)
	return &exchange{c: c, calls: calls, answers: make([]answer, n), pin: c.Head(), unpin: make([]bool, n), retried: make([]bool, n)}
}

// outcome is what one HTTP request did for the calls it carried.
type outcome struct {
	fault      *Error
	unanswered []int // refused as part of a too-large batch: send again, smaller
	limited    []int // rate-limited on their own: send again after a wait
	repin      []int // refused at the pinned block: send again asking for "latest"
	lagging    []int // "header not found" for a block known to exist: ask again in a moment
	hint       int   // the cap the refusal named, if any
	quota      bool  // a daily quota is spent: no retry today
}

// send sends the calls idx, split into parts of at most the cap, all parts
// at the same time. It returns the first fault of any part.
func (x *exchange) send(ctx context.Context, idx []int) *Error {
	parts := chunk(idx, x.c.Cap())
	if len(parts) == 1 {
		return x.sendPart(ctx, parts[0])
	}
	errs := make([]*Error, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = x.sendPart(ctx, p)
		}()
	}
	wg.Wait()
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// sendPart sends one part and deals with what came back: the refused
// calls again in halves, the rate-limited ones again after a wait.
func (x *exchange) sendPart(ctx context.Context, idx []int) *Error {
	for try := 0; ; try++ {
		out := x.post(ctx, idx)
		if out.quota {
			x.c.caps.PutQuotaSpent(x.c.host)
		}
		if out.fault != nil {
			if out.fault.Fault != FaultRateLimited || try+1 >= RateTries || out.quota {
				return out.fault
			}
			if x.c.wait(ctx, try, out.fault.RetryAfter) != nil {
				return out.fault
			}
			continue
		}
		if len(out.unanswered) > 0 {
			smaller := len(idx) / 2
			if out.hint > 0 && out.hint < len(idx) {
				smaller = out.hint
			}
			x.c.lowerCap(max(smaller, 1))
			if err := x.send(ctx, out.unanswered); err != nil {
				return err
			}
		}
		if len(out.repin) > 0 {
			for _, i := range out.repin {
				x.unpin[i] = true
			}
			if err := x.send(ctx, out.repin); err != nil {
				return err
			}
		}
		if len(out.lagging) > 0 && x.c.sleep(ctx, x.c.headerWait) == nil {
			// A load-balanced backend behind the block another one (or this
			// endpoint's own head) showed: it catches up within a second or two.
			for _, i := range out.lagging {
				x.retried[i] = true
			}
			if err := x.send(ctx, out.lagging); err != nil {
				return err
			}
		}
		if len(out.limited) == 0 || try+1 >= RateTries {
			return nil // calls still rate-limited keep the node's error as their answer
		}
		if x.c.wait(ctx, try, 0) != nil {
			return nil
		}
		idx = out.limited
	}
}

// wait sleeps before try+1: Retry-After when the endpoint gave one, else
// the backoff doubled per try. It fails when the wait would pass MaxWait
// or the context's deadline, so that the caller fails over instead.
func (c *Client) wait(ctx context.Context, try int, retryAfter time.Duration) error {
	d := c.backoff << try
	if retryAfter > 0 {
		d = retryAfter
	}
	if d > MaxWait {
		return errors.New("the endpoint asked to wait too long")
	}
	return c.sleep(ctx, d)
}

// sleep waits d, unless ctx ends first or its deadline is nearer than d.
func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < d {
		return context.DeadlineExceeded
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// quotaReason marks a spent daily quota, which no wait fixes today.
const quotaReason = "the endpoint's daily quota is used up"

// post sends the calls idx in one HTTP request and reads the answer.
func (x *exchange) post(ctx context.Context, idx []int) outcome {
	body, err := x.encode(idx)
	if err != nil {
		return outcome{fault: &Error{Fault: FaultMalformed, Reason: "the request could not be encoded", Err: err}}
	}
	raw, err := x.c.post(ctx, body)
	if err != nil {
		return x.failed(ctx, idx, err)
	}
	return x.read(idx, raw)
}

// failed handles a request that got no 2xx answer.
func (x *exchange) failed(ctx context.Context, idx []int, err error) outcome {
	var h *HTTPError
	if !errors.As(err, &h) {
		var e *Error
		if errors.As(err, &e) {
			return outcome{fault: e}
		}
		if ctx.Err() != nil {
			err = fmt.Errorf("%w (%v)", ctx.Err(), err)
		}
		return outcome{fault: Classify(err)}
	}
	f := classifyHTTP(h)
	if strings.HasPrefix(f.Reason, quotaReason) {
		return outcome{fault: f, quota: true}
	}
	switch {
	case f.Fault == FaultRateLimited, h.StatusCode == http.StatusUnauthorized, h.StatusCode == http.StatusPaymentRequired:
		return outcome{fault: f}
	case len(idx) > 1 && refusesBatches(h.StatusCode):
		// dRPC: HTTP 500, every item "Batch of more than 3 requests…";
		// PublicNode: HTTP 403 for the whole POST; 413 for a large body.
		_, msg := bodyError(h.Body)
		return outcome{unanswered: idx, hint: capHint(msg)}
	case len(idx) == 1 && (f.Fault == FaultNoState || f.Fault == FaultUnsupported):
		// The node's own error object for this one call, sent with a 4xx
		// (PublicNode's 403 archive refusal, dRPC's 400 -32601): its answer.
		if e := envelopeError(h.Body); e != nil {
			x.answers[idx[0]] = answer{err: e}
			return outcome{}
		}
	}
	return outcome{fault: f}
}

// refusesBatches lists the statuses operators refuse an oversized batch
// with; a 502–504 is a gateway in trouble, which smaller batches do not fix.
func refusesBatches(status int) bool {
	switch status {
	case 400, 403, 413, 422, 500:
		return true
	}
	return false
}

// envelopeError is the JSON-RPC error object of a one-answer body, or nil.
func envelopeError(body []byte) *RPCError {
	resps, err := splitAnswers(body)
	if err != nil || len(resps) != 1 || resps[0] == nil || isNull(resps[0].Error) {
		return nil
	}
	return decodeRPCError(resps[0].Error)
}

// read matches a 2xx answer to the calls idx by id.
func (x *exchange) read(idx []int, raw []byte) outcome {
	many := len(idx) > 1
	resps, err := splitAnswers(raw)
	if err != nil {
		// HTML or plain text: a gateway's page. Smaller batches may pass;
		// a single call that gets one has no usable answer.
		code, msg := bodyError(raw)
		switch {
		case x.c.dialect.ClassifyItem(code, msg) == ClassRateLimit:
			return outcome{fault: &Error{Fault: FaultRateLimited, Reason: "the endpoint is rate-limiting requests", Err: err}}
		case many:
			return outcome{unanswered: idx}
		}
		return outcome{fault: malformedAnswer(err)}
	}
	if many && bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
		// One object answering a batch (proxyd -32014, id null).
		return x.wholeRefusal(idx, resps[0])
	}
	pos := make(map[int]int, len(idx)) // call index → position in idx
	for p, i := range idx {
		pos[i] = p
	}
	got := make([]bool, len(idx))
	var out outcome
	firstErr, sameErr, errCount := "", true, 0
	for _, r := range resps {
		if r == nil {
			continue // null in a batch: nothing to match, as go-ethereum skips it
		}
		i, ok := callIndex(r.ID, len(x.calls))
		if ok {
			_, ok = pos[i]
		}
		switch {
		case !ok && isNull(r.ID) && !isNull(r.Error):
			if many {
				return x.wholeRefusal(idx, r)
			}
			i, ok = idx[0], true // a lone call's error sent without its id
		case !ok && isNull(r.ID):
			return outcome{fault: malformedAnswer(errors.New("an answer has no id"))}
		case !ok:
			return outcome{fault: malformedAnswer(fmt.Errorf("an answer has id %q, which no call in the request had", clip(r.ID, 24)))}
		}
		p := pos[i]
		if got[p] {
			return outcome{fault: malformedAnswer(fmt.Errorf("two answers have id %d", i+1))}
		}
		got[p] = true
		switch {
		case !isNull(r.Error):
			e := decodeRPCError(r.Error)
			key := fmt.Sprintf("%d %s", e.Code, e.Message)
			if errCount == 0 {
				firstErr = key
			}
			sameErr = sameErr && key == firstErr
			errCount++
			switch class := x.c.dialect.ClassifyItem(e.Code, e.Message); class {
			case ClassBatch:
				if !many {
					return outcome{fault: &Error{Fault: FaultBatchRefused, Reason: "the endpoint refuses even a single call as a batch", Err: e}}
				}
				out.unanswered = append(out.unanswered, i)
				out.hint = max(out.hint, capHint(e.Message))
				continue
			case ClassRateLimit:
				out.limited = append(out.limited, i)
			case ClassQuota:
				out.quota = true
			case ClassNoState, ClassUnknownBlock:
				switch {
				case x.pinned(i):
					out.repin = append(out.repin, i)
					continue
				case class == ClassUnknownBlock && !x.retried[i] && x.seenBlock(i):
					out.lagging = append(out.lagging, i) // keeps the error if the retry cannot run
				}
			}
			x.answers[i] = answer{err: e}
		case r.Result == nil:
			x.answers[i] = answer{err: errNoResult}
		default:
			x.answers[i] = answer{result: r.Result}
		}
	}
	for p, i := range idx {
		if !got[p] {
			if !many {
				return outcome{fault: malformedAnswer(errMissingAnswer)}
			}
			out.unanswered = append(out.unanswered, i) // never an empty result: ask again
		}
	}
	if many && errCount == len(idx) && sameErr && len(out.unanswered) == 0 && len(out.limited) == 0 && x.distinctMethods(idx) {
		// Every call, each a different method, carries the same error: an
		// unrecognised batch refusal. Smaller batches tell.
		return outcome{unanswered: idx}
	}
	return out
}

// wholeRefusal handles one error object answering a whole batch.
func (x *exchange) wholeRefusal(idx []int, r *response) outcome {
	if r == nil || isNull(r.Error) {
		return outcome{unanswered: idx}
	}
	e := decodeRPCError(r.Error)
	switch c := x.c.dialect.ClassifyItem(e.Code, e.Message); c {
	case ClassRateLimit, ClassQuota:
		return outcome{fault: x.c.dialect.ClassifyRPC(e.Code, e.Message, e), quota: c == ClassQuota}
	case ClassUnsupported:
		if e.Code != -32601 {
			return outcome{fault: x.c.dialect.ClassifyRPC(e.Code, e.Message, e)}
		}
	}
	return outcome{unanswered: idx, hint: capHint(e.Message)}
}

func (x *exchange) distinctMethods(idx []int) bool {
	seen := map[string]bool{}
	for _, i := range idx {
		seen[x.calls[i].Method] = true
	}
	return len(seen) > 1
}

// chunk splits idx into parts of at most n.
func chunk(idx []int, n int) [][]int {
	if n < 1 {
		n = 1
	}
	var parts [][]int
	for len(idx) > n {
		parts = append(parts, idx[:n:n])
		idx = idx[n:]
	}
	return append(parts, idx)
}
