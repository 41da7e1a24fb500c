package evm

import "github.com/ethereum/go-ethereum/common"

// delegateOf reads an EIP-7702 delegated account's code: the 3-byte
// designator 0xef0100 and the 20-byte address it delegates to
// (https://eips.ethereum.org/EIPS/eip-7702, "Delegation designation").
// ok is false for any other code, empty code included. This is the one
// place the designator is read: the verdicts, the sent-to-contract rule
// and `unstuck account` all ask it.
func delegateOf(code []byte) (common.Address, bool) {
	if len(code) != 23 || string(code[:3]) != "\xef\x01\x00" {
		return common.Address{}, false
	}
	return common.BytesToAddress(code[3:]), true
}
