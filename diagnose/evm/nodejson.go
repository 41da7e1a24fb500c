package evm

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// nodeTx is a transaction as a node describes it. It is decoded from raw
// JSON (not go-ethereum's typed decoder) so that unknown transaction types,
// such as L2 deposits, still show.
type nodeTx struct {
	Hash                 common.Hash     `json:"hash"`
	From                 common.Address  `json:"from"`
	To                   *common.Address `json:"to"`
	Nonce                hexutil.Uint64  `json:"nonce"`
	Value                *hexutil.Big    `json:"value"`
	Type                 hexutil.Uint64  `json:"type"`
	Gas                  hexutil.Uint64  `json:"gas"`
	GasPrice             *hexutil.Big    `json:"gasPrice"`
	MaxFeePerGas         *hexutil.Big    `json:"maxFeePerGas"`
	MaxPriorityFeePerGas *hexutil.Big    `json:"maxPriorityFeePerGas"`
	MaxFeePerBlobGas     *hexutil.Big    `json:"maxFeePerBlobGas"`
	BlobHashes           []common.Hash   `json:"blobVersionedHashes"`
	Input                hexutil.Bytes   `json:"input"`
	BlockNumber          *hexutil.Big    `json:"blockNumber"`
	BlockHash            *common.Hash    `json:"blockHash"`
}

type nodeLog struct {
	Address common.Address `json:"address"`
	Topics  []common.Hash  `json:"topics"`
	Data    hexutil.Bytes  `json:"data"`
}

type nodeReceipt struct {
	TransactionHash   common.Hash     `json:"transactionHash"`
	Status            *hexutil.Uint64 `json:"status"`
	BlockNumber       *hexutil.Big    `json:"blockNumber"`
	GasUsed           hexutil.Uint64  `json:"gasUsed"`
	EffectiveGasPrice *hexutil.Big    `json:"effectiveGasPrice"`
	L1Fee             *hexutil.Big    `json:"l1Fee"`
	ContractAddress   *common.Address `json:"contractAddress"`
	BlobGasUsed       *hexutil.Big    `json:"blobGasUsed"`
	BlobGasPrice      *hexutil.Big    `json:"blobGasPrice"`
	Logs              []nodeLog       `json:"logs"`
}

type nodeFeeHistory struct {
	OldestBlock   *hexutil.Big     `json:"oldestBlock"`
	BaseFeePerGas []*hexutil.Big   `json:"baseFeePerGas"`
	BlobBaseFee   []*hexutil.Big   `json:"baseFeePerBlobGas"`
	Reward        [][]*hexutil.Big `json:"reward"`
}

// nodePool is txpool_contentFrom: one sender's pooled transactions by
// nonce (decimal string keys), executable ones under "pending", gapped
// ones under "queued".
type nodePool struct {
	Pending map[string]nodeTx `json:"pending"`
	Queued  map[string]nodeTx `json:"queued"`
}

type nodeBlock struct {
	Number       *hexutil.Big `json:"number"`
	Transactions []nodeTx     `json:"transactions"`
}

// isNull reports whether a raw JSON result is absent or null.
func isNull(raw json.RawMessage) bool {
	s := strings.TrimSpace(string(raw))
	return s == "" || s == "null"
}

// decodeTx decodes eth_getTransactionByHash. A null result is (nil, nil).
// The tx must be the one asked for: a node that answers with another hash
// contradicts itself.
func decodeTx(raw json.RawMessage, want common.Hash) (*nodeTx, error) {
	if isNull(raw) {
		return nil, nil
	}
	var tx nodeTx
	if err := json.Unmarshal(raw, &tx); err != nil {
		return nil, fmt.Errorf("transaction: %w", err)
	}
	if tx.Hash != want {
		return nil, errContradiction("the transaction returned has another hash")
	}
	if tx.Value == nil {
		return nil, errors.New("transaction: missing value")
	}
	return &tx, nil
}

// decodeReceipt decodes eth_getTransactionReceipt. A null result is (nil, nil).
func decodeReceipt(raw json.RawMessage, want common.Hash) (*nodeReceipt, error) {
	if isNull(raw) {
		return nil, nil
	}
	var r nodeReceipt
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("receipt: %w", err)
	}
	if r.TransactionHash != want {
		return nil, errContradiction("the receipt returned belongs to another transaction")
	}
	if r.BlockNumber == nil {
		return nil, errors.New("receipt: missing block number")
	}
	return &r, nil
}

func decodeUint(raw json.RawMessage) (uint64, error) {
	var v hexutil.Uint64
	if err := json.Unmarshal(raw, &v); err != nil {
		return 0, err
	}
	return uint64(v), nil
}

func decodeBig(raw json.RawMessage) (*big.Int, error) {
	var v hexutil.Big
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	return v.ToInt(), nil
}

func decodeBytes(raw json.RawMessage) ([]byte, error) {
	if isNull(raw) {
		return nil, nil
	}
	var v hexutil.Bytes
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	return v, nil
}

type contradiction string

func (c contradiction) Error() string { return string(c) }

func errContradiction(msg string) error { return contradiction(msg) }
