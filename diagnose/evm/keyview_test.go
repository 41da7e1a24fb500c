package evm

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
)

func TestPossibleKeyAddresses(t *testing.T) {
	q, err := diagnose.ParseInput("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", nil)
	if err != nil || !q.NeedsConfirm {
		t.Fatalf("got %+v, %v", q, err)
	}
	got, ok := PossibleKeyAddresses(q)
	// web3.js's documented example key and its address.
	if !ok || got.EVM != "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23" {
		t.Fatalf("PossibleKeyAddresses = %+v, %v", got, ok)
	}
	tq, err := diagnose.ParseAddress(got.Tron)
	if err != nil || tq.Family != diagnose.FamilyTron {
		t.Fatalf("TRON address %q: %+v, %v", got.Tron, tq, err)
	}
	if want := diagnose.TronAddress(common.HexToAddress(got.EVM)); got.Tron != want {
		t.Errorf("TRON address %q does not hold the EVM address %s (%s)", got.Tron, got.EVM, want)
	}
	if _, ok := PossibleKeyAddresses(q.ConfirmTxID()); ok {
		t.Error("a confirmed txid still shows key addresses")
	}
	zero, _ := diagnose.ParseInput(strings.Repeat("0", 64), nil)
	if _, ok := PossibleKeyAddresses(zero); ok {
		t.Error("zero is not a private key")
	}
}
