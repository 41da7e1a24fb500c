package evm

import (
	"net/url"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// judgeMissing explains a hash no chain knows. "Dropped" and "replaced"
// need the sender's nonce as evidence, never one node's silence.
func (e *Backend) judgeMissing(rep *diagnose.Report, opt diagnose.CheckOptions, results []groupResult, remembered *Remembered) {
	if indexing(results) {
		rep.Status = diagnose.StatusUnknown
		rep.Add(diagnose.CodeIndexing, diagnose.SevWarn, map[string]string{})
		return
	}
	if !anySound(results) {
		rep.Status = diagnose.StatusUnknown
		data := map[string]string{"variant": "none", "failed": failedChains(results)}
		if code := allRefused(results); code != "" {
			data["variant"], data["http_status"] = "refused", code
		}
		rep.Add(diagnose.CodeRPCDegraded, diagnose.SevError, data)
		return
	}
	rep.Status = diagnose.StatusNotFound
	if remembered != nil {
		if absent := absentOn(results, remembered.ChainID); len(absent) > 0 {
			rep.Chain = chainRef(absent[0].facts.Chain, remembered.Hash)
			rep.Tx = &diagnose.TxInfo{Hash: remembered.Hash.Hex(), From: remembered.From.Hex(), To: remembered.To,
				Nonce: remembered.Nonce, ValueWei: remembered.ValueWei}
			if e.judgeRemembered(rep, absent, remembered) {
				return
			}
		}
	}
	data := map[string]string{}
	if opt.Chain != 0 {
		data["chain"] = e.reg.Name(opt.Chain)
	}
	if host := testnetHost(rep.Input); host != "" {
		data["variant"], data["explorer"] = "testnet", host
		rep.Add(diagnose.CodeNotFound, diagnose.SevWarn, data)
		return
	}
	if opt.From != "" {
		data["from"] = common.HexToAddress(opt.From).Hex()
		// The chain where the sender has transactions waiting matters most:
		// one of them may be this transaction's speed-up or cancel.
		var best *Facts
		var bestWaiting uint64
		for _, r := range results {
			for _, a := range r.absent {
				f := a.facts
				if (opt.Chain != 0 && f.Chain.ID != opt.Chain) || f.LatestNonce == nil || f.PendingNonce == nil {
					continue
				}
				waiting := *f.PendingNonce - min(*f.PendingNonce, *f.LatestNonce)
				if best == nil || waiting > bestWaiting {
					best, bestWaiting = f, waiting
				}
			}
		}
		if best != nil {
			data["latest_nonce"], data["pending_nonce"] = u64(*best.LatestNonce), u64(*best.PendingNonce)
			data["waiting"], data["chain"], data["variant"] = u64(bestWaiting), best.Chain.Name, "with_sender"
			if bestWaiting > 0 {
				data["variant"] = "sender_waiting"
			}
		}
	}
	rep.Add(diagnose.CodeNotFound, diagnose.SevWarn, data)
}

// judgeRemembered decides replaced / cancelled / dropped for a transaction
// seen pending before. It reports whether it could decide. "Dropped" needs
// both nonces: while the pending nonce is past the transaction's, a
// same-nonce replacement waits in the pool and may still confirm.
func (e *Backend) judgeRemembered(rep *diagnose.Report, absent []*answer, m *Remembered) bool {
	// Every endpoint that said "absent" counts: one whose pool holds the
	// replacement is enough to rule out "dropped".
	var f *Facts
	var latest, pending uint64
	pendingKnown := true
	var pool *nodePool
	var repl *nodeTx
	for _, x := range absent {
		xf := x.facts
		if xf.LatestNonce == nil {
			continue
		}
		if f == nil {
			f = xf
		}
		latest = max(latest, *xf.LatestNonce)
		if xf.PendingNonce == nil {
			pendingKnown = false
		} else {
			pending = max(pending, *xf.PendingNonce)
		}
		if xf.Pool != nil {
			pool = xf.Pool
		}
		if xf.Replacement != nil {
			repl = xf.Replacement
		}
	}
	if f == nil {
		return false
	}
	rep.Chain = chainRef(f.Chain, m.Hash)
	data := map[string]string{"nonce": u64(m.Nonce), "latest_nonce": u64(latest), "chain": f.Chain.Name, "from": m.From.Hex()}
	if pendingKnown {
		data["pending_nonce"] = u64(pending)
	}
	switch {
	case latest > m.Nonce:
		rep.Status = diagnose.StatusReplaced
		judgeReplacement(rep, repl, m, data, "known")
		return true
	case pending > m.Nonce:
		rep.Status = diagnose.StatusReplaced
		data["replacement_state"] = "pending"
		judgeReplacement(rep, pool.tx(m.Nonce), m, data, "pending_known")
		return true
	case !pendingKnown:
		return false // cannot rule out a waiting replacement
	case f.Chain.PrivateMempool:
		rep.Add(diagnose.CodePrivateMempool, diagnose.SevWarn, data)
		return true
	}
	rep.Status = diagnose.StatusDropped
	rep.Add(diagnose.CodeDropped, diagnose.SevWarn, data)
	return true
}

// judgeReplacement says replaced or cancelled; known is the variant used
// when the replacing transaction is known.
func judgeReplacement(rep *diagnose.Report, repl *nodeTx, m *Remembered, data map[string]string, known string) {
	if data["replacement_state"] == "pending" {
		data["variant"] = "pending"
	}
	if repl != nil {
		data["replacement"], data["variant"] = repl.Hash.Hex(), known
		if repl.To != nil && *repl.To == m.From && repl.Value.ToInt().Sign() == 0 {
			rep.Add(diagnose.CodeCancelled, diagnose.SevInfo, data)
			return
		}
	}
	rep.Add(diagnose.CodeReplaced, diagnose.SevWarn, data)
}

// testnetWords mark a test network's explorer host (sepolia.etherscan.io,
// testnet.bscscan.com, amoy.polygonscan.com, sepolia-optimism.etherscan.io).
var testnetWords = []string{"sepolia", "holesky", "hoodi", "goerli", "testnet", "amoy", "mumbai", "fuji", "chapel", "nile", "shasta"}

// testnetHost is the host of an explorer link to a test network, or "".
// unstuck searches main networks only, so such a hash is never found.
func testnetHost(input string) string {
	raw := strings.TrimSpace(input)
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || !strings.Contains(u.Hostname(), ".") {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	labels := strings.Split(host, ".")
	for _, l := range labels[:len(labels)-1] {
		for _, w := range testnetWords {
			if strings.Contains(l, w) {
				return host
			}
		}
	}
	return ""
}

// absentOn lists every "absent" answer from the chain, across groups (two
// custom endpoints of one chain are two groups).
func absentOn(results []groupResult, chainID uint64) []*answer {
	var out []*answer
	for _, r := range results {
		for _, a := range r.absent {
			if a.facts.Chain.ID == chainID {
				out = append(out, a)
			}
		}
	}
	return out
}

func indexing(results []groupResult) bool {
	for _, r := range results {
		if r.found != nil || len(r.absent) > 0 {
			continue
		}
		for _, a := range r.failed {
			if a.err.Fault == noderpc.FaultIndexing {
				return true
			}
		}
	}
	return false
}
