package tron

import (
	"context"
	"reflect"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/tronreplay"
)

// TestAccount reads documentation-en's real Nile account (getaccount,
// getaccountresource and a USDT balanceOf, all three real captures).
func TestAccount(t *testing.T) {
	rec := recordings(t)
	sc := rec.Scenarios["nile-account"]
	srv := tronreplay.Start(t, rec, "nile-account", tronreplay.WithRounds(3))
	rep, err := backendFor(t, "nile", srv.URL).Account(context.Background(), diagnose.Query{Family: diagnose.FamilyTron, Ref: "TWAFRfZFmhVQZjxM3De7Mp5UZ9sLqWqpHp"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Tron) != 1 || len(rep.Chains) != 1 {
		t.Fatalf("report %+v", rep)
	}
	a := rep.Tron[0]
	want := diagnose.TronAccount{Network: "nile", Chain: "TRON Nile testnet", Address: "TWAFRfZFmhVQZjxM3De7Mp5UZ9sLqWqpHp",
		Activated: true, Type: "Normal", BalanceSun: 1793227200, Balance: "1793.2272", FreeNetLeft: 159, FreeNetLimit: 600,
		OwnerThreshold: 1, USDTBalance: "1087.36", ExplorerURL: "https://nile.tronscan.org/#/address/TWAFRfZFmhVQZjxM3De7Mp5UZ9sLqWqpHp"}
	got := a
	got.OwnerKeys, got.ActiveKeys = nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("account = %+v\nwant      %+v", got, want)
	}
	if len(a.OwnerKeys) != 1 || a.OwnerKeys[0].Address != a.Address || a.ForeignKey || len(rep.Findings) != 0 {
		t.Errorf("permissions: owner %+v active %+v foreign %v findings %v", a.OwnerKeys, a.ActiveKeys, a.ForeignKey, rep.Findings)
	}
	if rep.Chains[0].ChainID != 3448148188 || rep.Chains[0].BalanceWei != "1793227200" || !rep.Chains[0].Active {
		t.Errorf("chain row %+v", rep.Chains[0])
	}
	if len(srv.Requests()) != len(sc.Answers) {
		t.Errorf("requests %+v", srv.Requests())
	}
}

// TestAccountHijacked: the owner permission is held by another key (built
// from the real Nile account, see recordings.json), so the account report
// flags it.
func TestAccountHijacked(t *testing.T) {
	rec := recordings(t)
	var acct accountAnswer
	answerOf(t, rec, "from-account-hijacked", &acct)
	addr, _ := ParseAddress("TJoaVSdktrnndU4dmKm33SWMKoXt4LLFbU")
	ta := tronAccount(Networks()[0], addr, &accountFacts{account: &acct})
	if !ta.ForeignKey || ta.OwnerKeys[0].Address != "TNBWAv3eDZ3W9c61etU34DEy2X1kx5v6m5" {
		t.Errorf("account %+v", ta)
	}
	if keys, hijacked := foreignKeys(&acct, addr); !hijacked || len(keys) != 1 {
		t.Errorf("foreignKeys = %v %v", keys, hijacked)
	}
}

func TestAccountRefusesBadAddress(t *testing.T) {
	b := backendFor(t, "tron", "http://127.0.0.1:1")
	if _, err := b.Account(context.Background(), diagnose.Query{Ref: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u"}); err == nil {
		t.Error("an address with a bad checksum was looked up")
	}
}
