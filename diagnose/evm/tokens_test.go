package evm

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose"
)

func TestSelectorsAreKeccak(t *testing.T) {
	tests := []struct{ sig, want string }{
		{"symbol()", selSymbol},
		{"decimals()", selDecimals},
		{"transfer(address,uint256)", "0x" + selTransfer},
	}
	for _, tt := range tests {
		if got := "0x" + common.Bytes2Hex(crypto.Keccak256([]byte(tt.sig))[:4]); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.sig, got, tt.want)
		}
	}
	if got := crypto.Keccak256Hash([]byte("Transfer(address,address,uint256)")).Hex(); got != topicTransfer {
		t.Errorf("Transfer topic = %s", got)
	}
}

func TestFormatUnits(t *testing.T) {
	tests := []struct {
		name     string
		v        string
		decimals int
		want     string
	}{
		{"whole", "1000000", 6, "1"},
		{"fraction", "250500000", 6, "250.5"},
		{"small", "1", 18, "0.000000000000000001"},
		{"zero", "0", 18, "0"},
		{"no decimals", "42", 0, "42"},
		{"negative", "-1500", 3, "-1.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := new(big.Int).SetString(tt.v, 10)
			if got := diagnose.FormatUnits(v, tt.decimals); got != tt.want {
				t.Errorf("FormatUnits(%s, %d) = %s, want %s", tt.v, tt.decimals, got, tt.want)
			}
		})
	}
}

func TestDecodeSymbol(t *testing.T) {
	abiString := common.FromHex("0x0000000000000000000000000000000000000000000000000000000000000020" +
		"0000000000000000000000000000000000000000000000000000000000000004" +
		"5553444300000000000000000000000000000000000000000000000000000000")
	mkr := common.RightPadBytes([]byte("MKR"), 32)
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"abi string", abiString, "USDC"},
		{"bytes32 (old tokens)", mkr, "MKR"},
		{"empty", nil, ""},
		{"lying length", append(abiString[:32:32], common.LeftPadBytes([]byte{0xff}, 32)...), ""},
		{"invalid utf-8", common.RightPadBytes([]byte{0xff, 0xfe}, 32), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := decodeSymbol(tt.in); got != tt.want {
				t.Errorf("decodeSymbol = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTransfersOfERC721(t *testing.T) {
	token := common.HexToAddress("0x00000000000000000000000000000000000000c1")
	from, to := common.HexToAddress("0x01"), common.HexToAddress("0x02")
	logs := []nodeLog{{
		Address: token,
		Topics: []common.Hash{common.HexToHash(topicTransfer), common.BytesToHash(from.Bytes()),
			common.BytesToHash(to.Bytes()), common.BigToHash(big.NewInt(4242))},
	}}
	got := transfersOf(logs, map[common.Address]tokenMeta{token: {Symbol: "PUNK"}})
	if len(got) != 1 || got[0].Standard != "erc721" || got[0].TokenID != "4242" || got[0].Symbol != "PUNK" ||
		got[0].To != to.Hex() || got[0].Amount != "" {
		t.Fatalf("transfers = %+v", got)
	}
}
