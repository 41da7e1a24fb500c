package diagnose

import "strings"

// Bech32 (BIP-173) and bech32m (BIP-350), as Bitcoin segwit addresses use
// them: bc1q… (version 0, bech32), bc1p… (taproot, bech32m); tb1 on testnet
// and signet, bcrt1 on regtest.

const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

const (
	bech32Const  = 1
	bech32mConst = 0x2bc830a3
)

func bech32Polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := range 5 {
			if top>>i&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

func hrpExpand(hrp string) []byte {
	out := make([]byte, 0, len(hrp)*2+1)
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]>>5)
	}
	out = append(out, 0)
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]&31)
	}
	return out
}

// decodeBech32 splits s into its human-readable part and 5-bit data
// (checksum removed), and says which checksum constant matched.
func decodeBech32(s string) (hrp string, data []byte, constant uint32, ok bool) {
	if len(s) < 8 || len(s) > 90 || strings.ToLower(s) != s && strings.ToUpper(s) != s {
		return "", nil, 0, false
	}
	s = strings.ToLower(s)
	sep := strings.LastIndexByte(s, '1')
	if sep < 1 || sep+7 > len(s) {
		return "", nil, 0, false
	}
	hrp = s[:sep]
	for i := 0; i < len(hrp); i++ {
		if hrp[i] < 33 || hrp[i] > 126 {
			return "", nil, 0, false
		}
	}
	for i := sep + 1; i < len(s); i++ {
		v := strings.IndexByte(bech32Charset, s[i])
		if v < 0 {
			return "", nil, 0, false
		}
		data = append(data, byte(v))
	}
	constant = bech32Polymod(append(hrpExpand(hrp), data...))
	if constant != bech32Const && constant != bech32mConst {
		return "", nil, 0, false
	}
	return hrp, data[:len(data)-6], constant, true
}

// convertBits regroups 5-bit groups into bytes, refusing non-zero padding.
func convertBits(data []byte) ([]byte, bool) {
	var acc, bits uint32
	var out []byte
	for _, v := range data {
		acc = acc<<5 | uint32(v)
		bits += 5
		for bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
		}
	}
	if bits >= 5 || acc&(1<<bits-1) != 0 {
		return nil, false
	}
	return out, true
}

// decodeSegwit validates a segwit address: its checksum, the checksum kind
// its witness version needs, and the program length. It returns the
// human-readable part ("bc", "tb", "bcrt").
func decodeSegwit(addr string) (hrp string, ok bool) {
	hrp, data, constant, ok := decodeBech32(addr)
	if !ok || len(data) < 1 || data[0] > 16 {
		return "", false
	}
	version := data[0]
	program, ok := convertBits(data[1:])
	switch {
	case !ok, len(program) < 2, len(program) > 40:
		return "", false
	case version == 0 && (constant != bech32Const || len(program) != 20 && len(program) != 32):
		return "", false
	case version > 0 && constant != bech32mConst:
		return "", false
	}
	return hrp, true
}
