package bitcoin

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/btcdnode"
	"github.com/unstuck-dev/unstuck/diagnose/internal/esplorareplay"
)

// The Esplora path against recorded answers (esplorareplay): the server
// fails the test on any request it has no recording for.

func esploraBackend(srv *esplorareplay.Server) *Backend {
	cfg := Config{Esplora: []string{srv.URL}, Memory: diagnose.NewMemory(""),
		Now: func() time.Time { return time.Date(2024, 12, 22, 19, 0, 0, 0, time.UTC) }}
	if srv.Scenario.MempoolExtensions {
		cfg.MempoolExtensions = []string{srv.URL}
	}
	return New(cfg)
}

func esploraCheck(t *testing.T, scenario, txid string) (*diagnose.Report, *esplorareplay.Server) {
	t.Helper()
	srv := esplorareplay.Start(t, scenario)
	rep, err := esploraBackend(srv).Check(context.Background(), diagnose.Query{Raw: txid, Ref: txid}, diagnose.CheckOptions{})
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if len(rep.Searched) != 1 || rep.Searched[0].Requests != srv.Requests() {
		t.Errorf("searched = %+v, server saw %d requests", rep.Searched, srv.Requests())
	}
	return rep, srv
}

func TestEsploraConfirmed(t *testing.T) {
	rep, srv := esploraCheck(t, "mempool-confirmed", "15e10745f15593a899cef391191bdd3d7c12412cc4696b7bcb669d0feadc8521")
	if rep.Status != diagnose.StatusSuccess || rep.Confirmations != 698767-363348+1 {
		t.Fatalf("status %s, %d confirmations", rep.Status, rep.Confirmations)
	}
	if rep.Bitcoin.FeeSat != 20000 || rep.Bitcoin.VSize != 884 || len(rep.Findings) != 0 {
		t.Errorf("report = %+v, findings %+v", rep.Bitcoin, rep.Findings)
	}
	if srv.Requests() != 3 {
		t.Errorf("%d requests, want one round of 3", srv.Requests())
	}
	if rep.Chain.ExplorerTxURL != "https://mempool.space/tx/15e10745f15593a899cef391191bdd3d7c12412cc4696b7bcb669d0feadc8521" {
		t.Errorf("explorer = %s", rep.Chain.ExplorerTxURL)
	}
}

func TestEsploraTipLagsTheBlock(t *testing.T) {
	rep, _ := esploraCheck(t, "blockstream-tip-lag", "eefbafa4006e77099db059eebe14687965813283e5754d317431d9984554735d")
	if rep.Status != diagnose.StatusSuccess || rep.Confirmations != 1 {
		t.Fatalf("status %s, %d confirmations; want success with at least its own block", rep.Status, rep.Confirmations)
	}
	finding(t, rep, diagnose.CodeLowConfirmations)
}

func TestEsploraPending(t *testing.T) {
	const txid = "6229c0784bc776be22a5ee84e0e3d9b8f9e17843f079a8444b03bdc98b77d229"
	rep, srv := esploraCheck(t, "mempool-pending", txid)
	if rep.Status != diagnose.StatusPending {
		t.Fatalf("status %s", rep.Status)
	}
	bi := rep.Bitcoin
	if bi.FeeSat != 1185 || bi.VSize != 226 || bi.FeeRateSatVB != 5.24 || bi.NextBlockFeeRateSatVB != 7 || bi.MinFeeRateSatVB != 2 || !bi.RBFSignaled {
		t.Fatalf("bitcoin = %+v", bi)
	}
	// 1185 + 1 sat/vB × 226 (assumed: Esplora reports no floors).
	if bi.RBFMinFeeSat != 1411 {
		t.Errorf("RBF minimum = %d, want 1411", bi.RBFMinFeeSat)
	}
	// 7 × (226 + 192) − 1185: a child spending a P2PKH output.
	c := finding(t, rep, diagnose.CodeCPFPAvailable)
	if bi.CPFPChildFeeSat != 1741 || c.Data["child_vsize"] != "192" {
		t.Errorf("cpfp = %d %v", bi.CPFPChildFeeSat, c.Data)
	}
	finding(t, rep, diagnose.CodeUnderpriced)
	noFinding(t, rep, diagnose.CodeBelowMinRelay)
	noFinding(t, rep, diagnose.CodeUnconfirmedParent)
	noFinding(t, rep, diagnose.CodeExpiring)
	if srv.Hits("/v1/cpfp/"+txid) != 1 {
		t.Error("round 2 did not ask for the relatives")
	}
}

func TestEsploraReplacedByHistory(t *testing.T) {
	rep, _ := esploraCheck(t, "mempool-replaced", "3f4670463daadffed07d7a1060071b07f7e81a2566eca21d78bb513cbf21c82a")
	if rep.Status != diagnose.StatusReplaced || rep.Bitcoin.ReplacedBy != "2e95ff9094df9f3650e3f2abc189250760162be89a88f9f2f23301c7cb14b8b4" {
		t.Fatalf("status %s replaced by %q", rep.Status, rep.Bitcoin.ReplacedBy)
	}
}

func TestEsploraAccount(t *testing.T) {
	srv := esplorareplay.Start(t, "address")
	rep, err := esploraBackend(srv).Account(context.Background(), diagnose.Query{Raw: "1wiz18xYmhRX6xStj2b9t1rwWX4GKUgpv"})
	if err != nil {
		t.Fatal(err)
	}
	a := rep.Bitcoin
	if a == nil || a.ConfirmedSat != 0 || a.UnconfirmedSat != 0 || a.UnconfirmedTxs != 0 || a.TxCount != 7 || a.Type != "p2pkh" {
		t.Fatalf("account = %+v", a)
	}
	if len(rep.Chains) != 1 || !rep.Chains[0].Active || rep.Chains[0].Symbol != "BTC" {
		t.Errorf("chains = %+v", rep.Chains)
	}
}

// verdict is what the user is told, transport details aside: the status
// and the findings' codes and variants, without the notes about what an
// endpoint could not say.
func verdict(rep *diagnose.Report) []string {
	out := []string{string(rep.Status)}
	for _, f := range rep.Findings {
		if f.Code != diagnose.CodeRPCDegraded {
			out = append(out, string(f.Code)+"/"+f.Data["variant"])
		}
	}
	slices.Sort(out[1:])
	return out
}

// TestSameVerdictBothTransports: the same facts (an unconfirmed,
// RBF-signalling transfer paying below the next-block rate, floors not
// reported; a deeply confirmed one) give the same verdict from the
// recorded Esplora answers and from a real btcd.
func TestSameVerdictBothTransports(t *testing.T) {
	pendingEsplora, _ := esploraCheck(t, "mempool-pending", "6229c0784bc776be22a5ee84e0e3d9b8f9e17843f079a8444b03bdc98b77d229")
	confirmedEsplora, _ := esploraCheck(t, "mempool-confirmed", "15e10745f15593a899cef391191bdd3d7c12412cc4696b7bcb669d0feadc8521")

	n := btcdnode.Start(t)
	n.PrimeFeeEstimator(8, 7)
	b := coreBackend(n, nil)
	confirmed := n.MustSend(n.Pay(n.NextCoin(), n.Wallet.Script(), 550, btcdnode.SeqRBF))
	n.Generate(6)
	// 5 sat/vB with a 7 sat/vB next block, as in the recorded case.
	pendingCore := checkTx(t, b, n.MustSend(n.Pay(n.NextCoin(), n.Wallet.Script(), 550, btcdnode.SeqRBF)))
	confirmedCore := checkTx(t, b, confirmed)

	if got, want := verdict(pendingCore), verdict(pendingEsplora); !slices.Equal(got, want) {
		t.Errorf("pending: btcd %v, esplora %v", got, want)
	}
	if got, want := verdict(confirmedCore), verdict(confirmedEsplora); !slices.Equal(got, want) {
		t.Errorf("confirmed: btcd %v, esplora %v", got, want)
	}
}

// TestEsploraDoubleSpent: a txid gone from the endpoint whose remembered
// input is spent by another, confirmed transaction.
func TestEsploraDoubleSpent(t *testing.T) {
	srv := esplorareplay.Start(t, "blockstream-double-spent")
	b := esploraBackend(srv)
	missing := strings.Repeat("ab", 32)
	remember(b.cfg.Memory, missing, []outpoint{{Txid: "15e10745f15593a899cef391191bdd3d7c12412cc4696b7bcb669d0feadc8521", Vout: 3}}, time.Now())
	rep, err := b.Check(context.Background(), diagnose.Query{Raw: missing}, diagnose.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	const spender = "2a1b8ec06d68096911da82b02806c3848c415b0044a0046850c4a97cbffac7b1"
	if rep.Status != diagnose.StatusReplaced || rep.Bitcoin.ReplacedBy != spender {
		t.Fatalf("status %s replaced by %q", rep.Status, rep.Bitcoin.ReplacedBy)
	}
	if f := finding(t, rep, diagnose.CodeReplaced); f.Data["variant"] != "bitcoin_confirmed" {
		t.Errorf("replaced = %v", f.Data)
	}
	if srv.Requests() != 4 {
		t.Errorf("%d requests, want 3 + 1", srv.Requests())
	}
}

func TestEsploraExpiring(t *testing.T) {
	srv := esplorareplay.Start(t, "mempool-pending")
	b := esploraBackend(srv)
	b.cfg.Now = func() time.Time { return time.Unix(1734893382, 0).Add(330 * time.Hour) }
	rep, err := b.Check(context.Background(), diagnose.Query{Raw: "6229c0784bc776be22a5ee84e0e3d9b8f9e17843f079a8444b03bdc98b77d229"}, diagnose.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if f := finding(t, rep, diagnose.CodeExpiring); f.Data["hours_left"] != "6" || f.Data["first_seen"] != "2024-12-22T18:49:42Z" {
		t.Errorf("expiring = %v", f.Data)
	}
}
