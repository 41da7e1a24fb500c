package evm

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// Facts are the parsed node answers about one transaction on one chain:
// everything the rules need, nothing they have to fetch. Rules never do I/O.
type Facts struct {
	Hash     common.Hash
	Chain    chains.Chain
	Endpoint string

	Tx      *nodeTx
	Receipt *nodeReceipt

	Head         uint64
	FeeHistory   *nodeFeeHistory
	GasPrice     *big.Int
	LatestNonce  *uint64
	PendingNonce *uint64
	Balance      *big.Int
	FromCode     []byte
	ToCode       []byte
	CodeKnown    bool
	// Recipient is who a plain coin transfer or an ERC-20 transfer() call
	// pays; RecipientCode is its code.
	Recipient     *common.Address
	RecipientCode []byte

	// Replay is the failed transaction replayed at the start of its block
	// (the parent block's state); ReplayInBlock at the end of its block.
	Replay        *replayResult
	ReplayInBlock *replayResult
	// Pool is what txpool_contentFrom showed of the sender (nil when the
	// node does not answer it or it was not asked).
	Pool        *nodePool
	Tokens      map[common.Address]tokenMeta
	Sender      *common.Address
	Remembered  *Remembered
	Replacement *nodeTx
	ScanDone    bool

	// Degraded lists what could not be asked, or was asked elsewhere.
	Degraded []Note
}

// Note is one thing a verdict had to do without, said in the report's
// rpc_degraded finding in the user's language.
type Note struct {
	Kind     NoteKind
	Endpoint string // redacted: for NoteElsewhere
	Fault    noderpc.Fault
	Reason   string // the fault in English: for NoteFollowUpFailed
}

// NoteKind says what a Note is about.
type NoteKind int

// Notes.
const (
	// NoteElsewhere: the follow-up questions went to another endpoint.
	NoteElsewhere NoteKind = iota
	// NoteFollowUpFailed: every endpoint failed the follow-up questions.
	NoteFollowUpFailed
	// NoteScanFailed: the blocks since a remembered pending tx could not
	// be read.
	NoteScanFailed
	// NoteTokenLookup: a token's symbol or decimals could not be read.
	NoteTokenLookup
	// NoteStateRefused: an endpoint could not replay the failed tx at its
	// block (no state that old, or refused): Endpoint and Fault say which
	// and why.
	NoteStateRefused
)

// Words says the note in lang ("en" or "zh").
func (n Note) Words(lang string) string {
	zh := lang == "zh"
	switch n.Kind {
	case NoteElsewhere:
		if zh {
			return "后续查询改由 " + n.Endpoint + " 回答"
		}
		return "the follow-up questions went to " + n.Endpoint
	case NoteFollowUpFailed:
		if zh {
			return "后续查询失败（" + n.Fault.WordsZH() + "）"
		}
		return "follow-up questions failed: " + n.Reason
	case NoteTokenLookup:
		if zh {
			return "代币的名称或小数位读取失败，金额按最小单位显示"
		}
		return "a token's symbol or decimals could not be read, so its amount is in raw units"
	case NoteStateRefused:
		if zh {
			return n.Endpoint + " 无法重放这笔交易（" + n.Fault.WordsZH() + "）"
		}
		return n.Endpoint + " could not replay the transaction: " + n.Reason
	}
	if zh {
		return "无法读取它被看到之后的区块"
	}
	return "the blocks since it was seen could not be read"
}

// replayResult is what eth_call said when the failed tx was replayed.
type replayResult struct {
	Reverted bool
	Data     []byte
	// Reason is the revert reason the node spelled out in its message
	// (when it sent no data), sanitized.
	Reason       string
	Message      string
	OutOfGas     bool
	StateMissing bool
	Succeeded    bool
	Failed       string
}

type tokenMeta struct {
	Symbol      string
	Decimals    *uint8
	HasDecimals bool
}
