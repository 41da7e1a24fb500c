package evm

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// Same-block dependency failures and blob transactions, on both nodes.

const errInsufficientBalance = "ERC20InsufficientBalance(address,uint256,uint256)"

// blockNodes starts each real node kind; anvil is skipped where it is not
// installed.
func blockNodes() []struct {
	name  string
	start func(t *testing.T) matrixNode
} {
	return []struct {
		name  string
		start func(t *testing.T) matrixNode
	}{
		{"geth", func(t *testing.T) matrixNode { return gethNode{startNode(t, 0)} }},
		{"anvil", func(t *testing.T) matrixNode {
			anvilPath(t)
			return anvilMatrix{a: startAnvil(t, 31337), chainID: 31337}
		}},
	}
}

func TestMatrixSameBlock(t *testing.T) {
	supply := big.NewInt(1000_000_000) // 1000 TUSD, 6 decimals
	tests := []struct {
		name string
		// run mines one block in which the returned transaction fails.
		run    func(t *testing.T, n matrixNode, token common.Address) common.Hash
		code   diagnose.Code
		source string
	}{
		{name: "balance spent earlier in the block by the same sender", code: diagnose.CodeStateChangedInBlock, source: diagnose.RevertSourceInBlock,
			run: func(t *testing.T, n matrixNode, token common.Address) common.Hash {
				n.send(t, sendTx{from: 0, to: token, data: simnode.MustCalldata("transfer", n.addr(2), supply), gas: 200_000,
					feeCap: fineCap, tip: fineTip})
				h := n.send(t, sendTx{from: 0, to: token, data: simnode.MustCalldata("transfer", n.addr(3), supply), gas: 200_000,
					feeCap: fineCap, tip: fineTip})
				n.mine(t)
				return h
			}},
		{name: "front-run by another sender with a higher tip", code: diagnose.CodeStateChangedInBlock, source: diagnose.RevertSourceInBlock,
			run: func(t *testing.T, n matrixNode, token common.Address) common.Hash {
				n.send(t, sendTx{from: 0, to: token, data: simnode.MustCalldata("approve", n.addr(2), supply), gas: 200_000,
					feeCap: fineCap, tip: fineTip})
				n.mine(t)
				h := n.send(t, sendTx{from: 0, to: token, data: simnode.MustCalldata("transfer", n.addr(3), supply), gas: 200_000,
					feeCap: fineCap, tip: fineTip})
				n.send(t, sendTx{from: 2, to: token, data: simnode.MustCalldata("transferFrom", n.addr(0), n.addr(2), supply),
					gas: 200_000, feeCap: replCap, tip: replTip})
				n.mine(t)
				return h
			}},
		{name: "fails on its own: the reason is from the start of its block", code: diagnose.CodeReverted, source: diagnose.RevertSourceParent,
			run: func(t *testing.T, n matrixNode, token common.Address) common.Hash {
				h := n.send(t, sendTx{from: 1, to: token, data: simnode.MustCalldata("transfer", n.addr(3), supply), gas: 200_000,
					feeCap: fineCap, tip: fineTip})
				n.mine(t)
				return h
			}},
	}
	for _, node := range blockNodes() {
		t.Run(node.name, func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					n := node.start(t)
					token := n.deployToken(t, 0, supply)
					h := tt.run(t, n, token)
					rep := newEnv(t, n.url()).check(h, diagnose.CheckOptions{})
					wantStatus(t, rep, diagnose.StatusFailed)
					if !sameCodes(codesOf(rep), []diagnose.Code{tt.code}) {
						t.Fatalf("codes = %v, want [%s]", codesOf(rep), tt.code)
					}
					if rep.Revert == nil || rep.Revert.Source != tt.source || rep.Revert.Name != errInsufficientBalance {
						t.Fatalf("revert = %+v, want %s from %s", rep.Revert, errInsufficientBalance, tt.source)
					}
					f := findingOf(rep, tt.code)
					for _, lang := range []string{"en", "zh"} {
						fs := []diagnose.Finding{*f}
						diagnose.LocalizeFindings(fs, lang)
						if strings.Contains(fs[0].Title+fs[0].Detail, "?") || strings.Contains(strings.ToLower(fs[0].Detail), " now") {
							t.Errorf("%s words: %q %q", lang, fs[0].Title, fs[0].Detail)
						}
					}
				})
			}
		})
	}
}

func TestMatrixBlob(t *testing.T) {
	blobCap := big.NewInt(simnode.Gwei)
	for _, node := range blockNodes() {
		t.Run(node.name, func(t *testing.T) {
			n := node.start(t)
			h, err := n.sendBlob(t, matrixSender, nil, fineCap, fineTip, blobCap)
			if err != nil {
				t.Fatalf("blob transaction refused: %v", err)
			}
			rep := newEnv(t, n.url()).check(h, diagnose.CheckOptions{})
			wantStatus(t, rep, diagnose.StatusPending)
			if !sameCodes(codesOf(rep), []diagnose.Code{diagnose.CodeWaiting}) {
				t.Fatalf("codes = %v, want [waiting]", codesOf(rep))
			}
			double := func(v *big.Int) string { return new(big.Int).Mul(v, big.NewInt(2)).String() }
			fees := rep.Fees
			if fees.ReplacementMinMaxFeeWei != double(fineCap) || fees.ReplacementMinTipWei != double(fineTip) ||
				fees.ReplacementMinBlobFeeCapWei != double(blobCap) || fees.BlobBaseFeeWei == "" {
				t.Errorf("blob fees = %+v, want +100%% on fee cap, tip and blob fee cap, and the blob base fee", fees)
			}
			if rep.Tx.Type != 3 || rep.Tx.MaxFeePerBlobGasWei != blobCap.String() || rep.Tx.Blobs != 1 {
				t.Errorf("tx = %+v", rep.Tx)
			}
			if d := findingOf(rep, diagnose.CodeWaiting).Data; d["bump_percent"] != "100" || d["min_blob_fee_cap"] != "2 gwei" {
				t.Errorf("waiting data = %v", d)
			}
			if !strings.Contains(diagnose.Text(rep, "en"), "blob base fee") || !strings.Contains(diagnose.Text(rep, "zh"), "Blob 基础费") {
				t.Errorf("text does not show the blob fee:\n%s", diagnose.Text(rep, "en"))
			}

			// What the node itself accepts as a replacement.
			ten := func(v *big.Int) *big.Int { return ReplacementMin(v) }
			_, errTen := n.sendBlob(t, matrixSender, simnode.Ptr(uint64(0)), ten(fineCap), ten(fineTip), ten(blobCap))
			if _, ok := n.(gethNode); ok && (errTen == nil || !strings.Contains(errTen.Error(), "underpriced")) {
				t.Errorf("geth's blob pool took a +10%% replacement: %v", errTen)
			}
			t.Logf("%s, blob replacement at +10%%: %v", node.name, errTen)
			two := func(v *big.Int) *big.Int { return new(big.Int).Mul(v, big.NewInt(2)) }
			repl, err := n.sendBlob(t, matrixSender, simnode.Ptr(uint64(0)), two(fineCap), two(fineTip), two(blobCap))
			if err != nil {
				t.Fatalf("+100%% blob replacement refused: %v", err)
			}
			n.mine(t)
			mined := newEnv(t, n.url()).check(repl, diagnose.CheckOptions{})
			wantStatus(t, mined, diagnose.StatusSuccess)
			r := mined.Receipt
			price, _ := new(big.Int).SetString(r.BlobGasPriceWei, 10)
			if r.BlobGasUsed != 131072 || price == nil || r.BlobFeeWei != new(big.Int).Mul(price, big.NewInt(131072)).String() {
				t.Errorf("receipt = %+v, want one blob's gas (131072) and its fee", r)
			}
			if !strings.Contains(diagnose.Text(mined, "en"), "blob fee") {
				t.Errorf("text does not show the blob fee:\n%s", diagnose.Text(mined, "en"))
			}
		})
	}
}
