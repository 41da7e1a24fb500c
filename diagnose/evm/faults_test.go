package evm

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// methodFaults is a fault injector in front of a real node: calls to the
// listed methods get the given JSON-RPC error instead of the node's answer.
func methodFaults(t *testing.T, target string, faults map[string]string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		resp, err := http.Post(target, "application/json", bytes.NewReader(body))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		var reqs []map[string]any
		var answers []map[string]any
		if json.Unmarshal(body, &reqs) != nil || json.Unmarshal(out, &answers) != nil {
			_, _ = w.Write(out)
			return
		}
		methodByID := map[string]string{}
		for _, q := range reqs {
			id, _ := json.Marshal(q["id"])
			methodByID[string(id)], _ = q["method"].(string)
		}
		for _, a := range answers {
			id, _ := json.Marshal(a["id"])
			if msg, ok := faults[methodByID[string(id)]]; ok {
				delete(a, "result")
				a["error"] = map[string]any{"code": -32000, "message": msg}
			}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(answers)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestCheckIndexing(t *testing.T) {
	n := startNode(t, 0)
	url := methodFaults(t, n.URL, map[string]string{"eth_getTransactionByHash": "transaction indexing is in progress"})
	hash := failWith(t, n, 0, "swapV3")
	rep, err := newEnv(t, url).engine.Check(context.Background(), diagnose.Query{Kind: diagnose.KindTxHash, Ref: hash.Hex(), Raw: hash.Hex()}, diagnose.CheckOptions{})
	if err != nil {
		t.Fatal(err) // the node answered: indexing is a state, not a failure to answer
	}
	wantStatus(t, rep, diagnose.StatusUnknown)
	mustFinding(t, rep, diagnose.CodeIndexing)
	if rep.Searched[0].Fault != "indexing" {
		t.Errorf("searched = %+v", rep.Searched)
	}
}

func TestCheckStateUnavailable(t *testing.T) {
	n := startNode(t, 0)
	url := methodFaults(t, n.URL, map[string]string{"eth_call": "missing trie node 5c1b… (path )"})
	hash := failWith(t, n, 0, "swapV3")
	rep := newEnv(t, url).check(hash, diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusFailed)
	mustFinding(t, rep, diagnose.CodeReverted)
	mustFinding(t, rep, diagnose.CodeStateUnavailable)
	if rep.Revert != nil {
		t.Errorf("revert = %+v, want none", rep.Revert)
	}

	// A second endpoint of the same chain that still has the state gives
	// the reason after all, whichever of the two found the transaction.
	test := chains.Chain{ID: 1337, Name: "Test chain", Symbol: "ETH", Explorer: "https://explorer.invalid", Endpoints: []string{url, n.URL}}
	rep = newEnvWith(t, &test, url, n.URL).check(hash, diagnose.CheckOptions{})
	wantStatus(t, rep, diagnose.StatusFailed)
	if findingOf(rep, diagnose.CodeStateUnavailable) != nil || rep.Revert == nil || rep.Revert.Name != "V3TooLittleReceived()" {
		t.Errorf("findings %v, revert %+v", codesOf(rep), rep.Revert)
	}
}

// TestJudgeInsufficientFunds: geth evicts overdrawn transactions from its
// pool at once, so the rule is checked on facts, as other nodes keep them.
func TestJudgeInsufficientFunds(t *testing.T) {
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	one := hexutil.Big(*big.NewInt(1e18))
	fee := hexutil.Big(*big.NewInt(2e9))
	f := &Facts{
		Tx:          &nodeTx{Value: &one, Gas: 21000, MaxFeePerGas: &fee, MaxPriorityFeePerGas: &fee},
		LatestNonce: simnode.Ptr(uint64(0)),
		Balance:     big.NewInt(5e17),
	}
	f.Chain.Symbol = "ETH"
	rep := &diagnose.Report{}
	e.judgePending(rep, f)
	fd := mustFinding(t, rep, diagnose.CodeInsufficientFunds)
	if fd.Data["balance"] != "0.5" || fd.Data["needed"] != "1.000042" || fd.Data["short"] != "0.500042" {
		t.Errorf("data = %v", fd.Data)
	}
}
