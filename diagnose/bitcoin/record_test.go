package bitcoin

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/btcdnode"
)

// recordedScenarios are the btcd cases kept for replay (demo, and tests
// where btcd is absent). Each acts on the node and calls check for each
// txid to check, in order.
type recordedScenario struct {
	name, about string
	run         func(t *testing.T, n *btcdnode.Node, check func(txid string))
}

func recordedScenarios() []recordedScenario {
	return []recordedScenario{
		{"confirmed", "a transfer confirmed one block ago", func(t *testing.T, n *btcdnode.Node, check func(string)) {
			id := n.MustSend(n.Pay(n.NextCoin(), n.Wallet.Script(), 1100, btcdnode.SeqFinal))
			n.Generate(1)
			check(id)
		}},
		{"pending-underpriced", "an RBF-signalling transfer paying 2 sat/vB while the next block needs 20", func(t *testing.T, n *btcdnode.Node, check func(string)) {
			n.PrimeFeeEstimator(8, 20)
			check(n.MustSend(n.Pay(n.NextCoin(), n.Wallet.Script(), 220, btcdnode.SeqRBF)))
		}},
		{"below-min-relay", "a transfer paying 50 sat for 110 vB, relayed by priority", func(t *testing.T, n *btcdnode.Node, check func(string)) {
			check(n.MustSend(n.Pay(n.NextCoin(), n.Wallet.Script(), 50, btcdnode.SeqRBF)))
		}},
		{"unconfirmed-parent", "a transfer spending the output of another unconfirmed one", func(t *testing.T, n *btcdnode.Node, check func(string)) {
			coin := n.NextCoin()
			pid := n.MustSend(n.Pay(coin, n.Wallet.Script(), 110, btcdnode.SeqRBF))
			check(n.MustSend(n.Pay(btcdnode.Coin{Txid: pid, Vout: 0, Value: coin.Value - 110}, n.Wallet.Script(), 550, btcdnode.SeqRBF)))
		}},
		{"replaced", "a pending transfer checked, then bumped with RBF, then checked again", func(t *testing.T, n *btcdnode.Node, check func(string)) {
			coin := n.NextCoin()
			old := n.MustSend(n.Pay(coin, n.Wallet.Script(), 110, btcdnode.SeqRBF))
			check(old)
			n.MustSend(n.Pay(coin, n.Wallet.Script(), 550, btcdnode.SeqRBF))
			check(old)
		}},
		{"double-spent", "a pending transfer checked, then its coin spent elsewhere and mined, then checked again", func(t *testing.T, n *btcdnode.Node, check func(string)) {
			coin := n.NextCoin()
			old := n.MustSend(n.Pay(coin, n.Wallet.Script(), 110, btcdnode.SeqRBF))
			check(old)
			other, err := btcdnode.NewWallet()
			if err != nil {
				t.Fatal(err)
			}
			n.MustSend(n.Pay(coin, other.Script(), 1000, btcdnode.SeqRBF))
			n.Generate(1)
			check(old)
		}},
		{"not-found", "a txid the node never saw", func(t *testing.T, n *btcdnode.Node, check func(string)) {
			check(strings.Repeat("ab", 32))
		}},
	}
}

// TestRecordBtcd regenerates diagnose/internal/btcdnode/recordings.json
// from a real btcd: UNSTUCK_RECORD=1 go test -run TestRecordBtcd ./diagnose/bitcoin
func TestRecordBtcd(t *testing.T) {
	if os.Getenv("UNSTUCK_RECORD") == "" {
		t.Skip("set UNSTUCK_RECORD=1 to regenerate the btcd recordings")
	}
	var out []btcdnode.Recording
	for _, sc := range recordedScenarios() {
		n := btcdnode.Start(t)
		rec := n.Record(t)
		now := time.Now().UTC().Truncate(time.Second)
		b := New(Config{RPC: []string{rec.URL}, Memory: diagnose.NewMemory(""), Now: func() time.Time { return now }})
		r := btcdnode.Recording{Name: sc.name, About: sc.about, Now: now.Format(time.RFC3339)}
		rec.Take()
		sc.run(t, n, func(txid string) {
			rep, err := b.Check(context.Background(), diagnose.Query{Raw: txid}, diagnose.CheckOptions{})
			if err != nil {
				t.Fatalf("%s: %v", sc.name, err)
			}
			r.Checks = append(r.Checks, btcdnode.Check{Txid: txid, Verdict: verdict(rep)})
			r.Exchanges = append(r.Exchanges, rec.Take()...)
		})
		out = append(out, r)
	}
	b, err := json.MarshalIndent(map[string]any{
		"about":      "JSON-RPC exchanges of unstuck's Bitcoin Core path with a real btcd v0.26.2 in regtest, recorded by TestRecordBtcd (diagnose/bitcoin). Do not edit by hand.",
		"recordings": out}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("../internal/btcdnode/recordings.json", append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReplayRecordedBtcd replays the recorded btcd answers through the
// Core path: the same checks get the same statuses, and nothing is asked
// that was not recorded. It needs no btcd.
func TestReplayRecordedBtcd(t *testing.T) {
	recs, err := btcdnode.Recordings()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(recordedScenarios()) {
		t.Fatalf("%d recordings, %d scenarios: run UNSTUCK_RECORD=1 go test -run TestRecordBtcd", len(recs), len(recordedScenarios()))
	}
	for _, rec := range recs {
		t.Run(rec.Name, func(t *testing.T) {
			srv := httptest.NewServer(btcdnode.ReplayHandler(rec, func(body string) {
				t.Errorf("unrecorded request: %.200s", body)
			}))
			defer srv.Close()
			now, err := time.Parse(time.RFC3339, rec.Now)
			if err != nil {
				t.Fatal(err)
			}
			b := New(Config{RPC: []string{srv.URL}, Memory: diagnose.NewMemory(""), Now: func() time.Time { return now }})
			for i, c := range rec.Checks {
				rep, err := b.Check(context.Background(), diagnose.Query{Raw: c.Txid}, diagnose.CheckOptions{})
				if err != nil || !slices.Equal(verdict(rep), c.Verdict) {
					t.Errorf("check %d of %s: %v, %v; recorded %v", i, c.Txid, verdict(rep), err, c.Verdict)
				}
			}
		})
	}
}
