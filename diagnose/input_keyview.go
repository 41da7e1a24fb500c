package diagnose

import "github.com/unstuck-dev/unstuck/diagnose/base58"

// KeyAddresses are the addresses a bare 64-hex string would control if it
// were a private key, worked out on this machine: shown next to the
// "is this a transaction ID?" question so that a user who pasted a key
// sees their own address and stops.
type KeyAddresses struct {
	EVM  string // 0x…, EIP-55
	Tron string // T…
}

// KeyViewer is a backend that can work out, locally, the addresses a
// private key would control (the EVM backend: secp256k1 lives there).
type KeyViewer interface {
	PossibleKeyAddresses(q Query) (KeyAddresses, bool)
}

// PossibleKeyAddresses asks the first backend that can: ok is false when
// q does not need confirming, or its string cannot be a private key (then
// it can only be a transaction ID). Nothing leaves the machine.
func (e *Engine) PossibleKeyAddresses(q Query) (KeyAddresses, bool) {
	for _, b := range e.cfg.Backends {
		if v, ok := b.(KeyViewer); ok {
			return v.PossibleKeyAddresses(q)
		}
	}
	return KeyAddresses{}, false
}

// TronAddress is the TRON form (T…) of a 20-byte account id: the same id
// an EVM address carries, behind TRON's 0x41 prefix, in base58check.
func TronAddress(account [20]byte) string {
	return base58.EncodeCheck(append([]byte{tronPrefix}, account[:]...))
}
