package bitcoin

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// The shapes of Esplora's answers (Blockstream/esplora API.md,
// mempool.space api-docs).

type esploraStatus struct {
	Confirmed   bool  `json:"confirmed"`
	BlockHeight int64 `json:"block_height"`
}

type esploraTx struct {
	Txid   string `json:"txid"`
	Weight int64  `json:"weight"`
	Fee    *int64 `json:"fee"`
	Vin    []struct {
		Txid       string `json:"txid"`
		Vout       uint32 `json:"vout"`
		Sequence   uint32 `json:"sequence"`
		IsCoinbase bool   `json:"is_coinbase"`
	} `json:"vin"`
	Vout []struct {
		Type string `json:"scriptpubkey_type"`
	} `json:"vout"`
	Status esploraStatus `json:"status"`
}

type esploraOutspend struct {
	Spent  bool          `json:"spent"`
	Txid   string        `json:"txid"`
	Status esploraStatus `json:"status"`
}

// mempoolRecommended is mempool.space's /v1/fees/recommended.
type mempoolRecommended struct {
	FastestFee *float64 `json:"fastestFee"`
	MinimumFee *float64 `json:"minimumFee"`
}

// mempoolRBF is mempool.space's /v1/tx/:txid/rbf: the replacement tree
// whose root is the newest replacement.
type mempoolRBF struct {
	Replacements *struct {
		Tx struct {
			Txid string `json:"txid"`
		} `json:"tx"`
	} `json:"replacements"`
}

// mempoolCPFP is mempool.space's /v1/cpfp/:txid.
type mempoolCPFP struct {
	Ancestors []struct {
		Txid   string `json:"txid"`
		Fee    int64  `json:"fee"`
		Weight int64  `json:"weight"`
	} `json:"ancestors"`
	Descendants []struct {
		Txid   string `json:"txid"`
		Fee    int64  `json:"fee"`
		Weight int64  `json:"weight"`
	} `json:"descendants"`
}

func decodeEsploraTx(raw []byte, txid string) (*esploraTx, error) {
	var t esploraTx
	if err := json.Unmarshal(raw, &t); err != nil {
		return nil, err
	}
	if t.Txid != txid {
		return nil, errors.New("the endpoint answered about another transaction")
	}
	if t.Weight <= 0 || t.Weight > 4_000_000 {
		return nil, errors.New("the transaction has an impossible weight")
	}
	if t.Fee != nil && (*t.Fee < 0 || *t.Fee > 21e14) {
		return nil, errors.New("the transaction has an impossible fee")
	}
	for _, in := range t.Vin {
		if in.IsCoinbase {
			continue
		}
		if _, err := ParseTxid(in.Txid); err != nil {
			return nil, errors.New("an input has a malformed txid")
		}
	}
	if t.Status.Confirmed && t.Status.BlockHeight < 0 {
		return nil, errors.New("a negative block height")
	}
	return &t, nil
}

// decodeHeight reads /blocks/tip/height: a bare number as text.
func decodeHeight(raw []byte) (int64, error) {
	h, err := strconv.ParseInt(strings.TrimSpace(string(raw)), 10, 64)
	if err != nil || h < 0 {
		return 0, errors.New("not a block height")
	}
	return h, nil
}

// decodeFeeEstimates reads /fee-estimates: {"1": rate, "2": rate, …} in
// sat/vB. The next-block rate is the lowest target's.
func decodeFeeEstimates(raw []byte) (float64, error) {
	var m map[string]float64
	if err := json.Unmarshal(raw, &m); err != nil {
		return 0, err
	}
	best, rate := int64(-1), 0.0
	for k, v := range m {
		n, err := strconv.ParseInt(k, 10, 64)
		if err != nil || n < 1 || v < 0 || v > 1e6 {
			continue
		}
		if best < 0 || n < best {
			best, rate = n, v
		}
	}
	if best < 0 {
		return 0, errors.New("no fee estimate")
	}
	return rate, nil
}
