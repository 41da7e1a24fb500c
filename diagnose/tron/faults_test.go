package tron

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/tronreplay"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// refusal is one way a TRON endpoint refuses, as TRON.md 1.1 records it.
type refusal struct {
	name   string
	status int
	body   string
	fault  noderpc.Fault
}

func refusals() []refusal {
	const frequency = `{"Error": "The key exceeds the frequency limit(30), and the query server is suspended for 30s"}`
	return []refusal{
		{"trongrid 403 ban", http.StatusForbidden, "", noderpc.FaultRateLimited},
		{"trongrid 403 ban with its message", http.StatusForbidden, frequency, noderpc.FaultRateLimited},
		{"frequency limit at HTTP 200", http.StatusOK, frequency, noderpc.FaultRateLimited},
		{"node rate limiter at HTTP 200", http.StatusOK, `{"Error":"class java.lang.IllegalAccessException : lack of computing resources"}`, noderpc.FaultRateLimited},
		{"lite full node", http.StatusOK, "this API is closed because this node is a lite fullnode", noderpc.FaultNoState},
		{"other error object", http.StatusOK, `{"Error": "class org.tron.core.services.http.JsonFormat$ParseException : 1:10: INVALID hex String"}`, noderpc.FaultRPCError},
		{"429", http.StatusTooManyRequests, "", noderpc.FaultRateLimited},
		{"503", http.StatusServiceUnavailable, "", noderpc.FaultServer},
		{"html", http.StatusOK, "<html><body>blocked</body></html>", noderpc.FaultMalformed},
	}
}

// injector is a hand-written fault injector, not a node: it answers every
// request (or only requests to path, proxying the rest to next) with a
// refusal.
func injector(t *testing.T, r refusal, path string, next string) *httptest.Server {
	var proxy *httputil.ReverseProxy
	if next != "" {
		u, err := url.Parse(next)
		if err != nil {
			t.Fatal(err)
		}
		proxy = httputil.NewSingleHostReverseProxy(u)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if path != "" && req.URL.Path != path {
			proxy.ServeHTTP(w, req)
			return
		}
		io.Copy(io.Discard, req.Body)
		w.WriteHeader(r.status)
		io.WriteString(w, r.body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestRefusalsAreEndpointFaults: a refusing endpoint is recorded in
// searched with its fault and never gives a verdict; next to a sound
// endpoint, the sound answer is the verdict.
func TestRefusalsAreEndpointFaults(t *testing.T) {
	rec := recordings(t)
	sc := rec.Scenarios["usdt-success"]
	q := diagnose.Query{Family: diagnose.FamilyTron, Ref: sc.Input}
	for _, r := range refusals() {
		t.Run(r.name, func(t *testing.T) {
			bad := injector(t, r, "", "")
			rep, err := backendFor(t, "tron", bad.URL).Check(context.Background(), q, diagnose.CheckOptions{})
			var na *diagnose.NoAnswerError
			if !errors.As(err, &na) || rep.Status != diagnose.StatusUnknown {
				t.Fatalf("alone: err %v status %s", err, rep.Status)
			}
			if len(rep.Searched) != 1 || rep.Searched[0].Result != "error" || rep.Searched[0].Fault != string(r.fault) {
				t.Errorf("alone: searched %+v, want fault %s", rep.Searched, r.fault)
			}

			good := tronreplay.Start(t, rec, "usdt-success")
			rep, err = backendFor(t, "tron", bad.URL, good.URL).Check(context.Background(), q, diagnose.CheckOptions{})
			if err != nil || rep.Status != diagnose.StatusSuccess {
				t.Fatalf("with a sound endpoint: err %v status %s", err, rep.Status)
			}
			for _, row := range rep.Searched {
				// The refusal races the sound answer: it is either
				// recorded, or cancelled once the sound answer won.
				if row.Endpoint == bad.URL && (row.Result != "error" || (row.Fault != string(r.fault) && row.Fault != string(noderpc.FaultCancelled))) {
					t.Errorf("refusing endpoint's row = %+v", row)
				}
				if row.Endpoint == good.URL && row.Result != "found" {
					t.Errorf("sound endpoint's row = %+v", row)
				}
			}
		})
	}
}

// TestEveryEndpointRefuses: no sound answer is never a verdict about the
// transaction.
func TestEveryEndpointRefuses(t *testing.T) {
	rs := refusals()
	a, b := injector(t, rs[0], "", ""), injector(t, rs[4], "", "")
	rep, err := backendFor(t, "tron", a.URL, b.URL).Check(context.Background(),
		diagnose.Query{Family: diagnose.FamilyTron, Ref: "b69c51db8f9d974e6a38c76852c8ce1adcb682dbacb25ad8ad4f6876121fe9dc"}, diagnose.CheckOptions{})
	var na *diagnose.NoAnswerError
	if !errors.As(err, &na) || len(na.Searched) != 2 {
		t.Fatalf("err = %v", err)
	}
	if rep.Status != diagnose.StatusUnknown || finding(rep, diagnose.CodeRPCDegraded) == nil || finding(rep, diagnose.CodeNotFound) != nil {
		t.Errorf("status %s findings %v", rep.Status, codes(rep.Findings))
	}
}

// TestRoundTwoRefused: round 1 found the failure, round 2's chain
// parameters were refused. The verdict stands; the estimate is left out
// and the report says some details are missing.
func TestRoundTwoRefused(t *testing.T) {
	rec := recordings(t)
	sc := rec.Scenarios["usdt-out-of-energy"]
	replay := tronreplay.Start(t, rec, "usdt-out-of-energy")
	front := injector(t, refusals()[0], pathParams, replay.URL)
	rep, err := backendFor(t, "tron", front.URL).Check(context.Background(),
		diagnose.Query{Family: diagnose.FamilyTron, Ref: sc.Input}, diagnose.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f := finding(rep, diagnose.CodeOutOfEnergy)
	if rep.Status != diagnose.StatusFailed || f == nil || f.Data["variant"] != "no_estimate" || finding(rep, diagnose.CodeRPCDegraded) == nil {
		t.Errorf("status %s findings %+v", rep.Status, rep.Findings)
	}
}

// TestAbsentWhereAskedUnknownElsewhere: Nile's node says "not found" but
// every mainnet node refused. That is no verdict (the transfer may well be
// on mainnet) unless the user said it was on Nile.
func TestAbsentWhereAskedUnknownElsewhere(t *testing.T) {
	rec := recordings(t)
	sc := rec.Scenarios["nile-tx-on-mainnet"] // every answer is {}: served here as Nile's
	nile := tronreplay.Start(t, rec, "nile-tx-on-mainnet")
	bad := injector(t, refusals()[0], "", "")
	tn, _ := NetworkByKey("tron")
	nn, _ := NetworkByKey("nile")
	tn.Endpoints, nn.Endpoints = []string{bad.URL}, []string{nile.URL}
	be, err := New(Config{Networks: []Network{tn, nn}})
	if err != nil {
		t.Fatal(err)
	}
	q := diagnose.Query{Family: diagnose.FamilyTron, Ref: sc.Input}
	rep, err := be.Check(context.Background(), q, diagnose.CheckOptions{})
	if err != nil || rep.Status != diagnose.StatusUnknown || finding(rep, diagnose.CodeRPCDegraded) == nil {
		t.Errorf("unnamed: err %v status %s findings %v", err, rep.Status, codes(rep.Findings))
	}
	rep, err = be.Check(context.Background(), q, diagnose.CheckOptions{Network: "nile"})
	if err != nil || rep.Status != diagnose.StatusNotFound || finding(rep, diagnose.CodeNotFound) == nil {
		t.Errorf("named nile: err %v status %s findings %v", err, rep.Status, codes(rep.Findings))
	}
}
