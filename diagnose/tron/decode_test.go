package tron

import (
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/evm/revert"
	"github.com/unstuck-dev/unstuck/diagnose/internal/tronreplay"
)

// answerOf decodes a recorded answer.
func answerOf(t testing.TB, rec *tronreplay.Recordings, id string, out any) {
	t.Helper()
	a, ok := rec.Answers[id]
	if !ok {
		t.Fatalf("no answer %s", id)
	}
	if err := readAnswer(a.Path, a.Answer, out); err != nil {
		t.Fatal(err)
	}
}

func TestParseOutOfEnergy(t *testing.T) {
	tests := []struct {
		in   string
		want outOfEnergy
		ok   bool
	}{
		// TRON.md B2, and java-tron#3037's maintainer example.
		{"Not enough energy for 'SSTORE' operation executing: curInvokeEnergyLimit[78572], curOpEnergy[20000], penaltyEnergy[68000], usedEnergy[33567]",
			outOfEnergy{op: "SSTORE", limit: 78572, opEnergy: 20000, penalty: 68000, used: 33567}, true},
		{"Not enough energy for 'SSTORE' operation executing: curInvokeEnergyLimit[21148], curOpEnergy[20000], usedEnergy[7649]",
			outOfEnergy{op: "SSTORE", limit: 21148, opEnergy: 20000, used: 7649}, true},
		{"Not enough energy for 'SSTORE' operation executing: curInvokeEnergyLimit[21148], curOpEnergy[20000]", outOfEnergy{}, false},
		{"REVERT opcode executed", outOfEnergy{}, false},
		{"Not enough energy for 'SSTORE' operation executing: curInvokeEnergyLimit[99999999999999999999], curOpEnergy[1], penaltyEnergy[1], usedEnergy[1]", outOfEnergy{}, false},
	}
	for _, tt := range tests {
		got, ok := parseOutOfEnergy(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseOutOfEnergy(%q) = %+v %v", tt.in, got, ok)
		}
	}
}

// TestRevertWithReason: no recorded TRON revert carries a reason string, so
// this case is built from the recorded REVERT (built from B1) with
// contractResult set to an ABI Error(string), which java-tron puts there
// when the contract gives a reason (TRON.md 1.5).
func TestRevertWithReason(t *testing.T) {
	rec := recordings(t)
	f := &txFacts{Network: Networks()[0], TxID: "x", HeadNumber: 66987627}
	var tx txAnswer
	var info infoAnswer
	answerOf(t, rec, "rev2-tx", &tx)
	answerOf(t, rec, "rev2-info", &info)
	reason := "ERC20: transfer amount exceeds balance"
	word := func(n int) string { return strings.Repeat("0", 62) + hex.EncodeToString([]byte{byte(n)}) }
	pad := hex.EncodeToString([]byte(reason)) + strings.Repeat("0", 64-2*len(reason)%64)
	info.ContractResult = []string{"08c379a0" + word(32) + word(len(reason)) + pad}
	f.Tx, f.Info, f.Solidified = &tx, &info, true
	rep := judge(f, revert.NewDecoder(), pinnedNow)
	fd := finding(rep, diagnose.CodeReverted)
	if fd == nil || fd.Data["reason"] != reason || rep.Revert == nil || rep.Revert.Name != "Error(string)" {
		t.Fatalf("findings %+v revert %+v", rep.Findings, rep.Revert)
	}
	info.ContractResult = nil
	info.Receipt.Result = "OUT_OF_TIME"
	tx.Ret[0].ContractRet = "OUT_OF_TIME"
	rep = judge(f, revert.NewDecoder(), pinnedNow)
	if fd := finding(rep, diagnose.CodeReverted); fd == nil || fd.Data["variant"] != "tron_other" || fd.Data["result"] != "OUT_OF_TIME" {
		t.Errorf("OUT_OF_TIME: %+v", rep.Findings)
	}
}

// FuzzAnswers feeds arbitrary bytes to the answer decoder and the rules,
// as every field of every answer: nothing may panic, and a decoded answer
// must give a report with a status.
func FuzzAnswers(f *testing.F) {
	rec, err := tronreplay.Load()
	if err != nil {
		f.Fatal(err)
	}
	for _, id := range []string{"b1-info", "b2-info", "b2-tx", "a-tx", "a-info", "b3-info", "rev-info", "from-account-hijacked"} {
		f.Add([]byte(rec.Answers[id].Answer))
	}
	f.Add([]byte(liteNodeText))
	f.Add([]byte(`{"Error":"x"}`))
	f.Add([]byte(`{"receipt":{"energy_fee":-1},"fee":-5,"blockNumber":-3,"log":[{"topics":["ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef","zz",""]}]}`))
	dec := revert.NewDecoder()
	f.Fuzz(func(t *testing.T, b []byte) {
		var tx txAnswer
		var info infoAnswer
		var acct accountAnswer
		var block blockAnswer
		txErr := readAnswer("/t", b, &tx)
		infoErr := readAnswer("/i", b, &info)
		_ = readAnswer("/a", b, &acct)
		_ = readAnswer("/b", b, &block)
		fs := &txFacts{Network: Networks()[0], TxID: "t", HeadNumber: block.BlockHeader.RawData.Number, HeadTimeMS: block.BlockHeader.RawData.Timestamp}
		if txErr == nil && !tx.empty() {
			fs.Tx = &tx
			fs.Pending = &tx
		}
		if infoErr == nil && !info.empty() {
			fs.Info = &info
		}
		if !acct.empty() {
			fs.Owner, fs.Recipient = &acct, &acct
		}
		var params map[string]int64
		_ = json.Unmarshal(b, &params)
		fs.Params = params
		_ = needsFor(fs)
		rep := judge(fs, dec, time.Unix(0, 0))
		if rep.Status == "" || rep.Chain == nil {
			t.Fatalf("report without status or chain: %+v", rep)
		}
		if rep.Tron != nil && (rep.Tron.FeeSun < 0 || rep.Tron.EnergyUsed < 0) {
			t.Fatalf("negative amounts: %+v", rep.Tron)
		}
	})
}

// TestResMessageIsSanitized: resMessage is contract-written text.
func TestResMessageIsSanitized(t *testing.T) {
	h := hex.EncodeToString([]byte("REVERT \x1b[31mred\x1b[0m\x07 opcode executed"))
	if got := decodeResMessage(h); got != "REVERT red opcode executed" {
		t.Errorf("decodeResMessage = %q", got)
	}
	if got := decodeResMessage("zz"); got != "" {
		t.Errorf("non-hex = %q", got)
	}
	if got := decodeResMessage("524556455254206f70636f6465206578656375746564"); got != "REVERT opcode executed" {
		t.Errorf("TRON.md's REVERT message = %q", got)
	}
}
