package bitcoin

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/esplorareplay"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

func FuzzParseAddress(f *testing.F) {
	for _, s := range []string{"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
		"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "bc1", "1", ""} {
		f.Add(s)
	}
	net := Mainnet()
	f.Fuzz(func(t *testing.T, s string) {
		a, err := net.ParseAddress(s)
		if err != nil {
			return
		}
		// A valid address parses again to itself.
		b, err := net.ParseAddress(a.String)
		if err != nil || b != a {
			t.Fatalf("%q -> %+v, again -> %+v, %v", s, a, b, err)
		}
	})
}

func FuzzParseTxid(f *testing.F) {
	f.Add(strings.Repeat("ab", 32))
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseTxid(s)
		if err != nil {
			return
		}
		if len(id) != 64 || strings.ToLower(id) != id {
			t.Fatalf("ParseTxid(%q) = %q", s, id)
		}
	})
}

// FuzzEsploraAnswers feeds hostile bodies to every Esplora decoder and
// the rules: no panic, and nothing impossible reaches a report.
func FuzzEsploraAnswers(f *testing.F) {
	all, err := esplorareplay.Scenarios()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range all {
		for _, e := range s.Exchanges {
			body, _ := e.Body()
			f.Add(body)
		}
	}
	f.Add([]byte(`{"txid":"` + strings.Repeat("a", 64) + `","weight":-4,"fee":-1}`))
	const txid = "6229c0784bc776be22a5ee84e0e3d9b8f9e17843f079a8444b03bdc98b77d229"
	f.Fuzz(func(t *testing.T, body []byte) {
		_, _ = decodeHeight(body)
		_, _ = decodeFeeEstimates(body)
		_, _ = decodeAddress(body, "1wiz18xYmhRX6xStj2b9t1rwWX4GKUgpv")
		var cp mempoolCPFP
		_ = json.Unmarshal(body, &cp)
		var rbf mempoolRBF
		_ = json.Unmarshal(body, &rbf)
		tx, err := decodeEsploraTx(body, txid)
		if err != nil {
			return
		}
		f := &facts{found: true, vsize: vsizeOf(tx.Weight), confirmed: tx.Status.Confirmed, blockHeight: tx.Status.BlockHeight,
			nextBlockRate: 7, nextBlockSource: "fastestFee", minRate: 2}
		if tx.Fee != nil {
			f.feeSat, f.feeKnown = *tx.Fee, true
		}
		for _, in := range tx.Vin {
			f.inputs = append(f.inputs, outpoint{Txid: in.Txid, Vout: in.Vout, sequence: in.Sequence})
		}
		for _, o := range tx.Vout {
			f.outputTypes = append(f.outputTypes, esploraScriptType(o.Type))
		}
		checkReport(t, f)
	})
}

// FuzzCoreAnswers does the same for Bitcoin Core's and btcd's answers.
func FuzzCoreAnswers(f *testing.F) {
	f.Add([]byte(`{"txid":"6bce0d8de4b28233a3be7f246f9bd430d30e71a65fd2061aad6c53f04ac8c7e8","size":192,"vsize":110,"weight":438,"vin":[{"txid":"68c43604308b93b144551608ee2e19657027d50e4ab2a63ae15e487669d44b2e","vout":0,"sequence":4294967293}],"vout":[{"value":49.9999989,"n":0,"scriptPubKey":{"type":"witness_v0_keyhash"}}]}`))
	f.Add([]byte(`{"6bce0d8de4b28233a3be7f246f9bd430d30e71a65fd2061aad6c53f04ac8c7e8":{"size":192,"vsize":110,"weight":438,"fee":0.0000011,"time":1796111749,"height":110,"depends":[]}}`))
	f.Add([]byte(`{"size":0,"bytes":0}`))
	f.Add([]byte(`{"mempoolminfee":0.00001858,"minrelaytxfee":0.00001,"incrementalrelayfee":0.00001,"fullrbf":true}`))
	f.Add([]byte(`5.5e-7`))
	const txid = "6bce0d8de4b28233a3be7f246f9bd430d30e71a65fd2061aad6c53f04ac8c7e8"
	f.Fuzz(func(t *testing.T, body []byte) {
		fs := &facts{found: true, vsize: 110}
		var pool map[string]coreMempoolEntry
		if json.Unmarshal(body, &pool) == nil {
			readPool(fs, txid, pool)
		}
		var entry coreMempoolEntry
		if json.Unmarshal(body, &entry) == nil {
			readCoreEntry(fs, &entry)
		}
		_ = readMempoolInfo(fs, &noderpc.Call{Result: body})
		_, _ = btcToSat(string(body))
		if tx, err := decodeCoreTx(body, txid); err == nil {
			fs.vsize = tx.VSize
			for _, in := range tx.Vin {
				fs.inputs = append(fs.inputs, outpoint{Txid: in.Txid, Vout: in.Vout, sequence: in.Sequence})
			}
		}
		checkReport(t, fs)
	})
}

// checkReport runs the rules and holds the report to what can be true.
func checkReport(t *testing.T, f *facts) {
	t.Helper()
	rep := &diagnose.Report{Findings: []diagnose.Finding{}}
	judge(rep, f, time.Unix(1734893382, 0))
	b := rep.Bitcoin
	if b.FeeSat < 0 || b.VSize < 0 || b.RBFMinFeeSat < 0 || b.CPFPChildFeeSat < 0 {
		t.Fatalf("negative numbers: %+v", b)
	}
	if b.RBFMinFeeSat != 0 && b.RBFMinFeeSat <= b.FeeSat {
		t.Fatalf("RBF minimum %d not above the fee %d", b.RBFMinFeeSat, b.FeeSat)
	}
	for _, fd := range rep.Findings {
		if fd.Title == "" || strings.ContainsAny(fd.Title+fd.Detail, "{?") {
			t.Fatalf("finding %s has unfilled words: %q %q", fd.Code, fd.Title, fd.Detail)
		}
	}
}
