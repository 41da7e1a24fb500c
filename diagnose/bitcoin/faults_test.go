package bitcoin

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/btcdnode"
	"github.com/unstuck-dev/unstuck/diagnose/internal/esplorareplay"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// Fault injectors: servers that answer with the faults a real endpoint
// gives on bad days, never with node data.
func faultServer(t *testing.T, h http.HandlerFunc) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

const confirmedTxid = "15e10745f15593a899cef391191bdd3d7c12412cc4696b7bcb669d0feadc8521"

func TestFallsBackToTheNextEndpoint(t *testing.T) {
	limited := faultServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	replay := esplorareplay.Start(t, "mempool-confirmed")
	var mu sync.Mutex
	var states []string
	b := New(Config{Esplora: []string{limited, replay.URL}, MempoolExtensions: []string{replay.URL}})
	rep, err := b.Check(context.Background(), diagnose.Query{Raw: confirmedTxid}, diagnose.CheckOptions{Progress: func(p diagnose.Progress) {
		mu.Lock()
		states = append(states, p.State)
		mu.Unlock()
	}})
	if err != nil || rep.Status != diagnose.StatusSuccess {
		t.Fatalf("status %s, %v", rep.Status, err)
	}
	if len(rep.Searched) != 2 || rep.Searched[0].Fault != string(noderpc.FaultRateLimited) || rep.Searched[1].Result != "found" {
		t.Errorf("searched = %+v", rep.Searched)
	}
	if strings.Join(states, ",") != "searching,error,searching,found" {
		t.Errorf("progress = %v", states)
	}
}

func TestNoEndpointAnswers(t *testing.T) {
	broken := faultServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusBadGateway) })
	html := faultServer(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<html>blocked</html>")) })
	b := New(Config{Esplora: []string{broken, html}})
	rep, err := b.Check(context.Background(), diagnose.Query{Raw: confirmedTxid}, diagnose.CheckOptions{})
	var na *diagnose.NoAnswerError
	if !errors.As(err, &na) || rep.Status != diagnose.StatusUnknown || len(rep.Findings) != 0 {
		t.Fatalf("err %v, status %s, findings %+v", err, rep.Status, rep.Findings)
	}
	if rep.Searched[0].Fault != string(noderpc.FaultServer) || rep.Searched[1].Fault != string(noderpc.FaultMalformed) {
		t.Errorf("searched = %+v", rep.Searched)
	}
}

// A base URL that answers 404 to everything (a wrong path) is a fault,
// never "not found".
func TestWrongBaseIsNotAVerdict(t *testing.T) {
	wrong := faultServer(t, func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	rep, err := New(Config{Esplora: []string{wrong}}).Check(context.Background(), diagnose.Query{Raw: confirmedTxid}, diagnose.CheckOptions{})
	if err == nil || rep.Status != diagnose.StatusUnknown {
		t.Fatalf("status %s, %v", rep.Status, err)
	}
}

// An answer about another transaction (a recorded answer served for the
// wrong txid) is malformed, not a verdict.
func TestAnswerAboutAnotherTx(t *testing.T) {
	sc, err := esplorareplay.Lookup("mempool-confirmed")
	if err != nil {
		t.Fatal(err)
	}
	other := faultServer(t, func(w http.ResponseWriter, r *http.Request) {
		for _, e := range sc.Exchanges {
			if strings.HasPrefix(e.Path, "/tx/") == strings.HasPrefix(r.URL.Path, "/tx/") && (e.Path == r.URL.Path || strings.HasPrefix(e.Path, "/tx/")) {
				body, _ := e.Body()
				w.Write(body)
				return
			}
		}
		w.Write([]byte(`{"2": 10}`))
	})
	rep, err := New(Config{Esplora: []string{other}}).Check(context.Background(), diagnose.Query{Raw: strings.Repeat("ab", 32)}, diagnose.CheckOptions{})
	if err == nil || rep.Searched[0].Fault != string(noderpc.FaultMalformed) {
		t.Fatalf("err %v, searched %+v", err, rep.Searched)
	}
}

// Real btcd refusing wrong credentials: an endpoint fault, and the
// password never printed.
func TestCoreWrongCredentials(t *testing.T) {
	n := btcdnode.Start(t)
	u := strings.Replace(n.URL(), "regtest-only", "wrong-password", 1)
	rep, err := New(Config{RPC: []string{u}}).Check(context.Background(), diagnose.Query{Raw: confirmedTxid}, diagnose.CheckOptions{})
	if err == nil || rep.Searched[0].Result != "error" {
		t.Fatalf("err %v, searched %+v", err, rep.Searched)
	}
	if strings.Contains(rep.Searched[0].Endpoint+rep.Searched[0].Error, "wrong-password") {
		t.Errorf("password printed: %+v", rep.Searched[0])
	}
}

func TestInputRefused(t *testing.T) {
	b := New(Config{Esplora: []string{"http://127.0.0.1:1"}})
	if _, err := b.Check(context.Background(), diagnose.Query{Raw: "0x" + confirmedTxid}, diagnose.CheckOptions{}); err == nil {
		t.Error("a 0x hash was sent to a Bitcoin endpoint")
	}
	if _, err := b.Check(context.Background(), diagnose.Query{Raw: confirmedTxid}, diagnose.CheckOptions{Network: "testnet"}); err == nil {
		t.Error("an unsupported network was accepted")
	}
	if _, err := b.Account(context.Background(), diagnose.Query{Raw: "bc1qnotanaddress"}); err == nil {
		t.Error("an invalid address was looked up")
	}
}

// A node without a transaction index cannot look up a confirmed
// transaction: that is the endpoint's limit, never "not found".
func TestCoreWithoutTxIndex(t *testing.T) {
	n := btcdnode.StartWithoutTxIndex(t)
	id := n.MustSend(n.Pay(n.NextCoin(), n.Wallet.Script(), 220, btcdnode.SeqRBF))
	b := New(Config{RPC: []string{n.URL()}})
	if rep := checkTx(t, b, id); rep.Status != diagnose.StatusPending {
		t.Fatalf("a mempool tx without txindex: %s", rep.Status)
	}
	n.Generate(1)
	rep, err := b.Check(context.Background(), diagnose.Query{Raw: id}, diagnose.CheckOptions{})
	if err == nil || rep.Status != diagnose.StatusUnknown || rep.Searched[0].Fault != string(noderpc.FaultNoState) {
		t.Fatalf("err %v, status %s, searched %+v", err, rep.Status, rep.Searched)
	}
}

// On an Esplora without mempool.space's extensions, a parent that cannot
// be asked (the fault injector answers 502 for it; everything else is
// recorded) leaves the verdict standing and says what is missing.
func TestEsploraParentUnavailable(t *testing.T) {
	sc, err := esplorareplay.Lookup("blockstream-pending")
	if err != nil {
		t.Fatal(err)
	}
	const parent = "/tx/b4b324e3bff7ee0a7e664e8c03df1fe3a0bd53e5685ea6b10abb5f89ba1b2ead"
	replay := esplorareplay.Handler(sc, func(m, p string) { t.Errorf("unrecorded request %s %s", m, p) })
	url := faultServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == parent {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		replay.ServeHTTP(w, r)
	})
	rep, err := New(Config{Esplora: []string{url}}).Check(context.Background(), diagnose.Query{Raw: "6229c0784bc776be22a5ee84e0e3d9b8f9e17843f079a8444b03bdc98b77d229"}, diagnose.CheckOptions{})
	if err != nil || rep.Status != diagnose.StatusPending {
		t.Fatalf("status %s, %v", rep.Status, err)
	}
	// ceil(87.882 × (226 + 192)) − 1185.
	if rep.Bitcoin.NextBlockFeeRateSatVB != 87.88 || rep.Bitcoin.CPFPChildFeeSat != 35550 {
		t.Errorf("bitcoin = %+v", rep.Bitcoin)
	}
	if v := findingVariants(rep); !strings.Contains(v, "bitcoin_parents_unchecked") || !strings.Contains(v, "bitcoin_floor_assumed") {
		t.Errorf("notes = %s", v)
	}
	if f := finding(t, rep, diagnose.CodeCPFPAvailable); f.Data["ancestors"] != "unknown" {
		t.Errorf("cpfp does not say the ancestors are unknown: %v", f.Data)
	}
	noFinding(t, rep, diagnose.CodeUnconfirmedParent)
}
