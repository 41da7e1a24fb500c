package noderpc

import (
	"regexp"
	"strconv"
	"strings"
)

// Class is what a JSON-RPC error object means for the client, judged on
// its own (one item of a batch, or the whole answer). The shapes come from
// ENDPOINTS.md: what the public operators actually send.
type Class int

// Classes.
const (
	// ClassAnswer: the node's real answer to the call (a revert, an
	// invalid argument): keep it.
	ClassAnswer Class = iota
	// ClassRateLimit: asked too fast; back off and retry, then go elsewhere.
	ClassRateLimit
	// ClassQuota: a daily quota is spent (1RPC -32001); retrying today is
	// pointless, go elsewhere.
	ClassQuota
	// ClassNoState: this host does not keep the state or block asked for
	// (archive refusals, pruned state, an unknown old header).
	ClassNoState
	// ClassUnsupported: this host will not do this call at all (method not
	// offered, endpoint discontinued, key needed).
	ClassUnsupported
	// ClassBatch: the batch was refused as too large; the call was not
	// answered and must be sent again in a smaller batch.
	ClassBatch
	// ClassUnknownBlock: this host does not know the block asked for (yet):
	// a ClassNoState that a load-balanced endpoint may answer a moment
	// later, when the block was seen to exist.
	ClassUnknownBlock
	// ClassIndexing: the node is still building its transaction index and
	// cannot look a transaction up yet.
	ClassIndexing
)

// Dialect is what one family's nodes mean by their own words, judged
// before the operators' refusal shapes every JSON-RPC host shares: the
// EVM backend's says a revert is the node's answer and "missing trie
// node" a pruned state. ok is false when it does not know the words.
type Dialect func(code int, low string) (c Class, ok bool)

// batchCapHint finds the cap a batch refusal names: dRPC "Batch of more
// than 3 requests", Erigon "batch limit 100 exceeded".
var batchCapHint = regexp.MustCompile(`(?i)batch (?:of more than|limit) (\d{1,4})`)

// ClassifyItem judges one JSON-RPC error object by the shapes every host
// shares, with no family's dialect.
func ClassifyItem(code int, msg string) Class { return Dialect(nil).ClassifyItem(code, msg) }

// ClassifyItem judges one JSON-RPC error object: the dialect's words first,
// then the shapes every host shares (ENDPOINTS.md).
func (d Dialect) ClassifyItem(code int, msg string) Class {
	low := strings.ToLower(msg)
	if d != nil {
		if c, ok := d(code, low); ok {
			return c
		}
	}
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(low, w) {
				return true
			}
		}
		return false
	}
	switch {
	case isBatchRefusal(code, low):
		return ClassBatch
	case code == -32001 && has("quota"):
		return ClassQuota
	case code == -32005 && strings.TrimSpace(low) == "limit exceeded":
		return ClassUnsupported // bsc-dataseed's disabled eth_getLogs, not a rate limit
	case code == -32016 || code == -32017 || code == -32097 || code == -32029 || code == 429 || code == 30,
		code == -32012 && has("capacity", "credits"),
		code == -32005 && has("rate", "too many", "request count", "capacity", "limit exceeded"),
		has("rate limit", "rate-limit", "ratelimit", "too many requests", "throttled", "quota exceeded",
			"capacity exceeded", "request count exceeded", "timeout on the free tier", "timeout on the free plan",
			"error code: 1015", "over rate limit", "reached public endpoint rate limit"):
		return ClassRateLimit
	case has("archive", "historical state", "state unavailable", "state is not available", "pruned"):
		return ClassNoState
	case code == -32601 || has("not whitelisted", "does not exist/is not available", "method not available",
		"not available on free plan", "discontinued", "api key disabled", "must authenticate", "is not available"):
		return ClassUnsupported
	}
	return ClassAnswer
}

// isBatchRefusal recognises the texts servers use to refuse a batch as
// too large: geth -32600 "batch too large", proxyd -32014 "too many RPC
// calls in batch request", dRPC/1RPC code 31 "Batch of more than 3
// requests…", Erigon "batch limit 100 exceeded".
func isBatchRefusal(code int, low string) bool {
	switch {
	case strings.Contains(low, "batch too large"), strings.Contains(low, "too many rpc calls in batch"),
		strings.Contains(low, "batch of more than"), strings.Contains(low, "batch limit"),
		strings.Contains(low, "batch size"), strings.Contains(low, "batch requests are"):
		return true
	case code == -32014 || code == 31:
		return strings.Contains(low, "batch")
	}
	return false
}

// capHint is the cap a batch refusal names, or 0.
func capHint(msg string) int {
	m := batchCapHint.FindStringSubmatch(msg)
	if m == nil {
		return 0
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n < 1 {
		return 0
	}
	return n
}
