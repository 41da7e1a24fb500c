package tron

import (
	"context"
	"strings"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/tronreplay"
)

// check runs one recorded scenario against one replay endpoint.
func check(t *testing.T, rec *tronreplay.Recordings, name string) *diagnose.Report {
	t.Helper()
	sc := rec.Scenarios[name]
	srv := tronreplay.Start(t, rec, name)
	rep, err := backendFor(t, sc.Network, srv.URL).Check(context.Background(),
		diagnose.Query{Family: diagnose.FamilyTron, Ref: sc.Input}, diagnose.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestFindingNumbers pins the numbers each finding tells the user. The
// numbers come from the recorded receipts (TRON.md B1, B2, B3 and the Nile
// capture A) and today's energy price in the recorded chain parameters.
func TestFindingNumbers(t *testing.T) {
	rec := recordings(t)
	tests := []struct {
		scenario string
		code     diagnose.Code
		want     map[string]string
	}{
		// B2: 78,572 energy burned at 210 sun = 16.50012 TRX; 33,567 were
		// used before the failing SSTORE, which needed 20,000 + 68,000
		// penalty: more than 121,567 energy = 12.1567 TRX at 100 sun now.
		{"usdt-out-of-energy", diagnose.CodeOutOfEnergy, map[string]string{"burned": "16.50012", "energy_used": "78572",
			"energy_limit": "78572", "penalty": "25905", "op": "SSTORE", "energy_needed": "121567", "price_sun": "100",
			"staked_energy": "0", "trx_needed": "12.1567", "net_trx": "0.345", "balance": "1793.2272", "token": "USDT"}},
		{"usdt-fee-limit", diagnose.CodeFeeLimitHit, map[string]string{"fee_limit": "16.50012", "burned": "16.50012",
			"energy_needed": "121567", "fee_limit_needed": "12.1567"}},
		{"usdt-hijacked", diagnose.CodePermissionChanged, map[string]string{"account": "TJoaVSdktrnndU4dmKm33SWMKoXt4LLFbU",
			"keys": "TNBWAv3eDZ3W9c61etU34DEy2X1kx5v6m5"}},
		{"usdt-blacklisted", diagnose.CodeBlacklisted, map[string]string{"address": "TJoaVSdktrnndU4dmKm33SWMKoXt4LLFbU", "fee": "0.345"}},
		{"usdt-revert", diagnose.CodeReverted, map[string]string{"variant": "tron_usdt_not_frozen", "fee": "0.345", "symbol": "TRX"}},
		{"usdt-success", diagnose.CodeTokenTransfer, map[string]string{"amount": "3.5", "symbol": "USDT",
			"token": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "from": "TJoaVSdktrnndU4dmKm33SWMKoXt4LLFbU", "to": "TUikLT3nTTjTkXPAuC4xUGj84vfSERCWRn"}},
		{"usdt-to-usdt-contract", diagnose.CodeSentToTokenContract, map[string]string{"amount": "3.5", "symbol": "USDT", "to": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"}},
		{"usdt-to-contract", diagnose.CodeSentToContract, map[string]string{"to": "TUikLT3nTTjTkXPAuC4xUGj84vfSERCWRn"}},
		{"usdt-to-new", diagnose.CodeAccountActivation, map[string]string{"variant": "token", "to": "TUikLT3nTTjTkXPAuC4xUGj84vfSERCWRn"}},
		{"trx-activation", diagnose.CodeAccountActivation, map[string]string{"variant": "trx", "fee": "1.1", "activation_fee": "1", "create_fee": "0.1"}},
		{"nile-young", diagnose.CodeLowConfirmations, map[string]string{"confirmations": "5", "target": "19"}},
		{"expired", diagnose.CodeExpired, map[string]string{"expired_at": "2026-04-29 04:43:33 UTC", "checked_at": "2026-04-29 06:48:27 UTC"}},
		{"not-found", diagnose.CodeNotFound, map[string]string{"variant": "tron", "chain": "TRON"}},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			rep := check(t, rec, tt.scenario)
			f := finding(rep, tt.code)
			if f == nil {
				t.Fatalf("no %s finding in %v", tt.code, codes(rep.Findings))
			}
			for k, v := range tt.want {
				if f.Data[k] != v {
					t.Errorf("%s = %q, want %q", k, f.Data[k], v)
				}
			}
			if f.Guide != diagnose.GuideFor(tt.code) {
				t.Errorf("guide = %q", f.Guide)
			}
		})
	}
}

// TestTronInfo checks the TRON part of the report against receipt B2 and
// the transfer decoded from receipt B1.
func TestTronInfo(t *testing.T) {
	rec := recordings(t)
	rep := check(t, rec, "usdt-out-of-energy")
	want := diagnose.TronInfo{ContractRet: "OUT_OF_ENERGY", FeeSun: 16500120, EnergyUsed: 78572, EnergyFeeSun: 16500120,
		EnergyPenalty: 25905, NetUsed: 345, FeeLimitSun: 30000000,
		ResMessage: "Not enough energy for 'SSTORE' operation executing: curInvokeEnergyLimit[78572], curOpEnergy[20000], penaltyEnergy[68000], usedEnergy[33567]",
		Solidified: true}
	if rep.Tron == nil || *rep.Tron != want {
		t.Errorf("tron = %+v\nwant   %+v", rep.Tron, want)
	}
	if rep.Receipt == nil || rep.Receipt.Block != 66860010 || rep.Receipt.FeeWei != "16500120" {
		t.Errorf("receipt = %+v", rep.Receipt)
	}
	if rep.Chain.ID != 728126428 || rep.Chain.ExplorerTxURL != "https://tronscan.org/#/transaction/e63a324a43aebfe41273db4f7fdfe325b2257b4f5711595a5fc0f8a75cf1b481" {
		t.Errorf("chain = %+v", rep.Chain)
	}

	rep = check(t, rec, "usdt-success")
	if len(rep.Transfers) != 1 {
		t.Fatalf("transfers = %+v", rep.Transfers)
	}
	tr := rep.Transfers[0]
	if tr.Standard != "trc20" || tr.Symbol != "USDT" || tr.Decimals == nil || *tr.Decimals != 6 || tr.Amount != "3.5" || tr.RawValue != "3500000" {
		t.Errorf("transfer = %+v", tr)
	}
	if rep.Tron.EnergyUsed != 64285 || rep.Tron.EnergyPenalty != 49635 || rep.Tron.NetFeeSun != 345000 || !rep.Tron.Solidified {
		t.Errorf("tron = %+v", rep.Tron)
	}
	if rep.Tx == nil || rep.Tx.From != tr.From || rep.Tx.To != tr.To || rep.Tx.Method != "transfer(address,uint256)" {
		t.Errorf("tx = %+v", rep.Tx)
	}

	rep = check(t, rec, "trx-success")
	if rep.Tron.ContractRet != "SUCCESS" || rep.Tron.NetUsed != 265 || rep.Tx.ValueWei != "1000000" {
		t.Errorf("trx transfer: tron %+v tx %+v", rep.Tron, rep.Tx)
	}
}

// TestLocalizedFindings renders every scenario's findings in Chinese and
// checks no placeholder is left unfilled and the words differ from English.
func TestLocalizedFindings(t *testing.T) {
	rec := recordings(t)
	for _, name := range rec.ScenarioNames() {
		if rec.Scenarios[name].Status == "" {
			continue
		}
		rep := check(t, rec, name)
		en := append([]diagnose.Finding(nil), rep.Findings...)
		diagnose.Localize(rep, "zh")
		for i, f := range rep.Findings {
			if f.Title == en[i].Title || f.Detail == en[i].Detail {
				t.Errorf("%s: %s is not translated: %q", name, f.Code, f.Title)
			}
			for _, s := range []string{f.Title, f.Detail, en[i].Title, en[i].Detail} {
				if strings.ContainsAny(s, "{}") || strings.Contains(s, " ? ") || strings.Contains(s, "（?）") {
					t.Errorf("%s: %s has an unfilled placeholder: %q", name, f.Code, s)
				}
			}
		}
	}
}
