package bitcoin

import (
	"math"
	"strconv"
	"time"
)

// facts are what one endpoint said about a txid, in the transport's
// neutral form. The rules read only these; they do no I/O.
type facts struct {
	found     bool
	confirmed bool
	// confirmations is the node's own count (Core); 0 means compute it
	// from blockHeight and tipHeight.
	confirmations int64
	blockHeight   int64
	tipHeight     int64

	feeSat   int64
	feeKnown bool
	vsize    int64
	inputs   []outpoint
	// outputTypes are the script types of the outputs (p2wpkh, p2tr…).
	outputTypes []string
	// firstSeen is when the node first saw it; zero when unknown.
	firstSeen time.Time

	// nextBlockRate is the rate for the next block(s), in sat/vB; 0 when
	// unknown.
	nextBlockRate   float64
	nextBlockSource string
	// minRate is the eviction floor (mempoolminfee, minimumFee); 0 when
	// unknown.
	minRate       float64
	minRateSource string
	// relayFloor and incremental are the node's minrelaytxfee and
	// incrementalrelayfee in sat/vB; 0 when the node did not say.
	relayFloor  float64
	incremental float64
	// fullRBF is the node's fullrbf setting; nil when it did not say.
	fullRBF *bool
	// bip125 is Core's bip125-replaceable, which counts ancestors too.
	bip125 bool

	// ancestors are the unconfirmed ancestors with their fees, when
	// known; ancestorsKnown is false when they could not be checked.
	ancestors      []relative
	ancestorsKnown bool
	// ancestorCount is the node's count of unconfirmed ancestors when it
	// sums them into one relative (Core's getmempoolentry).
	ancestorCount int
	// descendantFee and descendantVSize are the unconfirmed descendants'
	// totals (a replacement pays for them too); descendantsKnown is false
	// when they could not be checked.
	descendantFee, descendantVSize int64
	descendantsKnown               bool

	// estimates names the calls whose numbers stand in for the ones the
	// node lacks (btcd: getrawmempool, estimatefee).
	estimates []string
	// notes are note keys (note* below): what could not be asked.
	notes []string

	// For a txid no node has: what its inputs say, when they are known
	// (remembered from an earlier check).
	inputsKnown       bool
	replacedBy        string
	conflictConfirmed bool
	inputsUnspent     bool
}

type outpoint struct {
	Txid     string `json:"txid"`
	Vout     uint32 `json:"vout"`
	sequence uint32
}

// relative is an unconfirmed ancestor or descendant.
type relative struct {
	txid   string
	feeSat int64
	vsize  int64
}

// signalsRBF reports BIP125 opt-in: an input with nSequence below
// 0xfffffffe.
func (f *facts) signalsRBF() bool {
	for _, in := range f.inputs {
		if in.sequence < 0xfffffffe {
			return true
		}
	}
	return f.bip125
}

func (f *facts) rate() float64 {
	if f.vsize <= 0 || !f.feeKnown {
		return 0
	}
	return float64(f.feeSat) / float64(f.vsize)
}

// vsizeOf is ceil(weight/4).
func vsizeOf(weight int64) int64 { return (weight + 3) / 4 }

// btcToSat converts a BTC amount a node wrote as a JSON number (1.1e-06
// included) to satoshi.
func btcToSat(s string) (int64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > 21e6 {
		return 0, false
	}
	return int64(math.Round(v * 1e8)), true
}

// kvbToSatVB converts a BTC/kvB rate to sat/vB.
func kvbToSatVB(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > 1 {
		return 0, false
	}
	return v * 1e5, true
}

// Note keys: each is a Bitcoin variant of the rpc_degraded finding
// (rpc_degraded/bitcoin_<key>), so the words exist in every language.
const (
	noteFloorAssumed       = "floor_assumed"
	noteEstimates          = "estimates"
	noteFeesUnavailable    = "fees_unavailable"
	noteParentsUnchecked   = "parents_unchecked"
	noteHistoryUnavailable = "history_unavailable"
	noteSpendsUnchecked    = "spends_unchecked"
	noteNoMempoolInfo      = "no_mempool_info"
	notePoolMissing        = "pool_missing"
	noteNoSpendingIndex    = "no_spending_index"
)
