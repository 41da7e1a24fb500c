package diagnose

import (
	"math/big"
	"strings"
)

// WeiDecimals is the decimals of an EVM amount in wei (the report's *_wei
// fields): 1 ETH, BNB or POL = 10^18 wei.
const WeiDecimals = 18

// UnknownEVMCoin is the coin named for an EVM chain known only by its id
// (a custom endpoint): most such chains, L2s above all, pay fees in ETH.
const UnknownEVMCoin = "ETH"

// FormatUnits writes v / 10^decimals exactly, without trailing zeros.
func FormatUnits(v *big.Int, decimals int) string {
	if decimals <= 0 {
		return v.String()
	}
	neg := v.Sign() < 0
	s := new(big.Int).Abs(v).String()
	if len(s) <= decimals {
		s = strings.Repeat("0", decimals-len(s)+1) + s
	}
	whole, frac := s[:len(s)-decimals], strings.TrimRight(s[len(s)-decimals:], "0")
	out := whole
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// gwei writes a wei amount in gwei.
func gwei(v *big.Int) string { return FormatUnits(v, 9) + " gwei" }
