package evm

import (
	"math/big"
	"strings"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// decodeSymbol reads a token symbol answered either as an ABI string or,
// by old tokens such as MKR, as a bytes32. The result is sanitized later.
func decodeSymbol(b []byte) string {
	if len(b) >= 64 {
		off := new(big.Int).SetBytes(b[:32])
		if off.IsUint64() && off.Uint64() == 32 {
			n := new(big.Int).SetBytes(b[32:64])
			if n.IsUint64() && n.Uint64() <= uint64(len(b)-64) && n.Uint64() <= 64 {
				return cleanSymbol(string(b[64 : 64+n.Uint64()]))
			}
		}
	}
	if len(b) == 32 {
		return cleanSymbol(strings.TrimRight(string(b), "\x00"))
	}
	return ""
}

func cleanSymbol(s string) string {
	if !utf8.ValidString(s) {
		return ""
	}
	return strings.TrimSpace(s)
}

// transfersOf decodes ERC-20 (3 topics + 32-byte amount) and ERC-721
// (4 topics, the token id indexed) Transfer events.
func transfersOf(logs []nodeLog, tokens map[common.Address]tokenMeta) []diagnose.Transfer {
	var out []diagnose.Transfer
	for _, l := range logs {
		if len(l.Topics) < 3 || l.Topics[0] != common.HexToHash(topicTransfer) {
			continue
		}
		t := diagnose.Transfer{
			Token: l.Address.Hex(),
			From:  common.BytesToAddress(l.Topics[1].Bytes()).Hex(),
			To:    common.BytesToAddress(l.Topics[2].Bytes()).Hex(),
		}
		meta := tokens[l.Address]
		t.Symbol = diagnose.Sanitize(meta.Symbol)
		switch {
		case len(l.Topics) == 4:
			t.Standard = "erc721"
			t.TokenID = l.Topics[3].Big().String()
		case len(l.Topics) == 3 && len(l.Data) == 32:
			t.Standard = "erc20"
			raw := new(big.Int).SetBytes(l.Data)
			t.RawValue = raw.String()
			if meta.HasDecimals {
				t.Decimals = meta.Decimals
				t.Amount = diagnose.FormatUnits(raw, int(*meta.Decimals))
			} else {
				t.Amount = raw.String()
			}
		default:
			continue
		}
		out = append(out, t)
		if len(out) == 50 {
			break
		}
	}
	return out
}
