package btcdnode

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"

	"github.com/btcsuite/btcd/address/v2"
	"github.com/btcsuite/btcd/btcec/v2"
	"github.com/btcsuite/btcd/chaincfg/v2"
	"github.com/btcsuite/btcd/chainhash/v2"
	"github.com/btcsuite/btcd/txscript/v2"
	"github.com/btcsuite/btcd/wire/v2"
)

// Sequence numbers: below 0xfffffffe signals BIP125 replaceability.
const (
	SeqRBF   uint32 = 0xfffffffd
	SeqFinal uint32 = 0xffffffff
)

// Wallet is one regtest P2WPKH key.
type Wallet struct {
	key    *btcec.PrivateKey
	addr   address.Address
	script []byte
}

// NewWallet makes a fresh key.
func NewWallet() (*Wallet, error) {
	key, err := btcec.NewPrivateKey()
	if err != nil {
		return nil, err
	}
	addr, err := address.NewAddressWitnessPubKeyHash(address.Hash160(key.PubKey().SerializeCompressed()), &chaincfg.RegressionNetParams)
	if err != nil {
		return nil, err
	}
	script, err := txscript.PayToAddrScript(addr)
	if err != nil {
		return nil, err
	}
	return &Wallet{key: key, addr: addr, script: script}, nil
}

// Address is the wallet's bcrt1q… address.
func (w *Wallet) Address() string { return w.addr.EncodeAddress() }

// Script is the wallet's output script.
func (w *Wallet) Script() []byte { return append([]byte(nil), w.script...) }

// Coin is an output the wallet can spend.
type Coin struct {
	Txid  string
	Vout  uint32
	Value int64 // sat
}

// Output is an output to create.
type Output struct {
	Value  int64
	Script []byte
}

// Tx is a signed transaction.
type Tx struct {
	Msg *wire.MsgTx
	Hex string
}

// Txid is the transaction's id.
func (t *Tx) Txid() string { return t.Msg.TxHash().String() }

// Build signs a transaction spending coins (all the wallet's, P2WPKH) to
// outs, every input with sequence seq.
func (w *Wallet) Build(coins []Coin, outs []Output, seq uint32) (*Tx, error) {
	tx := wire.NewMsgTx(2)
	prev := map[wire.OutPoint]*wire.TxOut{}
	for _, c := range coins {
		h, err := chainhash.NewHashFromStr(c.Txid)
		if err != nil {
			return nil, err
		}
		op := wire.NewOutPoint(h, c.Vout)
		in := wire.NewTxIn(op, nil, nil)
		in.Sequence = seq
		tx.AddTxIn(in)
		prev[*op] = wire.NewTxOut(c.Value, w.script)
	}
	for _, o := range outs {
		tx.AddTxOut(wire.NewTxOut(o.Value, o.Script))
	}
	fetcher := txscript.NewMultiPrevOutFetcher(prev)
	hashes := txscript.NewTxSigHashes(tx, fetcher)
	for i, c := range coins {
		wit, err := txscript.WitnessSignature(tx, hashes, i, c.Value, w.script, txscript.SigHashAll, w.key, true)
		if err != nil {
			return nil, err
		}
		tx.TxIn[i].Witness = wit
	}
	var buf bytes.Buffer
	if err := tx.Serialize(&buf); err != nil {
		return nil, err
	}
	return &Tx{Msg: tx, Hex: hex.EncodeToString(buf.Bytes())}, nil
}

// Coinbase is the mature coinbase output of the block at height (mined to
// the node's wallet).
func (n *Node) Coinbase(height int64) Coin {
	n.t.Helper()
	var hash string
	if err := json.Unmarshal(n.MustCall("getblockhash", height), &hash); err != nil {
		n.t.Fatal(err)
	}
	var blk struct {
		Tx []struct {
			Txid string `json:"txid"`
			Vout []struct {
				Value float64 `json:"value"`
			} `json:"vout"`
		} `json:"rawtx"`
	}
	if err := json.Unmarshal(n.MustCall("getblock", hash, 2), &blk); err != nil || len(blk.Tx) == 0 || len(blk.Tx[0].Vout) == 0 {
		n.t.Fatalf("getblock %s: %v", hash, err)
	}
	return Coin{Txid: blk.Tx[0].Txid, Vout: 0, Value: int64(math.Round(blk.Tx[0].Vout[0].Value * 1e8))}
}

// Send broadcasts a transaction and returns its txid, or the node's own
// rejection.
func (n *Node) Send(tx *Tx) (string, error) {
	raw, err := n.Call("sendrawtransaction", tx.Hex)
	if err != nil {
		return "", err
	}
	var id string
	if err := json.Unmarshal(raw, &id); err != nil {
		return "", err
	}
	if id != tx.Txid() {
		return "", fmt.Errorf("the node gave txid %s for %s", id, tx.Txid())
	}
	return id, nil
}

// MustSend is Send that fails the test on a rejection.
func (n *Node) MustSend(tx *Tx) string {
	n.t.Helper()
	id, err := n.Send(tx)
	if err != nil {
		n.t.Fatalf("sendrawtransaction: %v", err)
	}
	return id
}

// Pay spends one coin of the wallet to the given script, leaving fee sat
// to the miner, with sequence seq. The output is the coin less the fee.
func (n *Node) Pay(c Coin, script []byte, fee int64, seq uint32) *Tx {
	n.t.Helper()
	tx, err := n.Wallet.Build([]Coin{c}, []Output{{Value: c.Value - fee, Script: script}}, seq)
	if err != nil {
		n.t.Fatal(err)
	}
	return tx
}

// NextCoin is a mature coinbase output not handed out before.
func (n *Node) NextCoin() Coin {
	n.t.Helper()
	if n.next > 100 {
		n.t.Fatal("no mature coinbase left")
	}
	c := n.Coinbase(n.next)
	n.next++
	return c
}

// PrimeFeeEstimator gives btcd's fee estimator data: count transactions
// paying satPerVB (110 vB each) mined in one block, so that estimatefee
// answers that rate.
func (n *Node) PrimeFeeEstimator(count int, satPerVB int64) {
	n.t.Helper()
	for i := 0; i < count; i++ {
		n.MustSend(n.Pay(n.NextCoin(), n.Wallet.Script(), 110*satPerVB, SeqFinal))
	}
	n.Generate(1)
}
