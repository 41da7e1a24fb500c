package demo

import (
	"context"
	"errors"
	"net"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose"
)

func startDemo(t *testing.T) *Demo {
	t.Helper()
	d, err := Start()
	if err != nil {
		t.Fatalf("start demo: %v", err)
	}
	t.Cleanup(func() { _ = d.Close() })
	return d
}

func noMisses(t *testing.T, d *Demo) {
	t.Helper()
	if m := d.Misses(); len(m) > 0 {
		t.Fatalf("%d requests had no recording (run go generate ./diagnose/demo); first: %s %s", len(m), m[0].Method, m[0].Params)
	}
}

// TestExamples runs every demo transaction through the engine against the
// demo server: each gets the status and findings its recipe expects, and
// the recordings answer every request the current engine makes. A pending
// example asks more once the engine remembers it, so each runs twice, the
// first time in reverse order.
func TestExamples(t *testing.T) {
	d := startDemo(t)
	ctx := context.Background()
	examples := d.Examples()
	if len(examples) == 0 {
		t.Fatal("no examples")
	}
	reversed := slices.Clone(examples)
	slices.Reverse(reversed)
	for pass, list := range [][]Example{reversed, examples} {
		for _, ex := range list {
			rep, err := d.Run(ctx, ex)
			if err != nil {
				t.Fatalf("pass %d, %s: %v", pass+1, ex.ID, err)
			}
			if err := ex.Verify(rep); err != nil {
				t.Errorf("pass %d: %v", pass+1, err)
			}
			if !rep.Demo {
				t.Errorf("%s: report not marked as a demo", ex.ID)
			}
			if ex.Family == "" && rep.Chain != nil && rep.Chain.Name != ChainName {
				t.Errorf("%s: chain %q, want %q", ex.ID, rep.Chain.Name, ChainName)
			}
			if rep.Chain != nil && rep.Chain.ExplorerTxURL != "" {
				t.Errorf("%s: a demo report links to an explorer: %s", ex.ID, rep.Chain.ExplorerTxURL)
			}
			for _, s := range rep.Searched {
				if s.Result == "error" {
					t.Errorf("%s: searched %+v", ex.ID, s)
				}
			}
		}
	}
	noMisses(t, d)
}

// TestExamplesCoverIssue holds the list to what the demo promises: one
// example per status and per important finding.
func TestExamplesCoverIssue(t *testing.T) {
	rec, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	reg, err := Registry("http://127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	statuses := map[diagnose.Status]bool{}
	codes := map[diagnose.Code]bool{}
	reverts := map[string]bool{}
	ids := map[string]bool{}
	for _, ex := range rec.Examples {
		if ids[ex.ID] {
			t.Errorf("duplicate example id %s", ex.ID)
		}
		ids[ex.ID] = true
		statuses[ex.Status] = true
		for _, c := range ex.Findings {
			codes[c] = true
		}
		reverts[ex.Revert] = true
		if ex.LabelEn == "" || ex.LabelZh == "" || ex.Label("zh") == ex.Label("en") {
			t.Errorf("%s: labels en %q zh %q", ex.ID, ex.LabelEn, ex.LabelZh)
		}
		if q, err := diagnose.ParseInput(ex.Input, reg); err != nil || q.Kind != diagnose.KindTxHash {
			t.Errorf("%s: input %q: %v", ex.ID, ex.Input, err)
		}
	}
	for _, s := range diagnose.Statuses() {
		if s != diagnose.StatusUnknown && !statuses[s] {
			t.Errorf("no example with status %s", s)
		}
	}
	for _, c := range []diagnose.Code{diagnose.CodeTokenTransfer, diagnose.CodeReverted, diagnose.CodeOutOfGas,
		diagnose.CodeUnderpriced, diagnose.CodeNonceGap, diagnose.CodeReplaced, diagnose.CodeDropped,
		diagnose.CodeSentToTokenContract, diagnose.CodeWrongChain, diagnose.CodeNotFound} {
		if !codes[c] {
			t.Errorf("no example with finding %s", c)
		}
	}
	for _, r := range []string{"Error(string)", "Panic(uint256)", "V3TooLittleReceived()"} {
		if !reverts[r] {
			t.Errorf("no example whose revert is %s", r)
		}
	}
}

// TestExamplesCoverFamilies: the TRON and Bitcoin examples show every
// screen those families have, each pasted as an explorer link that names
// its family and network, and the demo lists them after the demo chain's.
func TestExamplesCoverFamilies(t *testing.T) {
	rest, err := LoadREST()
	if err != nil {
		t.Fatal(err)
	}
	reg, err := Registry("http://127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	type shown struct {
		family diagnose.Family
		status diagnose.Status
		code   diagnose.Code
	}
	seen := map[shown]bool{}
	for _, ex := range rest.Examples {
		if ex.LabelEn == "" || ex.LabelZh == "" || ex.LabelZh == ex.LabelEn {
			t.Errorf("%s: labels en %q zh %q", ex.ID, ex.LabelEn, ex.LabelZh)
		}
		q, err := diagnose.ParseInput(ex.Input, reg)
		link := err == nil && q.Family == ex.Family && q.Network != "" && !q.NeedsConfirm
		// btcd's regtest transactions have no explorer: a bare txid, which
		// the user confirms is a transaction ID.
		bare := err == nil && rest.world(ex.World).API == APICore && q.Family == "" && q.NeedsConfirm
		if err != nil || q.Kind != diagnose.KindTxHash || !link && !bare {
			t.Errorf("%s: input %q parses to %+v, %v", ex.ID, ex.Input, q, err)
		}
		seen[shown{ex.Family, ex.Status, ""}] = true
		for _, c := range ex.Findings {
			seen[shown{ex.Family, ex.Status, c}] = true
		}
	}
	tr, btc := diagnose.FamilyTron, diagnose.FamilyBitcoin
	for _, want := range []shown{
		{tr, diagnose.StatusSuccess, diagnose.CodeTokenTransfer},
		{tr, diagnose.StatusFailed, diagnose.CodeOutOfEnergy},
		{tr, diagnose.StatusFailed, diagnose.CodeReverted},
		{tr, diagnose.StatusFailed, diagnose.CodeBlacklisted},
		{tr, diagnose.StatusSuccess, diagnose.CodeAccountActivation},
		{tr, diagnose.StatusDropped, diagnose.CodeExpired},
		{tr, diagnose.StatusNotFound, diagnose.CodeNotFound},
		{btc, diagnose.StatusSuccess, ""},
		{btc, diagnose.StatusPending, diagnose.CodeUnderpriced},
		{btc, diagnose.StatusPending, diagnose.CodeCPFPAvailable},
		{btc, diagnose.StatusReplaced, diagnose.CodeReplaced},
		{btc, diagnose.StatusPending, diagnose.CodeUnconfirmedParent},
		{btc, diagnose.StatusPending, diagnose.CodeRBFAvailable},
		{btc, diagnose.StatusNotFound, diagnose.CodeNotFound},
	} {
		if !seen[want] {
			t.Errorf("no %s example with status %s and finding %q", want.family, want.status, want.code)
		}
	}
	d := startDemo(t)
	all := d.Examples()
	if n := len(all) - len(rest.Examples); n <= 0 || all[n].ID != rest.Examples[0].ID {
		t.Errorf("examples = %d, the TRON and Bitcoin ones do not follow the demo chain's", len(all))
	}
}

// TestUnknownTxidOfAFamilyIsAMiss: a TRON or Bitcoin txid the recordings
// never saw gives no verdict, and the REST requests it made are misses.
func TestUnknownTxidOfAFamilyIsAMiss(t *testing.T) {
	d := startDemo(t)
	for _, input := range []string{
		"https://tronscan.org/#/transaction/" + strings.Repeat("cd", 32),
		"https://mempool.space/tx/" + strings.Repeat("cd", 32),
	} {
		q, err := diagnose.ParseInput(input, d.Registry())
		if err != nil {
			t.Fatal(err)
		}
		before := len(d.Misses())
		rep, err := d.Check(context.Background(), q, diagnose.CheckOptions{})
		var notRecorded *NotRecordedError
		if !errors.As(err, &notRecorded) || rep != nil {
			t.Fatalf("%s: report %+v, err %v: want *NotRecordedError", input, rep, err)
		}
		if len(d.Misses()) == before || !strings.Contains(notRecorded.Misses[0].Method+notRecorded.Misses[0].Params, "cdcd") {
			t.Errorf("%s: misses %+v", input, notRecorded.Misses)
		}
	}
	q, err := diagnose.ParseInput("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", d.Registry())
	if err != nil {
		t.Fatal(err)
	}
	acc, err := d.AccountOf(context.Background(), q)
	var notRecorded *NotRecordedError
	if !errors.As(err, &notRecorded) || acc != nil {
		t.Errorf("TRON account: %+v, %v: want *NotRecordedError", acc, err)
	}
}

// TestUnknownHashIsAMiss: a hash the recordings never saw is not "not
// found" on the demo's word: the check gives no verdict, says why, and the
// request is a recorded miss. So is an address the recordings never saw.
func TestUnknownHashIsAMiss(t *testing.T) {
	d := startDemo(t)
	ctx := context.Background()
	hash := crypto.Keccak256Hash([]byte("not in the recordings"))
	rep, err := d.Check(ctx, diagnose.Query{Kind: diagnose.KindTxHash, Ref: hash.Hex(), Raw: hash.Hex()}, diagnose.CheckOptions{})
	var notRecorded *NotRecordedError
	if !errors.As(err, &notRecorded) || rep != nil {
		t.Fatalf("report %+v, err %v: want no report and *NotRecordedError", rep, err)
	}
	if !strings.Contains(err.Error(), "unstuck check") {
		t.Errorf("error does not say what to do: %v", err)
	}
	if !slices.ContainsFunc(notRecorded.Misses, func(m Miss) bool {
		return m.Method == "eth_getTransactionByHash" && strings.Contains(m.Params, strings.ToLower(hash.Hex()))
	}) {
		t.Errorf("misses = %+v, want eth_getTransactionByHash of %s", notRecorded.Misses, hash.Hex())
	}
	if len(d.Misses()) != len(notRecorded.Misses) {
		t.Errorf("server misses %d, error names %d", len(d.Misses()), len(notRecorded.Misses))
	}
	acc, err := d.AccountOf(ctx, addressQuery(t, "0x000000000000000000000000000000000000dEaD"))
	if !errors.As(err, &notRecorded) || acc != nil {
		t.Fatalf("account %+v, err %v: want *NotRecordedError", acc, err)
	}
}

func TestListensOnLoopbackOnly(t *testing.T) {
	d := startDemo(t)
	host, _, err := net.SplitHostPort(d.srv.Addr)
	if err != nil || host != "127.0.0.1" || !strings.HasPrefix(d.URL(), "http://127.0.0.1:") {
		t.Fatalf("demo listens on %s (%s)", d.srv.Addr, d.URL())
	}
	// The engine's client reaches the demo server and nothing else.
	for _, url := range []string{"http://192.0.2.1:80/", "http://localhost:1/", "https://bscscan.com/"} {
		resp, err := LoopbackOnly(d.srv.Addr).Get(url)
		if err == nil {
			resp.Body.Close()
			t.Errorf("%s: reached", url)
		} else if !strings.Contains(err.Error(), "never leaves this computer") {
			t.Errorf("%s: %v", url, err)
		}
	}
	if _, err := d.Endpoint(context.Background(), "https://rpc.example.org", 0); err == nil {
		t.Error("the demo checked an outside endpoint")
	}
}

// TestAccountAndEndpoint: the TUI's other checks work on the demo chain.
func TestAccountAndEndpoint(t *testing.T) {
	d := startDemo(t)
	ctx := context.Background()
	rep, err := d.Run(ctx, d.Examples()[0])
	if err != nil || rep.Tx == nil {
		t.Fatalf("first example: %v %+v", err, rep)
	}
	acc, err := d.AccountOf(ctx, addressQuery(t, rep.Tx.From))
	if err != nil || len(acc.Chains) != 1 || acc.Chains[0].ChainID != ChainID || acc.Chains[0].LatestNonce == 0 {
		t.Fatalf("account: %v %+v", err, acc)
	}
	ep, err := d.Endpoint(ctx, d.URL()+"/", ChainID)
	if err != nil || !ep.OK || ep.ChainID != ChainID {
		t.Fatalf("endpoint: %v %+v", err, ep)
	}
	noMisses(t, d)
}

func TestDemoLabelled(t *testing.T) {
	d := startDemo(t)
	rep, err := d.Run(context.Background(), d.Examples()[0])
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, lang string
		want       []string
	}{
		{name: "english", lang: "en", want: []string{"[DEMO CHAIN]", ChainName}},
		{name: "chinese", lang: "zh", want: []string{"[演示链]", ChainName}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := diagnose.Text(rep, tt.lang)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q:\n%s", w, text)
				}
			}
			if b := Banner(tt.lang); !strings.Contains(b, "DEMO") && !strings.Contains(b, "演示") {
				t.Errorf("banner %q", b)
			}
		})
	}
}

// TestStartRefusesAmbiguousExamples: two examples of one transaction in
// different worlds could not both be answered: the demo does not start.
func TestStartRefusesAmbiguousExamples(t *testing.T) {
	rec, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	rest, err := LoadREST()
	if err != nil {
		t.Fatal(err)
	}
	twin := rest.Examples[0]
	twin.ID += "-twin"
	for _, w := range rest.Worlds {
		if w.API == APITron && w.Name != twin.World {
			twin.World = w.Name
			break
		}
	}
	rest.Examples = append(rest.Examples, twin)
	d, err := StartWith(rec, rest)
	if err == nil {
		d.Close()
	}
	if err == nil || !strings.Contains(err.Error(), "same transaction") {
		t.Fatalf("two worlds for one transaction: %v", err)
	}
	rest.Examples[len(rest.Examples)-1].World = "nowhere"
	d, err = StartWith(rec, rest)
	if err == nil {
		d.Close()
	}
	if err == nil || !strings.Contains(err.Error(), "no world") {
		t.Fatalf("an example in no world: %v", err)
	}
}

// addressQuery is the account query of an EVM address, as the command line
// would parse it.
func addressQuery(t *testing.T, addr string) diagnose.Query {
	t.Helper()
	q, err := diagnose.ParseAddress(common.HexToAddress(addr).Hex())
	if err != nil {
		t.Fatal(err)
	}
	return q
}
