package evm

import (
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// PossibleKeyAddresses derives the addresses for a query that NeedsConfirm.
// ok is false when the string cannot be a secp256k1 private key (zero, or
// not below the curve order): then it can only be a transaction ID.
func PossibleKeyAddresses(q diagnose.Query) (diagnose.KeyAddresses, bool) {
	if !q.NeedsConfirm {
		return diagnose.KeyAddresses{}, false
	}
	key, err := crypto.HexToECDSA(q.Ref)
	if err != nil {
		return diagnose.KeyAddresses{}, false
	}
	addr := crypto.PubkeyToAddress(key.PublicKey)
	return diagnose.KeyAddresses{EVM: addr.Hex(), Tron: diagnose.TronAddress(addr)}, true
}

// PossibleKeyAddresses is the backend's KeyViewer.
func (e *Backend) PossibleKeyAddresses(q diagnose.Query) (diagnose.KeyAddresses, bool) {
	return PossibleKeyAddresses(q)
}
