package bitcoin

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// The shapes of Bitcoin Core's (and btcd's) answers. Amounts stay
// json.Number so that 1.1e-06 is read exactly as the node wrote it.

type coreTx struct {
	Txid          string `json:"txid"`
	VSize         int64  `json:"vsize"`
	Weight        int64  `json:"weight"`
	Confirmations int64  `json:"confirmations"`
	BlockHash     string `json:"blockhash"`
	Vin           []struct {
		Txid     string `json:"txid"`
		Vout     uint32 `json:"vout"`
		Coinbase string `json:"coinbase"`
		Sequence uint32 `json:"sequence"`
	} `json:"vin"`
	Vout []struct {
		ScriptPubKey struct {
			Type string `json:"type"`
		} `json:"scriptPubKey"`
	} `json:"vout"`
}

type coreMempoolEntry struct {
	VSize         int64 `json:"vsize"`
	VSizeBIP141   int64 `json:"vsize_bip141"`
	Weight        int64 `json:"weight"`
	Time          int64 `json:"time"`
	AncestorCount int64 `json:"ancestorcount"`
	AncestorSize  int64 `json:"ancestorsize"`
	DescendantSz  int64 `json:"descendantsize"`
	Fees          struct {
		Base       json.Number `json:"base"`
		Ancestor   json.Number `json:"ancestor"`
		Descendant json.Number `json:"descendant"`
	} `json:"fees"`
	Depends     []string `json:"depends"`
	Replaceable *bool    `json:"bip125-replaceable"`
	// btcd's getrawmempool true has fee at the top level.
	Fee json.Number `json:"fee"`
}

type coreMempoolInfo struct {
	MempoolMinFee json.Number `json:"mempoolminfee"`
	MinRelayFee   json.Number `json:"minrelaytxfee"`
	Incremental   json.Number `json:"incrementalrelayfee"`
	FullRBF       *bool       `json:"fullrbf"`
}

type coreSmartFee struct {
	FeeRate json.Number `json:"feerate"`
	Errors  []string    `json:"errors"`
}

type coreSpending struct {
	Txid         string `json:"txid"`
	Vout         uint32 `json:"vout"`
	SpendingTxid string `json:"spendingtxid"`
}

func decodeCoreTx(raw []byte, txid string) (*coreTx, error) {
	var t coreTx
	if err := json.Unmarshal(raw, &t); err != nil {
		return nil, err
	}
	if t.Txid != txid {
		return nil, fmt.Errorf("the node answered about another transaction")
	}
	if t.VSize <= 0 && t.Weight <= 0 {
		return nil, errors.New("the transaction has no size")
	}
	if t.VSize <= 0 || t.Weight > 0 && vsizeOf(t.Weight) > t.VSize {
		t.VSize = vsizeOf(t.Weight)
	}
	for _, in := range t.Vin {
		if in.Coinbase == "" {
			if _, err := ParseTxid(in.Txid); err != nil {
				return nil, errors.New("an input has a malformed txid")
			}
		}
	}
	if t.Confirmations < 0 {
		t.Confirmations = 0
	}
	return &t, nil
}

// entryFee is the base fee of a mempool entry (Core fees.base, btcd fee).
func (e *coreMempoolEntry) entryFee() (int64, bool) {
	if e.Fees.Base != "" {
		return btcToSat(string(e.Fees.Base))
	}
	if e.Fee != "" {
		return btcToSat(string(e.Fee))
	}
	return 0, false
}

func (e *coreMempoolEntry) size() int64 {
	switch {
	case e.VSizeBIP141 > 0:
		return e.VSizeBIP141
	case e.Weight > 0:
		return vsizeOf(e.Weight)
	}
	return e.VSize
}

func (e *coreMempoolEntry) seen() time.Time {
	if e.Time <= 0 || e.Time > 1<<40 {
		return time.Time{}
	}
	return time.Unix(e.Time, 0)
}
