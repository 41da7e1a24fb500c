package diagnose

import (
	"strings"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/secret"
)

// The TUI screens the whole field on every keystroke, so the screen's cost
// on a long paste is what a user could feel.
func BenchmarkScreenKeystroke(b *testing.B) {
	long := strings.Repeat("my transfer is stuck since yesterday, the hash is "+hashLower+" ", 40)[:MaxInputBytes]
	for _, bench := range []struct{ name, text string }{{"hash", hashLower}, {"link", "https://tronscan.org/#/transaction/" + tronTxID}, {"4KB", long}} {
		b.Run(bench.name, func(b *testing.B) {
			for b.Loop() {
				secret.DetectIn(secret.FieldTxID, bench.text)
			}
		})
	}
}

func BenchmarkParseInput(b *testing.B) {
	reg := chains.MustDefault()
	for _, in := range []string{hashLower, "https://mempool.space/testnet/tx/" + btcTxID, btcP2TR, tronUSDT} {
		b.Run(in[:8], func(b *testing.B) {
			for b.Loop() {
				if _, err := ParseInput(in, reg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
