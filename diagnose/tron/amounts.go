package tron

import (
	"math/big"
	"strconv"
	"strings"
	"time"
)

// sunPerTRX is 10^6: TRX has 6 decimals.
const sunPerTRX = 1_000_000

// formatUnits writes v / 10^dec as a decimal without trailing zeros.
func formatUnits(v *big.Int, dec uint8) string {
	if v == nil {
		return "0"
	}
	neg := v.Sign() < 0
	s := new(big.Int).Abs(v).String()
	if d := int(dec); d > 0 {
		if len(s) <= d {
			s = strings.Repeat("0", d-len(s)+1) + s
		}
		s = s[:len(s)-d] + "." + s[len(s)-d:]
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// trx writes an amount of sun as TRX.
func trx(sun int64) string { return formatUnits(big.NewInt(sun), 6) }

// trxTimes writes units × sun-per-unit as TRX, without overflowing on
// whatever numbers a node sends.
func trxTimes(units, sunEach int64) string {
	return formatUnits(new(big.Int).Mul(big.NewInt(units), big.NewInt(sunEach)), 6)
}

func i64(v int64) string { return strconv.FormatInt(v, 10) }

// utc writes a TRON millisecond timestamp for people, in UTC.
func utc(ms int64) string { return time.UnixMilli(ms).UTC().Format("2006-01-02 15:04:05 UTC") }

// rfc3339 writes a TRON millisecond timestamp for the JSON report.
func rfc3339(ms int64) string { return time.UnixMilli(ms).UTC().Format(time.RFC3339) }
