package evm

import (
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// FuzzNodeJSON feeds arbitrary node answers to the decoders and, when they
// decode, to the rules: no input may panic, and a decoded transaction or
// receipt is always the one asked for. The fourth answer is the sender's
// pool (txpool_contentFrom): a pooled transaction is only ever taken for the
// nonce it carries.
func FuzzNodeJSON(f *testing.F) {
	hash := common.HexToHash("0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060")
	f.Add([]byte(`null`), []byte(`null`), []byte(`{"baseFeePerGas":["0x1"],"reward":[["0x1","0x2","0x3"]]}`), []byte(`null`))
	f.Add([]byte(`{"hash":"0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060","from":"0x0000000000000000000000000000000000000001","to":null,"nonce":"0x1","value":"0x0","type":"0x2","gas":"0x5208","maxFeePerGas":"0x1","maxPriorityFeePerGas":"0x1","input":"0x","blockNumber":null}`),
		[]byte(`null`), []byte(`{}`), []byte(`{"pending":{"1":{"hash":"0x01","nonce":"0x2"}},"queued":{}}`))
	f.Add([]byte(`{"hash":"0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060","from":"0x0000000000000000000000000000000000000001","to":"0x0000000000000000000000000000000000000002","nonce":"0x0","value":"0x0","type":"0x3","gas":"0x5208","maxFeePerGas":"0x2540be400","maxPriorityFeePerGas":"0x3b9aca00","maxFeePerBlobGas":"0x3b9aca00","blobVersionedHashes":["0x01"],"input":"0x","blockNumber":null}`),
		[]byte(`null`), []byte(`{"baseFeePerGas":["0x1","0x1"],"baseFeePerBlobGas":["0x1","0x2"],"reward":[["0x0","0x0","0x0"]]}`), []byte(`{"pending":{"0":{"hash":"0x02","nonce":"0x0"}}}`))
	f.Add([]byte(`{"hash":"0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060","from":"0x0000000000000000000000000000000000000001","to":"0x0000000000000000000000000000000000000002","nonce":"0x1","value":"0xde0b6b3a7640000","type":"0x7e","gas":"0x5208","input":"0xa9059cbb","blockNumber":"0x10"}`),
		[]byte(`{"transactionHash":"0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060","status":"0x0","blockNumber":"0x10","gasUsed":"0x5208","effectiveGasPrice":"0x3b9aca00","l1Fee":"0x10","logs":[{"address":"0x0000000000000000000000000000000000000003","topics":["0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef","0x0000000000000000000000000000000000000000000000000000000000000001","0x0000000000000000000000000000000000000000000000000000000000000002"],"data":"0x01"}]}`),
		[]byte(`[]`), []byte(`{}`))
	f.Add([]byte(`{"hash":"0x00"}`), []byte(`{"transactionHash":"0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"}`), []byte(`{"baseFeePerGas":[null]}`), []byte(`{"pending":[]}`))
	e, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, txJSON, receiptJSON, feeJSON, poolJSON []byte) {
		c := noderpc.NewCall("txpool_contentFrom")
		c.Result = poolJSON
		pool := readPool(c)
		for n := uint64(0); n < 3; n++ {
			if tx := pool.tx(n); tx != nil && uint64(tx.Nonce) != n {
				t.Fatalf("pool gave nonce %d for %d", tx.Nonce, n)
			}
		}
		tx, terr := decodeTx(txJSON, hash)
		r, rerr := decodeReceipt(receiptJSON, hash)
		if terr == nil && tx != nil && tx.Hash != hash {
			t.Fatalf("decoded tx has hash %s", tx.Hash.Hex())
		}
		if rerr == nil && r != nil && r.TransactionHash != hash {
			t.Fatalf("decoded receipt has hash %s", r.TransactionHash.Hex())
		}
		var fh nodeFeeHistory
		facts := &Facts{Hash: hash, Tx: tx, Receipt: r, Head: 100, Pool: pool}
		if json.Unmarshal(feeJSON, &fh) == nil {
			facts.FeeHistory = &fh
		}
		if terr != nil || rerr != nil || (tx == nil && r == nil) {
			return
		}
		rep := e.judge(diagnose.Query{Kind: diagnose.KindTxHash, Ref: hash.Hex(), Raw: hash.Hex()}, diagnose.CheckOptions{}, facts, nil, nil)
		if rep.Status == "" {
			t.Fatal("no status")
		}
		_ = diagnose.Text(rep, "en")
		_ = diagnose.Markdown(rep, "zh")
	})
}
