package evm

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
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
