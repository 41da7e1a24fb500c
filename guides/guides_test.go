package guides

import (
	"slices"
	"strings"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
)

func mustLoad(t testing.TB) *Library {
	t.Helper()
	lib, err := Load()
	if err != nil {
		t.Fatalf("load embedded guides: %v", err)
	}
	return lib
}

func TestLoadTrees(t *testing.T) {
	lib := mustLoad(t)
	var ids []string
	for _, tr := range lib.Trees() {
		ids = append(ids, tr.ID)
		start, ok := lib.Node(tr.Start)
		if !ok || start.Tree != tr.ID {
			t.Errorf("tree %s: start %q not found in the tree", tr.ID, tr.Start)
		}
		for _, n := range tr.Nodes {
			if got, ok := lib.Node(n.ID); !ok || got != n || got.Tree != tr.ID {
				t.Errorf("node %s: global lookup does not give the tree's node", n.ID)
			}
		}
	}
	if want := []string{"transfer", "dapp", "safety", "access", "help", "bitcoin", "tron"}; !slices.Equal(ids, want) {
		t.Fatalf("Trees() = %v, want %v", ids, want)
	}
	if _, ok := lib.Tree("nope"); ok {
		t.Error("Tree(nope) found something")
	}
	if _, ok := lib.Node("nope"); ok {
		t.Error("Node(nope) found something")
	}
}

func TestParseLang(t *testing.T) {
	tests := []struct {
		name, input string
		want        Lang
	}{
		{"bare zh", "zh", Zh},
		{"posix locale", "zh_CN.UTF-8", Zh},
		{"bcp47 script", "zh-Hans", Zh},
		{"upper case", "ZH-cn", Zh},
		{"taiwan still chinese", "zh_TW.UTF-8", Zh},
		{"english", "en_US.UTF-8", En},
		{"empty", "", En},
		{"C locale", "C", En},
		{"not a prefix", "zhx", En},
		{"garbage", "\x00\xff", En},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseLang(tt.input); got != tt.want {
				t.Errorf("ParseLang(%q) = %q, want %q", tt.input, got, tt.want)
			}
		})
	}
}

func TestRoute(t *testing.T) {
	lib := mustLoad(t)
	tests := []struct {
		name     string
		node     string
		status   string
		findings []string
		want     string
		ok       bool
	}{
		{"status only", "tx-check", "pending", nil, "pending-options", true},
		{"finding wins over status", "tx-check", "pending", []string{"underpriced"}, "speed-up", true},
		{"first finding in report order", "tx-check", "pending", []string{"nonce_gap", "underpriced"}, "nonce-gap", true},
		{"unrouted finding falls back to status", "tx-check", "failed", []string{"made_up"}, "failed-revert", true},
		{"success", "tx-check", "success", nil, "success-missing", true},
		{"unknown status", "tx-check", "exploded", nil, "", false},
		{"not a check", "speed-up", "success", nil, "", false},
		{"no such node", "nope", "success", nil, "", false},
		{"explain no match", "explain-check", StatusNoMatch, nil, "explain-no-match", true},
		{"account delegated", "delegation-check", StatusOK, []string{"delegated_account"}, "delegation-7702", true},
		{"endpoint down", "endpoint-check", "unknown", nil, "endpoint-trouble", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := lib.Route(tt.node, tt.status, tt.findings)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Route(%s, %s, %v) = %q, %v; want %q, %v", tt.node, tt.status, tt.findings, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestFill(t *testing.T) {
	n := Node{Kind: KindAnswer, Body: Text{
		En: "Max fee at least {min_max_fee}, tip {min_tip}, on {chain}. {not_a_placeholder} {",
		Zh: "Max fee 至少 {min_max_fee}，小费 {min_tip}，在 {chain} 上。",
	}}
	tests := []struct {
		name string
		lang Lang
		vals map[string]string
		want string
	}{
		{"all values", En, map[string]string{"min_max_fee": "33 gwei", "min_tip": "2.2 gwei", "chain": "Base"},
			"Max fee at least 33 gwei, tip 2.2 gwei, on Base. {not_a_placeholder} {"},
		{"missing values fall back", En, nil,
			"Max fee at least the minimum `unstuck check` shows, tip the minimum `unstuck check` shows, on the network `unstuck check` found it on. {not_a_placeholder} {"},
		{"empty value falls back", En, map[string]string{"min_max_fee": " ", "min_tip": "1", "chain": "Base"},
			"Max fee at least the minimum `unstuck check` shows, tip 1, on Base. {not_a_placeholder} {"},
		{"control characters stripped", En, map[string]string{"min_max_fee": "3\x1b[31m3 gwei", "min_tip": "1", "chain": "B\u0007ase"},
			"Max fee at least 3[31m3 gwei, tip 1, on Base. {not_a_placeholder} {"},
		{"chinese fallback", Zh, map[string]string{"chain": "Arbitrum One"},
			"Max fee 至少 `unstuck check` 给出的最低值，小费 `unstuck check` 给出的最低值，在 Arbitrum One 上。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := n.Fill(tt.lang, tt.vals); got != tt.want {
				t.Errorf("Fill =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestEveryPlaceholderHasFallbacks(t *testing.T) {
	for _, p := range Placeholders() {
		for _, lang := range Langs() {
			got := Expand("{"+p+"}", lang, nil)
			if got == "" || strings.Contains(got, "{") {
				t.Errorf("placeholder %s (%s) has no readable fallback: %q", p, lang, got)
			}
		}
	}
}

// TestDiagnoseContract ties the content to the diagnosis engine: every
// finding code is known here, its GuideFor node exists and is the answer
// marked with that code, and the tx check routes every status.
func TestDiagnoseContract(t *testing.T) {
	lib := mustLoad(t)
	var codes []string
	for _, c := range diagnose.Codes() {
		codes = append(codes, string(c))
	}
	if !slices.Equal(codes, FindingCodes()) {
		t.Errorf("FindingCodes() = %v\ndiagnose.Codes() = %v", FindingCodes(), codes)
	}
	var statuses []string
	for _, s := range diagnose.Statuses() {
		statuses = append(statuses, string(s))
	}
	if !slices.Equal(statuses, TxStatuses()) {
		t.Errorf("TxStatuses() = %v\ndiagnose.Statuses() = %v", TxStatuses(), statuses)
	}
	for _, c := range diagnose.Codes() {
		id := diagnose.GuideFor(c)
		n, ok := lib.Node(id)
		if !ok {
			t.Errorf("GuideFor(%s) = %q: no such node", c, id)
			continue
		}
		if n.Kind != KindAnswer || !n.Finding.Has(string(c)) {
			t.Errorf("GuideFor(%s) = %q: not an answer marked finding: %s", c, id, c)
		}
	}
	txChecks := 0
	for _, tr := range lib.Trees() {
		for _, n := range tr.Nodes {
			if n.Kind != KindCheck || n.Check != CheckTx {
				continue
			}
			txChecks++
			for _, s := range statuses {
				if next, ok := lib.Route(n.ID, s, nil); !ok {
					t.Errorf("tx check %s: no route for status %s", n.ID, s)
				} else if _, ok := lib.Node(next); !ok {
					t.Errorf("tx check %s: status %s goes to missing node %q", n.ID, s, next)
				}
			}
			for _, c := range diagnose.Codes() {
				next, _ := lib.Route(n.ID, "unknown", []string{string(c)})
				if want := diagnose.GuideFor(c); next != want {
					t.Errorf("tx check %s: finding %s goes to %q, GuideFor says %q", n.ID, c, next, want)
				}
			}
		}
	}
	if txChecks == 0 {
		t.Error("no tx check node in the content")
	}
}

func TestEveryAnswerEndsWithOneAction(t *testing.T) {
	lib := mustLoad(t)
	for _, tr := range lib.Trees() {
		for _, n := range tr.Nodes {
			if n.Kind != KindAnswer {
				continue
			}
			for _, lang := range Langs() {
				a := strings.TrimSpace(n.Action.Get(lang))
				if strings.Contains(a, "\n") {
					t.Errorf("%s (%s): the next action must be one line: %q", n.ID, lang, a)
				}
				if !strings.Contains(n.Body.Get(lang), "1. ") && !strings.Contains(n.Body.Get(lang), "- ") {
					t.Errorf("%s (%s): body has no numbered steps", n.ID, lang)
				}
			}
		}
	}
}
