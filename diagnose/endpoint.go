package diagnose

import (
	"context"
	"strconv"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// EndpointReport is the health of a custom RPC endpoint, as a wallet user
// would put it in "Add network": does it answer, is it the chain it claims,
// is it up to date, how fast is it, can `unstuck check` use it (batches,
// the calls a check makes) and does it serve old state (a failed
// transaction's replay).
type EndpointReport struct {
	Endpoint       string `json:"endpoint"`
	OK             bool   `json:"ok"`
	Reachable      bool   `json:"reachable"`
	ChainID        uint64 `json:"chain_id,omitempty"`
	Chain          string `json:"chain,omitempty"`
	ClaimedChainID uint64 `json:"claimed_chain_id,omitempty"`
	ChainMatches   *bool  `json:"chain_matches,omitempty"`
	Head           uint64 `json:"head,omitempty"`
	ReferenceHead  uint64 `json:"reference_head,omitempty"`
	BlocksBehind   *int64 `json:"blocks_behind,omitempty"`
	// FreshnessChecked is false when no public endpoint of the chain
	// answered, or unstuck knows none (a custom chain, --rpc): whether it
	// is up to date is unknown. When some exist and none answered, that is
	// a problem finding; when none exist, it is only this field.
	FreshnessChecked bool  `json:"freshness_checked"`
	LatencyMS        int64 `json:"latency_ms"`
	// BatchCap is the largest batch (up to 10 calls, the probe's size) it
	// answered; BatchRefused says a larger one was refused.
	BatchCap     int  `json:"batch_cap,omitempty"`
	BatchRefused bool `json:"batch_refused,omitempty"`
	// UsableByCheck is whether it answered every call `unstuck check` needs.
	UsableByCheck bool `json:"usable_by_check"`
	// Archive is "full" (state 100,000 blocks back), "recent" (128 blocks
	// back, not 100,000), "none" (not even 128), or "unknown".
	Archive  string     `json:"archive,omitempty"`
	Fault    string     `json:"fault,omitempty"`
	Error    string     `json:"error,omitempty"`
	Findings []Finding  `json:"findings"`
	Problems []string   `json:"problems"` // the problem findings' titles in English
	Searched []Searched `json:"searched"`
}

// behindLimit is how many blocks behind the public endpoints an endpoint
// may be before a wallet using it shows stale balances and nonces.
const behindLimit = 10

type headState struct{ chainID, head uint64 }

// Endpoint checks a custom endpoint: chain id against the claim (0 = no
// claim), head against the registry's public endpoints for that chain,
// latency, the batch size it takes, the calls a check needs, and how old
// a state it serves. Every probe is a bounded, read-only call; public
// endpoints are asked only for their head. A cancelled ctx gives
// ctx.Err(), never a report.
func (e *Engine) Endpoint(ctx context.Context, endpoint string, claimed uint64) (*EndpointReport, error) {
	if err := noderpc.CheckURL(endpoint); err != nil {
		return nil, err
	}
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	rep := &EndpointReport{Endpoint: noderpc.Redact(endpoint), ClaimedChainID: claimed, Findings: []Finding{}, Problems: []string{}, Searched: []Searched{}}
	type refResult struct {
		head  uint64
		tries []attempt[headState]
		ok    bool
		asked bool
	}
	refs := make(chan refResult, 1)
	startRef := func(id uint64) {
		c, ok := e.reg.ByID(id)
		if !ok || len(c.Endpoints) == 0 || len(e.cfg.Endpoints) > 0 {
			refs <- refResult{}
			return
		}
		go func() {
			best, tries, ok := firstSound(ctx, c.Endpoints, func(ctx context.Context, ep string) (headState, int, *noderpc.Error) {
				return e.askHead(ctx, ep)
			})
			refs <- refResult{head: best.value.head, tries: tries, ok: ok, asked: true}
		}()
	}
	if claimed != 0 {
		startRef(claimed)
	}
	began := time.Now()
	pr, n, ferr := e.probe(ctx, endpoint)
	rep.LatencyMS = time.Since(began).Milliseconds()
	if parent.Err() != nil {
		return nil, parent.Err()
	}
	row := Searched{Endpoint: rep.Endpoint, LatencyMS: rep.LatencyMS, Requests: n, Result: "found"}
	if ferr != nil {
		rep.Fault, rep.Error = string(ferr.Fault), ferr.Reason
		row.Result, row.Fault, row.Error = "error", rep.Fault, rep.Error
		rep.Searched = append(rep.Searched, row)
		rep.addFinding(CodeRPCDegraded, SevError, map[string]string{"variant": "endpoint_unreachable",
			"reason": ferr.Reason, "fault_zh": ferr.Fault.WordsZH()})
		if claimed != 0 {
			<-refs
		}
		return rep, nil
	}
	rep.Reachable, rep.ChainID, rep.Head = true, pr.chainID, pr.head
	rep.Chain = e.reg.Name(pr.chainID)
	rep.BatchCap, rep.BatchRefused, rep.Archive = pr.batchCap, pr.batchRefused, pr.archive
	rep.UsableByCheck = pr.unusable == nil
	row.ChainID, row.Chain = pr.chainID, rep.Chain
	rep.Searched = append(rep.Searched, row)
	if claimed == 0 {
		startRef(pr.chainID)
	} else {
		match := claimed == pr.chainID
		rep.ChainMatches = &match
		if !match {
			rep.addFinding(CodeWrongChain, SevError, map[string]string{"variant": "endpoint",
				"chain": rep.Chain, "chain_id": strconv.FormatUint(pr.chainID, 10),
				"claimed": e.reg.Name(claimed), "claimed_id": strconv.FormatUint(claimed, 10)})
		}
	}
	if pr.unusable != nil {
		rep.addFinding(CodeRPCDegraded, SevError, map[string]string{"variant": "endpoint_unusable",
			"method": pr.unusableMethod, "reason": pr.unusable.Reason, "fault_zh": pr.unusable.Fault.WordsZH()})
	}
	ref := <-refs
	refChain, _ := e.reg.ByID(firstNonZero(claimed, pr.chainID))
	for _, t := range ref.tries {
		rep.Searched = append(rep.Searched, searchedRow(refChain.ID, refChain.Name, t, t.err == nil))
	}
	switch {
	case ref.ok && (claimed == 0 || claimed == pr.chainID):
		rep.FreshnessChecked = true
		rep.ReferenceHead = ref.head
		behind := int64(ref.head) - int64(pr.head)
		rep.BlocksBehind = &behind
		if behind > behindLimit {
			rep.addFinding(CodeRPCDegraded, SevWarn, map[string]string{"variant": "endpoint_behind", "behind": strconv.FormatInt(behind, 10)})
		}
	case ref.asked && (claimed == 0 || claimed == pr.chainID):
		// Public endpoints exist but none answered: not known to be fresh.
		rep.addFinding(CodeRPCDegraded, SevWarn, map[string]string{"variant": "endpoint_freshness_unknown", "chain": rep.Chain})
	}
	rep.OK = len(rep.Problems) == 0
	return rep, nil
}

// addFinding adds a finding in English (LocalizeFindings turns it into
// another language); an error or warning is also a problem.
func (rep *EndpointReport) addFinding(code Code, sev Severity, data map[string]string) {
	f := Finding{Code: code, Severity: sev, Guide: GuideFor(code), Data: data}
	f.Title, f.Detail = render("en", code, data)
	rep.Findings = append(rep.Findings, f)
	if sev != SevInfo {
		rep.Problems = append(rep.Problems, f.Title+": "+f.Detail)
	}
}

// Unreachable reports whether the endpoint could not be asked at all.
func (rep *EndpointReport) Unreachable() bool { return !rep.Reachable }

func firstNonZero(a, b uint64) uint64 {
	if a != 0 {
		return a
	}
	return b
}

func (e *Engine) askHead(ctx context.Context, endpoint string) (headState, int, *noderpc.Error) {
	var st headState
	calls := []*noderpc.Call{noderpc.NewCall("eth_chainId"), noderpc.NewCall("eth_blockNumber")}
	n, fault := e.askAll(ctx, endpoint, calls)
	if fault != nil {
		return st, n, fault
	}
	var derr error
	if st.chainID, derr = decodeUint(calls[0].Result); derr != nil {
		return st, n, malformed("eth_chainId", derr)
	}
	if st.head, derr = decodeUint(calls[1].Result); derr != nil {
		return st, n, malformed("eth_blockNumber", derr)
	}
	return st, n, nil
}
