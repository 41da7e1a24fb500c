package evm

import (
	"encoding/json"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/unstuck-dev/unstuck/diagnose/evm/revert"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// Selectors of the token metadata calls and the Transfer event topic
// (keccak256 of "symbol()", "decimals()", "Transfer(address,address,uint256)";
// checked against the hashes in tokens_test.go).
const (
	selSymbol     = "0x95d89b41"
	selDecimals   = "0x313ce567"
	topicTransfer = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"
)

// maxScanBlocks bounds the blocks fetched to find what replaced a
// remembered transaction.
const maxScanBlocks = 8

// maxTokens bounds the token contracts whose metadata is asked for.
const maxTokens = 8

// planFollowUp lists the calls of the second round trip: only what the first made
// necessary. The returned parse function fills f from the answers.
func planFollowUp(f *Facts) ([]*noderpc.Call, func([]*noderpc.Call)) {
	var calls []*noderpc.Call
	var parsers []func()
	add := func(c *noderpc.Call, parse func(c *noderpc.Call)) {
		calls = append(calls, c)
		parsers = append(parsers, func() { parse(c) })
	}
	switch {
	case f.Receipt != nil:
		planMined(f, add)
	case f.Tx != nil:
		planPending(f, add)
	default:
		planMissing(f, add)
	}
	return calls, func([]*noderpc.Call) {
		for _, p := range parsers {
			p()
		}
	}
}

type adder func(c *noderpc.Call, parse func(c *noderpc.Call))

func planMined(f *Facts, add adder) {
	if f.Tx != nil {
		addCode(f, add, f.Tx.From, &f.FromCode)
		if f.Tx.To != nil {
			addCode(f, add, *f.Tx.To, &f.ToCode)
		}
		if to := transferRecipient(f.Tx); to != nil {
			f.Recipient = to
			addCode(f, add, *to, &f.RecipientCode)
		} else if f.Tx.To != nil && len(f.Tx.Input) == 0 && f.Tx.Value.ToInt().Sign() > 0 {
			to := *f.Tx.To
			f.Recipient = &to // its code is ToCode
		}
		f.CodeKnown = true
	}
	if f.Tx != nil && f.Receipt.Status != nil && *f.Receipt.Status == 0 && f.Tx.To != nil {
		block := f.Receipt.BlockNumber.ToInt().Uint64()
		if block > 0 {
			// At the start of its block and at its end, in the same round
			// trip: a replay that succeeds at the start but reverts at the
			// end means an earlier transaction in the block changed the state.
			add(noderpc.NewCall("eth_call", replayArgs(f.Tx), blockTag(block-1)), func(c *noderpc.Call) {
				f.Replay = readReplay(c)
			})
			add(noderpc.NewCall("eth_call", replayArgs(f.Tx), blockTag(block)), func(c *noderpc.Call) {
				f.ReplayInBlock = readReplay(c)
			})
		}
	}
	for _, token := range transferTokens(f.Receipt.Logs) {
		meta := tokenMeta{}
		if f.Tokens == nil {
			f.Tokens = map[common.Address]tokenMeta{}
		}
		f.Tokens[token] = meta
		add(noderpc.NewCall("eth_call", callArgs{To: token, Data: hexutil.MustDecode(selSymbol)}, "latest"), func(c *noderpc.Call) {
			m := f.Tokens[token]
			if c.Err == nil {
				if b, err := decodeBytes(c.Result); err == nil {
					m.Symbol = decodeSymbol(b)
				}
			}
			if m.Symbol == "" {
				noteTokenLookup(f)
			}
			f.Tokens[token] = m
		})
		add(noderpc.NewCall("eth_call", callArgs{To: token, Data: hexutil.MustDecode(selDecimals)}, "latest"), func(c *noderpc.Call) {
			m := f.Tokens[token]
			if c.Err == nil {
				if b, err := decodeBytes(c.Result); err == nil && len(b) == 32 {
					v := new(big.Int).SetBytes(b)
					if v.IsUint64() && v.Uint64() <= 255 {
						d := uint8(v.Uint64())
						m.Decimals, m.HasDecimals = &d, true
					}
				}
			}
			if !m.HasDecimals {
				noteTokenLookup(f)
			}
			f.Tokens[token] = m
		})
	}
}

func planPending(f *Facts, add adder) {
	from := f.Tx.From
	if f.LatestNonce == nil || f.Sender == nil || *f.Sender != from {
		add(noderpc.NewCall("eth_getTransactionCount", from, "latest"), func(c *noderpc.Call) { f.LatestNonce = optUint(c) })
		add(noderpc.NewCall("eth_getTransactionCount", from, "pending"), func(c *noderpc.Call) { f.PendingNonce = optUint(c) })
	}
	add(noderpc.NewCall("eth_getBalance", from, "latest"), func(c *noderpc.Call) {
		if c.Err == nil {
			f.Balance, _ = decodeBig(c.Result)
		}
	})
	addCode(f, add, from, &f.FromCode)
	if f.Tx.To != nil {
		addCode(f, add, *f.Tx.To, &f.ToCode)
	}
	f.CodeKnown = true
}

// noteTokenLookup says once that a token's metadata could not be read.
func noteTokenLookup(f *Facts) {
	for _, n := range f.Degraded {
		if n.Kind == NoteTokenLookup {
			return
		}
	}
	f.Degraded = append(f.Degraded, Note{Kind: NoteTokenLookup})
}

// planMissing looks for what took a remembered transaction's nonce: in the
// pool when the sender's pending nonce is past it (a replacement waits),
// else in the few blocks mined since it was seen.
func planMissing(f *Facts, add adder) {
	r := f.Remembered
	if r == nil || f.LatestNonce == nil {
		return
	}
	if *f.LatestNonce <= r.Nonce {
		if f.PendingNonce != nil && *f.PendingNonce > r.Nonce {
			add(noderpc.NewCall("txpool_contentFrom", r.From), func(c *noderpc.Call) { f.Pool = readPool(c) })
		}
		return
	}
	if f.Head <= r.SeenBlock {
		return
	}
	from := r.SeenBlock + 1
	if f.Head-r.SeenBlock > maxScanBlocks {
		return
	}
	f.ScanDone = true
	for n := from; n <= f.Head; n++ {
		add(noderpc.NewCall("eth_getBlockByNumber", blockTag(n), true), func(c *noderpc.Call) {
			if c.Err != nil || isNull(c.Result) {
				f.ScanDone = false
				return
			}
			var b nodeBlock
			if err := json.Unmarshal(c.Result, &b); err != nil {
				f.ScanDone = false
				return
			}
			for i := range b.Transactions {
				tx := b.Transactions[i]
				if tx.From == r.From && uint64(tx.Nonce) == r.Nonce {
					f.Replacement = &tx
				}
			}
		})
	}
}

func addCode(f *Facts, add adder, addr common.Address, dst *[]byte) {
	add(noderpc.NewCall("eth_getCode", addr, "latest"), func(c *noderpc.Call) {
		if c.Err != nil {
			f.CodeKnown = false
			return
		}
		b, err := decodeBytes(c.Result)
		if err != nil {
			f.CodeKnown = false
			return
		}
		*dst = b
	})
}

// callArgs is an eth_call request object.
type callArgs struct {
	From  *common.Address `json:"from,omitempty"`
	To    common.Address  `json:"to"`
	Gas   *hexutil.Uint64 `json:"gas,omitempty"`
	Value *hexutil.Big    `json:"value,omitempty"`
	Data  hexutil.Bytes   `json:"input"`
}

// replayArgs replays a transaction with its own sender, gas limit, value
// and input. Fee fields are left out so the replay does not fail on the
// sender's current balance.
func replayArgs(tx *nodeTx) callArgs {
	gas := tx.Gas
	from := tx.From
	return callArgs{From: &from, To: *tx.To, Gas: &gas, Value: tx.Value, Data: tx.Input}
}

// readPool reads txpool_contentFrom; nil when the node does not answer it.
func readPool(c *noderpc.Call) *nodePool {
	if c.Err != nil || isNull(c.Result) {
		return nil
	}
	var p nodePool
	if json.Unmarshal(c.Result, &p) != nil {
		return nil
	}
	return &p
}

// tx is the sender's pooled transaction with this nonce, if the pool shows one.
func (p *nodePool) tx(nonce uint64) *nodeTx {
	if p == nil {
		return nil
	}
	key := strconv.FormatUint(nonce, 10)
	for _, m := range []map[string]nodeTx{p.Pending, p.Queued} {
		if tx, ok := m[key]; ok && uint64(tx.Nonce) == nonce {
			return &tx
		}
	}
	return nil
}

// readReplay reads an eth_call replay's answer. Revert data comes from the
// error's data field in any shape nodes use, else from the message
// (Nethermind "Reverted 0x…", anvil's custom error line); a reason spelled
// out only in the message (Hardhat "reverted with reason string '…'") is
// kept too.
func readReplay(c *noderpc.Call) *replayResult {
	if c.Err == nil {
		return &replayResult{Succeeded: true}
	}
	r := &replayResult{Message: c.Err.Error()}
	if b, ok := revert.FromError(c.Err); ok && len(b) > 0 {
		r.Data = b
	}
	reason, data := revert.FromMessage(r.Message)
	if len(r.Data) == 0 && len(data) > 0 {
		r.Data = data
	}
	r.Reason = reason
	low := strings.ToLower(r.Message)
	f := callFault(c.Err, "eth_call")
	switch {
	case f.Fault == noderpc.FaultNoState:
		r.StateMissing = true
	case strings.Contains(low, "out of gas") || strings.Contains(low, "outofgas"):
		r.OutOfGas = true
	case strings.Contains(low, "revert") || len(r.Data) > 0 || r.Reason != "":
		r.Reverted = true
	default:
		r.Failed = f.Reason
	}
	return r
}

// transferTokens lists, once each and in log order, the contracts that
// emitted Transfer events.
func transferTokens(logs []nodeLog) []common.Address {
	var out []common.Address
	seen := map[common.Address]bool{}
	for _, l := range logs {
		if len(l.Topics) < 3 || l.Topics[0] != common.HexToHash(topicTransfer) || seen[l.Address] {
			continue
		}
		seen[l.Address] = true
		out = append(out, l.Address)
		if len(out) == maxTokens {
			break
		}
	}
	return out
}

// selTransfer is transfer(address,uint256).
const selTransfer = "a9059cbb"

// transferRecipient is the recipient of an ERC-20 transfer() call.
func transferRecipient(tx *nodeTx) *common.Address {
	in := tx.Input
	if len(in) < 68 || common.Bytes2Hex(in[:4]) != selTransfer {
		return nil
	}
	to := common.BytesToAddress(in[4:36])
	return &to
}
