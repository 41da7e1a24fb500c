package diagnose

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose/base58"
)

// KeyAddresses are the addresses a bare 64-hex string would control if it
// were a private key, worked out on this machine: shown next to the
// "is this a transaction ID?" question so that a user who pasted a key
// sees their own address and stops.
type KeyAddresses struct {
	EVM  string // 0x…, EIP-55
	Tron string // T…
}

// PossibleKeyAddresses derives the addresses for a query that NeedsConfirm.
// ok is false when the string cannot be a secp256k1 private key (zero, or
// not below the curve order): then it can only be a transaction ID.
func PossibleKeyAddresses(q Query) (KeyAddresses, bool) {
	if !q.NeedsConfirm {
		return KeyAddresses{}, false
	}
	key, err := crypto.HexToECDSA(q.Ref)
	if err != nil {
		return KeyAddresses{}, false
	}
	addr := crypto.PubkeyToAddress(key.PublicKey)
	return KeyAddresses{EVM: addr.Hex(), Tron: tronAddress(addr)}, true
}

// tronAddress is the TRON form of a 20-byte account id.
func tronAddress(a common.Address) string {
	return base58.EncodeCheck(append([]byte{tronPrefix}, a.Bytes()...))
}
