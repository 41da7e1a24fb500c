package tron

import (
	"context"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/evm/revert"
	"github.com/unstuck-dev/unstuck/diagnose/internal/tronreplay"
)

// BenchmarkCheckReplay is a whole two-round check (B2, out of energy)
// against one loopback replay endpoint: the backend's own overhead.
func BenchmarkCheckReplay(b *testing.B) {
	rec := recordings(b)
	sc := rec.Scenarios["usdt-out-of-energy"]
	srv := tronreplay.Start(b, rec, "usdt-out-of-energy")
	be := backendFor(b, sc.Network, srv.URL)
	q := diagnose.Query{Family: diagnose.FamilyTron, Ref: sc.Input}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := be.Check(context.Background(), q, diagnose.CheckOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJudge is the pure rules on recorded answers.
func BenchmarkJudge(b *testing.B) {
	rec := recordings(b)
	var tx txAnswer
	var info infoAnswer
	answerOf(b, rec, "b2-tx", &tx)
	answerOf(b, rec, "b2-info", &info)
	f := &txFacts{Network: Networks()[0], TxID: info.ID, Tx: &tx, Info: &info, Solidified: true, HeadNumber: 66987627,
		Params: map[string]int64{paramEnergyFee: 100, paramTransactionFee: 1000}}
	dec := revert.NewDecoder()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		judge(f, dec, pinnedNow)
	}
}
