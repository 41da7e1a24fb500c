package bitcoin

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// getmempoolinfo as Bitcoin Core answered it (mempool/mempool api-docs
// live-data sample, its mempoolInfo object).
const recordedMempoolInfo = `{"loaded":true,"size":264505,"bytes":108875402,"usage":649908688,"total_fee":1.61036575,"maxmempool":300000000,"mempoolminfee":0.00001858,"minrelaytxfee":0.00001,"incrementalrelayfee":0.00001,"unbroadcastcount":0,"fullrbf":true}`

func TestFloorsReadFromCore(t *testing.T) {
	f := &facts{found: true, feeSat: 300, feeKnown: true, vsize: 200,
		inputs: []outpoint{{Txid: "aa", sequence: 0xffffffff}}, outputTypes: []string{"p2wpkh"}}
	if fe := readMempoolInfo(f, &noderpc.Call{Result: []byte(recordedMempoolInfo)}); fe != nil {
		t.Fatal(fe)
	}
	if f.minRate != 1.858 || f.relayFloor != 1 || f.incremental != 1 || f.fullRBF == nil || !*f.fullRBF {
		t.Fatalf("floors = %v %v %v %v", f.minRate, f.relayFloor, f.incremental, f.fullRBF)
	}
	rep := &diagnose.Report{}
	judge(rep, f, time.Now())
	// 1.5 sat/vB is below the 1.858 eviction floor the node reported.
	if b := findingIn(rep, diagnose.CodeBelowMinRelay); b == nil || b.Data["variant"] != "node" || b.Data["min_rate"] != "1.86" {
		t.Errorf("below_min_relay = %+v", b)
	}
	r := findingIn(rep, diagnose.CodeRBFAvailable)
	if r == nil || r.Data["variant"] != "full_rbf" || rep.Bitcoin.RBFMinFeeSat != 500 {
		t.Errorf("rbf = %+v, min %d; want full_rbf, 500", r, rep.Bitcoin.RBFMinFeeSat)
	}
	if findingIn(rep, diagnose.CodeRPCDegraded) != nil {
		t.Errorf("floors were read, yet a note says otherwise: %+v", rep.Findings)
	}
}

func TestRules(t *testing.T) {
	base := func() *facts {
		return &facts{found: true, feeSat: 1000, feeKnown: true, vsize: 200, nextBlockRate: 10, nextBlockSource: "fastestFee",
			inputs: []outpoint{{Txid: "aa", sequence: 0xfffffffd}}, outputTypes: []string{"p2wpkh"}, ancestorsKnown: true, descendantsKnown: true}
	}
	tests := []struct {
		name   string
		change func(*facts)
		check  func(*testing.T, *diagnose.Report)
	}{
		{"a node with Core 29.1's lower incremental rate", func(f *facts) { f.incremental, f.relayFloor = 0.1, 0.1 }, func(t *testing.T, r *diagnose.Report) {
			if r.Bitcoin.RBFMinFeeSat != 1020 {
				t.Errorf("min = %d, want 1000 + 0.1 × 200", r.Bitcoin.RBFMinFeeSat)
			}
			if v := findingIn(r, diagnose.CodeRBFAvailable).Data["variant"]; v != "signalled" {
				t.Errorf("variant %s", v)
			}
		}},
		{"descendants are paid for", func(f *facts) { f.descendantFee = 500 }, func(t *testing.T, r *diagnose.Report) {
			if r.Bitcoin.RBFMinFeeSat != 1700 {
				t.Errorf("min = %d, want 1000 + 500 + 200", r.Bitcoin.RBFMinFeeSat)
			}
		}},
		{"cpfp counts the ancestors", func(f *facts) { f.ancestors = []relative{{txid: "bb", feeSat: 100, vsize: 100}} }, func(t *testing.T, r *diagnose.Report) {
			// 10 × (200 + 100 + 110) − 1100.
			if r.Bitcoin.CPFPChildFeeSat != 3000 {
				t.Errorf("child = %d, want 3000", r.Bitcoin.CPFPChildFeeSat)
			}
			if findingIn(r, diagnose.CodeUnconfirmedParent) == nil {
				t.Error("no unconfirmed_parent")
			}
		}},
		{"a child pays at least its own relay fee", func(f *facts) { f.feeSat = 10000; f.nextBlockRate = 50.2 }, func(t *testing.T, r *diagnose.Report) {
			if r.Bitcoin.CPFPChildFeeSat < 110 {
				t.Errorf("child = %d", r.Bitcoin.CPFPChildFeeSat)
			}
		}},
		{"a node that refuses full RBF", func(f *facts) { no := false; f.fullRBF = &no; f.inputs[0].sequence = 0xffffffff }, func(t *testing.T, r *diagnose.Report) {
			if findingIn(r, diagnose.CodeRBFAvailable) != nil || r.Bitcoin.RBFMinFeeSat != 0 {
				t.Error("rbf offered where the node refuses it")
			}
			if findingIn(r, diagnose.CodeCPFPAvailable) == nil {
				t.Error("no cpfp")
			}
		}},
		{"fee fine: no speed-up advice", func(f *facts) { f.nextBlockRate = 4 }, func(t *testing.T, r *diagnose.Report) {
			if findingIn(r, diagnose.CodeUnderpriced) != nil || findingIn(r, diagnose.CodeCPFPAvailable) != nil {
				t.Errorf("findings %+v", r.Findings)
			}
		}},
		{"fee unknown: no numbers invented", func(f *facts) { f.feeKnown = false }, func(t *testing.T, r *diagnose.Report) {
			if r.Bitcoin.RBFMinFeeSat != 0 || r.Bitcoin.CPFPChildFeeSat != 0 || len(r.Findings) != 1 {
				t.Errorf("report %+v %+v", r.Bitcoin, r.Findings)
			}
		}},
		{"expired already", func(f *facts) { f.firstSeen = time.Unix(0, 0) }, func(t *testing.T, r *diagnose.Report) {
			if e := findingIn(r, diagnose.CodeExpiring); e == nil || e.Data["hours_left"] != "0" {
				t.Errorf("expiring = %+v", e)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			tt.change(f)
			rep := &diagnose.Report{}
			judge(rep, f, time.Unix(1734893382, 0))
			tt.check(t, rep)
		})
	}
}

func findingIn(rep *diagnose.Report, c diagnose.Code) *diagnose.Finding {
	for i := range rep.Findings {
		if rep.Findings[i].Code == c {
			return &rep.Findings[i]
		}
	}
	return nil
}

// TestWordsInBothLanguages: every Bitcoin message key has zh words, with
// the same placeholders.
func TestWordsInBothLanguages(t *testing.T) {
	f := &facts{found: true, feeSat: 50, feeKnown: true, vsize: 200, nextBlockRate: 10, nextBlockSource: "fastestFee",
		inputs: []outpoint{{Txid: "aa", sequence: 0xfffffffd}}, outputTypes: []string{"p2wpkh"}, ancestorsKnown: true,
		ancestors: []relative{{txid: "bb", feeSat: 1, vsize: 1}}, firstSeen: time.Unix(1734893382-330*3600, 0),
		estimates: []string{"estimatefee"}}
	rep := &diagnose.Report{}
	judge(rep, f, time.Unix(1734893382, 0))
	en := append([]diagnose.Finding(nil), rep.Findings...)
	diagnose.Localize(rep, "zh")
	if len(en) < 6 {
		t.Fatalf("only %d findings", len(en))
	}
	for i, fd := range rep.Findings {
		if fd.Title == en[i].Title || fd.Detail == en[i].Detail {
			t.Errorf("%s/%s has no Chinese words: %q", fd.Code, fd.Data["variant"], fd.Title)
		}
	}
}

// TestCoreEntryShape reads getmempoolentry in the shape Bitcoin Core
// documents it (fees in BTC, ancestors and descendants summed including
// the entry itself). btcd has no getmempoolentry, so no real node here
// answers it; the values are the test's own.
func TestCoreEntryShape(t *testing.T) {
	var e coreMempoolEntry
	raw := `{"vsize":201,"vsize_bip141":200,"weight":800,"time":1734893382,"ancestorcount":3,"ancestorsize":500,"descendantcount":2,"descendantsize":310,
		"fees":{"base":0.00001,"modified":0.00001,"ancestor":0.00002,"descendant":0.000015},"depends":["bb","cc"],"spentby":["dd"],"bip125-replaceable":false,"unbroadcast":false}`
	if err := json.Unmarshal([]byte(raw), &e); err != nil {
		t.Fatal(err)
	}
	f := &facts{found: true}
	readCoreEntry(f, &e)
	if f.feeSat != 1000 || f.vsize != 200 || f.firstSeen.Unix() != 1734893382 {
		t.Fatalf("fee %d vsize %d seen %v", f.feeSat, f.vsize, f.firstSeen)
	}
	if len(f.ancestors) != 1 || f.ancestors[0].feeSat != 1000 || f.ancestors[0].vsize != 300 || f.ancestorCount != 2 {
		t.Errorf("ancestors %+v count %d", f.ancestors, f.ancestorCount)
	}
	if f.descendantFee != 500 || f.descendantVSize != 110 || !f.descendantsKnown {
		t.Errorf("descendants %d %d", f.descendantFee, f.descendantVSize)
	}
}
