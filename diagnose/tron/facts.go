package tron

import (
	"encoding/hex"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// txFacts are the node answers one check collected: round 1 (transaction,
// info, solidified info, head block) and, when the verdict needed them,
// round 2. The rules read nothing else.
type txFacts struct {
	Network Network
	TxID    string

	Tx         *txAnswer   // nil: the node has no such transaction
	Info       *infoAnswer // nil: not in a block (yet)
	Solidified bool        // the solidity twin has the info
	HeadNumber int64
	HeadTimeMS int64

	Pending     *txAnswer        // round 2, only when round 1 found nothing
	Owner       *accountAnswer   // nil: not asked, or not activated (see OwnerAsked)
	Recipient   *accountAnswer   // nil: not asked, or not activated
	Resources   *resourceAnswer  // the sender's energy and bandwidth
	Params      map[string]int64 // getchainparameters
	Blacklisted *bool            // Tether's isBlackListed(sender)

	// Asked records which round-2 questions were answered.
	Asked needs
	// Notes are round-2 questions that could not be answered.
	Notes []string
}

// needs says which round-2 questions a verdict needs.
type needs struct {
	pending   bool
	owner     *Address
	recipient *Address
	resources *Address
	params    bool
	blacklist *Address
}

func (n needs) any() bool {
	return n.pending || n.owner != nil || n.recipient != nil || n.resources != nil || n.params || n.blacklist != nil
}

// call is what a transaction asks the chain to do, decoded from its first
// contract.
type call struct {
	kind     string // TransferContract, TriggerSmartContract, …
	owner    *Address
	to       *Address // TRX recipient, or the TRC-20 recipient
	contract *Address // the contract called
	sun      int64    // TRX moved by a TransferContract
	token    *big.Int // TRC-20 amount in the call data
}

// decodeCall reads the first contract of a transaction. Fields that do not
// decode are left empty: the rules then say less, never something wrong.
func decodeCall(tx *txAnswer) call {
	var c call
	if tx == nil || tx.RawData == nil || len(tx.RawData.Contract) == 0 {
		return c
	}
	k := tx.RawData.Contract[0]
	v := k.Parameter.Value
	c.kind = k.Type
	c.owner = addrPtr(v.OwnerAddress)
	switch k.Type {
	case "TransferContract":
		c.to = addrPtr(v.ToAddress)
		if v.Amount > 0 {
			c.sun = v.Amount
		}
	case "TriggerSmartContract":
		c.contract = addrPtr(v.ContractAddress)
		if to, amt, ok := decodeTransferCall(v.Data); ok {
			c.to, c.token = &to, amt
		}
	}
	return c
}

func addrPtr(s string) *Address {
	a, err := ParseAddress(s)
	if err != nil {
		return nil
	}
	return &a
}

// decodeTransferCall reads transfer(address,uint256) call data.
func decodeTransferCall(data string) (Address, *big.Int, bool) {
	b, err := hex.DecodeString(data)
	if err != nil || len(b) != 4+64 || hex.EncodeToString(b[:4]) != trc20TransferID {
		return Address{}, nil, false
	}
	if !zero(b[4:16]) {
		return Address{}, nil, false
	}
	return addressFrom20(b[16:36]), new(big.Int).SetBytes(b[36:68]), true
}

// transferTopic is keccak("Transfer(address,address,uint256)").
const transferTopic = "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"

// tokenTransfer is one decoded TRC-20 Transfer log.
type tokenTransfer struct {
	token, from, to Address
	amount          *big.Int
}

// transfersIn decodes the TRC-20 Transfer logs of an info answer. Log
// addresses are 20 bytes without 41 and topics have no 0x (TRON.md 1.3).
func transfersIn(info *infoAnswer) []tokenTransfer {
	if info == nil {
		return nil
	}
	var out []tokenTransfer
	for _, l := range info.Log {
		if len(l.Topics) != 3 || strings.ToLower(l.Topics[0]) != transferTopic {
			continue
		}
		tok, ok1 := decode20(l.Address)
		from, ok2 := decodeWord(l.Topics[1])
		to, ok3 := decodeWord(l.Topics[2])
		amt, ok4 := decodeWord(l.Data)
		if !ok1 || !ok2 || !ok3 || !ok4 || !zero(from[:12]) || !zero(to[:12]) {
			continue
		}
		out = append(out, tokenTransfer{token: addressFrom20(tok), from: addressFrom20(from[12:]),
			to: addressFrom20(to[12:]), amount: new(big.Int).SetBytes(amt)})
	}
	return out
}

// decode20 reads a log address: 20 bytes, or 21 with the 41 prefix.
func decode20(s string) ([]byte, bool) {
	s = strings.TrimPrefix(strings.ToLower(s), "0x")
	b, err := hex.DecodeString(s)
	switch {
	case err != nil:
		return nil, false
	case len(b) == 20:
		return b, true
	case len(b) == 21 && b[0] == addressPrefix:
		return b[1:], true
	}
	return nil, false
}

// decodeWord reads one 32-byte hex word (optional 0x).
func decodeWord(s string) ([]byte, bool) {
	b, err := hex.DecodeString(strings.TrimPrefix(strings.ToLower(s), "0x"))
	if err != nil || len(b) != 32 {
		return nil, false
	}
	return b, true
}

func zero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// maxResMessage bounds a decoded resMessage.
const maxResMessage = 512

// decodeResMessage turns the hex-encoded UTF-8 resMessage into text safe
// for a terminal (it is written by the node and the contract). It returns
// "" when the field is not hex or not text.
func decodeResMessage(h string) string {
	b, err := hex.DecodeString(h)
	if err != nil || !utf8.Valid(b) {
		return ""
	}
	if len(b) > maxResMessage {
		b = b[:maxResMessage]
		for !utf8.Valid(b) {
			b = b[:len(b)-1]
		}
	}
	return diagnose.Sanitize(string(b))
}

// outOfEnergy is what java-tron says when energy ran out: "Not enough
// energy for 'SSTORE' operation executing: curInvokeEnergyLimit[78572],
// curOpEnergy[20000], penaltyEnergy[68000], usedEnergy[33567]". In
// java-tron's Program.spendEnergyWithPenalty, curOpEnergy is the failing
// step's energy without its penalty, penaltyEnergy that step's dynamic-
// energy surcharge, and usedEnergy what the call had used before it.
type outOfEnergy struct {
	op                             string
	limit, opEnergy, penalty, used int64
}

const outOfEnergyPrefix = "Not enough energy for '"

func parseOutOfEnergy(msg string) (outOfEnergy, bool) {
	rest, ok := strings.CutPrefix(msg, outOfEnergyPrefix)
	if !ok {
		return outOfEnergy{}, false
	}
	op, _, ok := strings.Cut(rest, "'")
	if !ok || len(op) == 0 || len(op) > 20 {
		return outOfEnergy{}, false
	}
	var o outOfEnergy
	o.op = op
	for _, f := range []struct {
		name string
		dst  *int64
	}{{"curInvokeEnergyLimit", &o.limit}, {"curOpEnergy", &o.opEnergy}, {"usedEnergy", &o.used}} {
		v, ok := bracketNumber(rest, f.name)
		if !ok {
			return outOfEnergy{}, false
		}
		*f.dst = v
	}
	// penaltyEnergy is there only for contracts with dynamic energy
	// (java-tron Program.spendEnergyWithPenalty; spendEnergy omits it).
	if strings.Contains(rest, "penaltyEnergy[") {
		v, ok := bracketNumber(rest, "penaltyEnergy")
		if !ok {
			return outOfEnergy{}, false
		}
		o.penalty = v
	}
	return o, true
}

// bracketNumber reads name[123] out of s.
func bracketNumber(s, name string) (int64, bool) {
	i := strings.Index(s, name+"[")
	if i < 0 {
		return 0, false
	}
	num, _, ok := strings.Cut(s[i+len(name)+1:], "]")
	if !ok || len(num) == 0 || len(num) > 15 {
		return 0, false
	}
	v, err := strconv.ParseUint(num, 10, 63)
	return int64(v), err == nil
}
