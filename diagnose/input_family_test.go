package diagnose

import (
	"errors"
	"strings"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/secret"
)

// Public ids from the reference captures (TRON.md, BITCOIN.md) and the
// BIP-173/350 test vectors.
const (
	tronUSDT    = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
	tronUSDTHex = "41a614f803b6fd780986a42c78ec9c7f77e6ded13c"
	tronTxID    = "01b4cde4197b9d1a1ff09ef5d2b1d939d3ec2401b3f002ebd0802c0f30a6e4ca"
	btcTxID     = "1f6cf526064454b745f9fe40b1d673e512b226278811af433b1c8f022c600747"
	btcGenesis  = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
	btcP2SH     = "3QJmV3qfvL9SuYo34YihAf3sRCW3qSinyC"
	btcP2WPKH   = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
	btcP2TR     = "bc1paardr2nczq0rx5rqpfwnvpzm497zvux64y0f7wjgcs7xuuuh2nnqwr2d5c"
	btcTestnet  = "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7"
)

func TestParseInputFamilies(t *testing.T) {
	reg := chains.MustDefault()
	tx := func(f Family, network, id string) Query {
		return Query{Raw: id, Ref: id, Kind: KindTxHash, Family: f, Network: network}
	}
	addr := func(f Family, network, id string) Query {
		return Query{Raw: id, Ref: id, Kind: KindAddress, Family: f, Network: network}
	}
	tests := []struct {
		name, input string
		want        Query
	}{
		{"tron address", tronUSDT, addr(FamilyTron, "", tronUSDT)},
		{"tron hex address", tronUSDTHex, addr(FamilyTron, "", tronUSDT)},
		{"tron address in a sentence", "please check " + tronUSDT + " thanks", addr(FamilyTron, "", tronUSDT)},
		{"tronscan transaction", "https://tronscan.org/#/transaction/" + tronTxID, tx(FamilyTron, "tron", tronTxID)},
		{"tronscan txid with 0x", "https://tronscan.org/#/transaction/0x" + tronTxID, tx(FamilyTron, "tron", tronTxID)},
		{"tronscan upper-case txid", "https://tronscan.org/#/transaction/" + strings.ToUpper(tronTxID), tx(FamilyTron, "tron", tronTxID)},
		{"tronscan address", "https://tronscan.org/#/address/" + tronUSDT, addr(FamilyTron, "tron", tronUSDT)},
		{"tronscan contract", "https://tronscan.org/#/contract/" + tronUSDT + "/code", addr(FamilyTron, "tron", tronUSDT)},
		{"tronscan www no scheme", "www.tronscan.org/#/transaction/" + tronTxID, tx(FamilyTron, "tron", tronTxID)},
		{"nile tronscan", "https://nile.tronscan.org/#/transaction/" + tronTxID, tx(FamilyTron, "nile", tronTxID)},
		{"shasta tronscan", "https://shasta.tronscan.org/#/address/" + tronUSDT, addr(FamilyTron, "shasta", tronUSDT)},
		{"oklink tron", "https://www.oklink.com/trx/tx/" + tronTxID, tx(FamilyTron, "tron", tronTxID)},
		{"oklink tron address zh", "https://www.oklink.com/zh-hans/trx/address/" + tronUSDT, addr(FamilyTron, "tron", tronUSDT)},
		{"oklink bitcoin", "https://www.oklink.com/btc/tx/" + btcTxID, tx(FamilyBitcoin, "bitcoin", btcTxID)},
		{"oklink bitcoin address", "https://www.oklink.com/btc/address/" + btcP2WPKH, addr(FamilyBitcoin, "bitcoin", btcP2WPKH)},
		{"mempool tx", "https://mempool.space/tx/" + btcTxID, tx(FamilyBitcoin, "bitcoin", btcTxID)},
		{"mempool tx with output", "https://mempool.space/tx/" + btcTxID + "#vout=0", tx(FamilyBitcoin, "bitcoin", btcTxID)},
		{"mempool address", "https://mempool.space/address/" + btcP2TR, addr(FamilyBitcoin, "bitcoin", btcP2TR)},
		{"mempool testnet", "https://mempool.space/testnet/tx/" + btcTxID, tx(FamilyBitcoin, "bitcoin-testnet", btcTxID)},
		{"mempool testnet4", "https://mempool.space/testnet4/tx/" + btcTxID, tx(FamilyBitcoin, "bitcoin-testnet4", btcTxID)},
		{"mempool signet address", "https://mempool.space/signet/address/" + btcTestnet, addr(FamilyBitcoin, "bitcoin-signet", btcTestnet)},
		{"blockstream", "https://blockstream.info/tx/" + btcTxID, tx(FamilyBitcoin, "bitcoin", btcTxID)},
		{"blockstream testnet", "https://blockstream.info/testnet/tx/" + btcTxID, tx(FamilyBitcoin, "bitcoin-testnet", btcTxID)},
		{"blockstream address", "blockstream.info/address/" + btcGenesis, addr(FamilyBitcoin, "bitcoin", btcGenesis)},
		{"blockchair", "https://blockchair.com/bitcoin/transaction/" + btcTxID, tx(FamilyBitcoin, "bitcoin", btcTxID)},
		{"blockchair address", "https://blockchair.com/bitcoin/address/" + btcP2SH, addr(FamilyBitcoin, "bitcoin", btcP2SH)},
		{"blockchair testnet", "https://blockchair.com/bitcoin/testnet/transaction/" + btcTxID, tx(FamilyBitcoin, "bitcoin-testnet", btcTxID)},
		{"blockchair zh", "https://blockchair.com/zh/bitcoin/transaction/" + btcTxID, tx(FamilyBitcoin, "bitcoin", btcTxID)},
		{"blockchair tron", "https://blockchair.com/tron/transaction/" + tronTxID, tx(FamilyTron, "tron", tronTxID)},
		{"blockcypher", "https://live.blockcypher.com/btc/tx/" + btcTxID + "/", tx(FamilyBitcoin, "bitcoin", btcTxID)},
		{"blockcypher testnet", "https://live.blockcypher.com/btc-testnet/tx/" + btcTxID, tx(FamilyBitcoin, "bitcoin-testnet", btcTxID)},
		{"blockchain.com", "https://www.blockchain.com/explorer/transactions/btc/" + btcTxID, tx(FamilyBitcoin, "bitcoin", btcTxID)},
		{"p2pkh", btcGenesis, addr(FamilyBitcoin, "bitcoin", btcGenesis)},
		{"p2sh", btcP2SH, addr(FamilyBitcoin, "bitcoin", btcP2SH)},
		{"p2wpkh", btcP2WPKH, addr(FamilyBitcoin, "bitcoin", btcP2WPKH)},
		{"p2wpkh upper case", strings.ToUpper(btcP2WPKH), addr(FamilyBitcoin, "bitcoin", btcP2WPKH)},
		{"p2tr", btcP2TR, addr(FamilyBitcoin, "bitcoin", btcP2TR)},
		{"testnet p2wsh", btcTestnet, addr(FamilyBitcoin, "bitcoin-testnet", btcTestnet)},
		{"a link and a note", "see https://mempool.space/tx/" + btcTxID + " (stuck)", tx(FamilyBitcoin, "bitcoin", btcTxID)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseInput(tt.input, reg)
			if err != nil {
				t.Fatalf("ParseInput: %v", err)
			}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseInputEVMLinksOnMultiChainExplorers(t *testing.T) {
	reg := chains.MustDefault()
	for _, tt := range []struct {
		input string
		hint  uint64
	}{
		{"https://www.oklink.com/eth/tx/" + hashLower, 1},
		{"https://www.oklink.com/bsc/tx/" + hashLower, 56},
		{"https://blockchair.com/ethereum/transaction/" + hashLower, 1},
		{"https://www.blockchain.com/explorer/transactions/eth/" + hashLower, 1},
	} {
		q, err := ParseInput(tt.input, reg)
		if err != nil || q.Family != FamilyEVM || q.Raw != hashLower || q.ChainHint != tt.hint {
			t.Errorf("%s: got %+v, %v; want the EVM hash on chain %d", tt.input, q, err, tt.hint)
		}
	}
}

// TestParseInputBareTxID: a bare 64-hex is held for a confirmation, except
// inside a known explorer link; on an unknown site it is held too.
func TestParseInputBareTxID(t *testing.T) {
	reg := chains.MustDefault()
	for _, in := range []string{tronTxID, strings.ToUpper(tronTxID), "  '" + tronTxID + "'\n", "https://scan.example.org/tx/" + tronTxID,
		"https://scan.example.org/btc/tx/" + tronTxID, "https://scan.example.org/trx/transaction/" + tronTxID,
		tronTxID[:32] + "\n" + tronTxID[32:]} {
		q, err := ParseInput(in, reg)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if !q.NeedsConfirm || q.Family != "" || q.Ref != tronTxID || q.Kind != KindTxHash {
			t.Errorf("%q: got %+v, want a txid held for confirmation", in, q)
		}
		if c := q.ConfirmTxID(); c.NeedsConfirm || c.Ref != q.Ref {
			t.Errorf("ConfirmTxID = %+v", c)
		}
	}
	// In a sentence it may be a key the text goes on about: refused.
	if _, err := ParseInput("the id is "+tronTxID, reg); !secret.IsRefusal(err) {
		t.Errorf("a bare 64-hex in a sentence: %v, want a secret refusal", err)
	}
}

func TestParseInputFamilyErrors(t *testing.T) {
	reg := chains.MustDefault()
	tests := []struct{ name, input, want, wantZH string }{
		{"tron checksum", tronUSDT[:33] + "u", "TRON address, but its checksum", "TRON 地址"},
		{"bitcoin checksum", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "Bitcoin address, but its checksum", "比特币地址"},
		{"bitcoin base58 checksum", btcGenesis[:33] + "b", "Bitcoin address, but its checksum", "比特币地址"},
		{"segwit v0 with bech32m", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", "checksum", "校验和"},
		{"segwit v1 with bech32", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", "checksum", "校验和"},
		{"liquid", "https://blockstream.info/liquid/tx/" + btcTxID, "does not check", "不支持"},
		{"litecoin on blockchair", "https://blockchair.com/litecoin/transaction/" + btcTxID, "does not check", "不支持"},
		{"oklink without a chain", "https://www.oklink.com/tx/" + btcTxID, "does not say which network", "哪个网络"},
		{"tronscan short id", "https://tronscan.org/#/transaction/" + tronTxID[:40], "not 64 hex", "不是 64 个"},
		{"tronscan bad address", "https://tronscan.org/#/address/" + btcP2WPKH, "not an address", "不是地址"},
		{"shortened", "0x5c50…2060", "shortened", "缩略"},
		{"shortened three dots", "0x5c50...2060", "shortened", "缩略"},
		{"shortened in a link", "https://etherscan.io/tx/0x5c50…2060", "shortened", "缩略"},
		{"shortened in a sentence", "my tx 0x5c504e…1b22060 is stuck", "shortened", "缩略"},
		{"shortened TRON txid", "01b4cd…e4ca", "this hash is shortened", "哈希是缩略"},
		{"shortened TRON address", "TR7NHq…Lj6t", "this address is shortened", "地址是缩略"},
		{"shortened Bitcoin address", "bc1qw5...f3t4", "this address is shortened", "地址是缩略"},
		{"shortened address in a link", "https://tronscan.org/#/address/TR7NHq…Lj6t", "this address is shortened", "地址是缩略"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseInput(tt.input, reg)
			var ie *InputError
			if err == nil || !asInputError(err, &ie) {
				t.Fatalf("got %+v, %v; want an *InputError", q, err)
			}
			if !strings.Contains(ie.Message("en"), tt.want) || !strings.Contains(ie.Message("zh"), tt.wantZH) {
				t.Errorf("messages %q / %q lack %q / %q", ie.Message("en"), ie.Message("zh"), tt.want, tt.wantZH)
			}
			if secret.IsRefusal(err) || isUnconfirmedTxID(err) {
				t.Error("refused as a secret")
			}
		})
	}
}

func TestParseInputWrappedHex(t *testing.T) {
	reg := chains.MustDefault()
	for _, in := range []string{
		hashLower[:40] + "\n" + hashLower[40:],
		hashLower[:30] + " " + hashLower[30:50] + "\r\n" + hashLower[50:],
		"https://etherscan.io/tx/" + hashLower[:20] + "\n" + hashLower[20:],
		"my tx " + hashLower[:34] + "\n" + hashLower[34:] + " is stuck",
	} {
		q, err := ParseInput(in, reg)
		if err != nil || q.Raw != hashLower {
			t.Errorf("%q: got %+v, %v", in, q, err)
		}
	}
	a := strings.ToLower(addrSum)
	if q, err := ParseInput(a[:22]+"\n"+a[22:], reg); err != nil || q.Raw != addrSum {
		t.Errorf("wrapped address: got %+v, %v", q, err)
	}
	// Numbers after a hash are not joined to it.
	if q, err := ParseInput(hashLower+" nonce 7 gas 21000", reg); err != nil || q.Raw != hashLower {
		t.Errorf("hash and numbers: got %+v, %v", q, err)
	}
	if _, err := ParseInput(hashLower[:40]+" "+hashLower[40:60], reg); err == nil || !strings.Contains(err.Error(), "this has 38") {
		t.Errorf("a cut hash is reported, not padded: %v", err)
	}
}

func TestParseAddress(t *testing.T) {
	badSum := "0x52908400098527886E0F7030069857D2E4169Ee7"
	for _, tt := range []struct{ input, want string }{
		{addrSum, addrSum},
		{strings.ToLower(addrSum), addrSum},
		{" " + addrSum + "\n", addrSum},
		{tronUSDT, tronUSDT},
		{btcP2WPKH, btcP2WPKH},
		{"https://etherscan.io/address/" + addrSum, addrSum},
	} {
		q, err := ParseAddress(tt.input)
		if err != nil || q.Ref != tt.want || q.Kind != KindAddress {
			t.Errorf("ParseAddress(%q) = %+v, %v", tt.input, q, err)
		}
	}
	for _, tt := range []struct{ input, want, wantZH string }{
		{"0x123", "not an address", "不是地址"},
		{"123", "not an address", "不是地址"},
		{badSum, "checksum", "校验和"},
		{hashLower, "transaction hash, not an address", "这是交易哈希"},
		{addrSum + " " + tronUSDT, "one address", "一个地址"},
		{"abandon ability able about", "recovery phrase", "助记词"},
		{privKey, "private key", "私钥"},
		{"0x5290…9EE7", "this address is shortened", "地址是缩略"},
	} {
		_, err := ParseAddress(tt.input)
		var ie *InputError
		if !asInputError(err, &ie) || !strings.Contains(ie.Message("en"), tt.want) || !strings.Contains(ie.Message("zh"), tt.wantZH) {
			t.Errorf("ParseAddress(%q): %v, want %q", tt.input, err, tt.want)
		}
		if strings.Contains(err.Error(), "0x followed by 64") {
			t.Errorf("ParseAddress(%q) talks about hashes: %v", tt.input, err)
		}
	}
}

func asInputError(err error, target **InputError) bool { return errors.As(err, target) }

// isUnconfirmedTxID reports whether err held back a bare 64-hex string
// that nobody confirmed as a transaction ID.
func isUnconfirmedTxID(err error) bool {
	var ie *InputError
	return errors.As(err, &ie) && ie.Unconfirmed
}
