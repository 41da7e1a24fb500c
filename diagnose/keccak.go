package diagnose

import (
	"math/bits"
	"strings"
)

// The EIP-55 checksum of an EVM address is the case of its hex digits,
// taken from the address's Keccak-256. The standard library's crypto/sha3
// is FIPS 202 SHA-3, which pads differently (0x06, not Keccak's 0x01), so
// the core keeps the one Keccak-256 it needs here; keccak_test.go checks it
// against go-ethereum's.

// keccakF1600 is the Keccak-f[1600] permutation.
func keccakF1600(a *[25]uint64) {
	// the round constants, the rho rotations and the pi lane order
	rc := [24]uint64{
		0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
		0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
		0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
		0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
		0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
		0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
	}
	rot := [24]int{1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44}
	pi := [24]int{10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1}
	var c [5]uint64
	for round := 0; round < 24; round++ {
		for x := 0; x < 5; x++ {
			c[x] = a[x] ^ a[x+5] ^ a[x+10] ^ a[x+15] ^ a[x+20]
		}
		for x := 0; x < 5; x++ {
			d := c[(x+4)%5] ^ bits.RotateLeft64(c[(x+1)%5], 1)
			for y := 0; y < 25; y += 5 {
				a[y+x] ^= d
			}
		}
		t := a[1]
		for i := 0; i < 24; i++ {
			j := pi[i]
			t, a[j] = a[j], bits.RotateLeft64(t, rot[i])
		}
		for y := 0; y < 25; y += 5 {
			for x := 0; x < 5; x++ {
				c[x] = a[y+x]
			}
			for x := 0; x < 5; x++ {
				a[y+x] = c[x] ^ (^c[(x+1)%5] & c[(x+2)%5])
			}
		}
		a[0] ^= rc[round]
	}
}

// keccak256 is the legacy Keccak-256 hash Ethereum uses.
func keccak256(data []byte) [32]byte {
	const rate = 136
	var a [25]uint64
	absorb := func(block []byte) {
		for i := 0; i < rate/8; i++ {
			var lane uint64
			for b := 0; b < 8; b++ {
				lane |= uint64(block[8*i+b]) << (8 * b)
			}
			a[i] ^= lane
		}
		keccakF1600(&a)
	}
	for len(data) >= rate {
		absorb(data[:rate])
		data = data[rate:]
	}
	var last [rate]byte
	copy(last[:], data)
	last[len(data)] ^= 0x01
	last[rate-1] ^= 0x80
	absorb(last[:])
	var out [32]byte
	for i := 0; i < 4; i++ {
		for b := 0; b < 8; b++ {
			out[8*i+b] = byte(a[i] >> (8 * b))
		}
	}
	return out
}

// checksumAddress writes 40 hex digits (any case) as an EIP-55 address:
// 0x, then each letter in upper case where the matching nibble of the
// Keccak-256 of the lower-case digits is 8 or more.
func checksumAddress(h string) string {
	lower := strings.ToLower(h)
	sum := keccak256([]byte(lower))
	out := []byte(lower)
	for i := range out {
		nibble := sum[i/2] >> 4
		if i%2 == 1 {
			nibble = sum[i/2] & 0x0f
		}
		if out[i] >= 'a' && nibble >= 8 {
			out[i] -= 'a' - 'A'
		}
	}
	return "0x" + string(out)
}
