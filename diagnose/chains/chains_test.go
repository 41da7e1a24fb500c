package chains

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// factsOrder is the network table of FACTS.md, in its order.
var factsOrder = []uint64{1, 56, 137, 42161, 10, 8453, 43114, 59144, 324, 534352, 100, 204, 5000, 130, 146, 250}

func TestDefaultOrderAndShape(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	all := r.All()
	var ids []uint64
	for _, c := range all {
		ids = append(ids, c.ID)
	}
	if !slices.Equal(ids[:len(factsOrder)], factsOrder) {
		t.Errorf("order = %v, want FACTS.md order %v first", ids, factsOrder)
	}
	seenID := map[uint64]string{}
	seenName := map[string]string{}
	seenHost := map[string]string{}
	for _, c := range all {
		if prev, ok := seenID[c.ID]; ok {
			t.Errorf("id %d used by %s and %s", c.ID, prev, c.Name)
		}
		seenID[c.ID] = c.Name
		https := 0
		for _, e := range c.Endpoints {
			u, err := url.Parse(e)
			if err == nil && u.Scheme == "https" && u.Host != "" {
				https++
			}
		}
		if https < 2 || https != len(c.Endpoints) {
			t.Errorf("%s: %d of %d endpoints are https URLs, want all and at least 2", c.Name, https, len(c.Endpoints))
		}
		if len(slices.Compact(slices.Sorted(slices.Values(c.Endpoints)))) != len(c.Endpoints) {
			t.Errorf("%s: an endpoint is listed twice", c.Name)
		}
		if !strings.HasPrefix(c.Explorer, "https://") || c.Symbol == "" || len(c.Aliases) == 0 {
			t.Errorf("%s: explorer %q, symbol %q, aliases %v", c.Name, c.Explorer, c.Symbol, c.Aliases)
		}
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			k := normKey(n)
			if prev, ok := seenName[k]; ok && prev != c.Name {
				t.Errorf("name %q used by %s and %s", n, prev, c.Name)
			}
			seenName[k] = c.Name
		}
		for _, h := range c.ExplorerHosts {
			if prev, ok := seenHost[h]; ok {
				t.Errorf("explorer host %q used by %s and %s", h, prev, c.Name)
			}
			seenHost[h] = c.Name
		}
		got, ok := r.ByExplorerHost(strings.TrimPrefix(c.Explorer, "https://"))
		if !ok || got.ID != c.ID {
			t.Errorf("%s: its own explorer host is not recognised", c.Name)
		}
	}
}

func TestRollupFacts(t *testing.T) {
	r := MustDefault()
	tests := []struct {
		id      uint64
		l2      string
		private bool
	}{
		{1, L1, false}, {56, L1, false}, {137, L1, false}, {43114, L1, false}, {100, L1, false},
		{146, L1, false}, {250, L1, false},
		{42161, Arbitrum, true},
		{10, OPStack, true}, {8453, OPStack, true}, {204, OPStack, true}, {5000, OPStack, true}, {130, OPStack, true},
		{324, ZK, false}, {534352, ZK, false}, {59144, ZK, false},
	}
	for _, tt := range tests {
		c, ok := r.ByID(tt.id)
		if !ok {
			t.Errorf("chain %d missing", tt.id)
			continue
		}
		if c.L2 != tt.l2 || c.PrivateMempool != tt.private {
			t.Errorf("%s: l2=%q private=%v, want %q %v", c.Name, c.L2, c.PrivateMempool, tt.l2, tt.private)
		}
	}
}

func TestLookup(t *testing.T) {
	r := MustDefault()
	tests := []struct {
		input string
		want  uint64
	}{
		{"eth", 1}, {"ETH", 1}, {"ethereum", 1}, {"mainnet", 1}, {"erc20", 1}, {"以太坊", 1}, {"1", 1}, {"0x1", 1},
		{"bsc", 56}, {"bnb", 56}, {"binance", 56}, {"BEP20", 56}, {"56", 56}, {"0x38", 56},
		{"BNB Smart Chain", 56}, {"bnb-smart-chain", 56}, {"币安链", 56},
		{"polygon", 137}, {"matic", 137}, {"0x89", 137},
		{"arbitrum", 42161}, {"arb", 42161}, {"Arbitrum One", 42161}, {"0xa4b1", 42161}, {"0XA4B1", 42161},
		{"optimism", 10}, {"op", 10}, {"OP Mainnet", 10},
		{" base ", 8453}, {"avax", 43114}, {"avalanche", 43114}, {"linea", 59144}, {"zksync", 324},
		{"scroll", 534352}, {"gnosis", 100}, {"xdai", 100}, {"opbnb", 204}, {"mantle", 5000},
		{"unichain", 130}, {"sonic", 146}, {"fantom", 250}, {"ftm", 250}, {"250", 250},
	}
	for _, tt := range tests {
		c, err := r.Lookup(tt.input)
		if err != nil || c.ID != tt.want {
			t.Errorf("Lookup(%q) = %d, %v; want %d", tt.input, c.ID, err, tt.want)
		}
	}
}

func TestLookupErrors(t *testing.T) {
	r := MustDefault()
	secret := "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
	tests := []struct {
		name, input string
		want        []string
		absent      string
	}{
		{name: "typo", input: "polygonn", want: []string{`unknown network "polygonn"`, `did you mean "polygon"?`, "unstuck chains"}},
		{name: "unknown id", input: "1337", want: []string{"chain id 1337", "unstuck chains"}},
		{name: "unknown hex id", input: "0x539", want: []string{"chain id 1337"}},
		{name: "too big", input: "18446744073709551616", want: []string{"whole number"}},
		{name: "zero", input: "0", want: []string{"whole number"}},
		{name: "empty", input: "  ", want: []string{"no network given", "unstuck chains"}},
		{name: "no guess when far", input: "solana", want: []string{`unknown network "solana";`}},
		{name: "secret not echoed", input: secret, want: []string{"unknown network;"}, absent: secret[:16]},
		{name: "phrase not echoed", input: "abandon ability able about above absent", want: []string{"unknown network;"}, absent: "abandon"},
		{name: "control runes not echoed", input: "eth\x1b[31m", want: []string{"unknown network;"}, absent: "\x1b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := r.Lookup(tt.input)
			if err == nil {
				t.Fatal("want an error")
			}
			if !errors.Is(err, ErrUnknownChain) && strings.TrimSpace(tt.input) != "" {
				t.Errorf("error %v does not wrap ErrUnknownChain", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if tt.absent != "" && strings.Contains(err.Error(), tt.absent) {
				t.Errorf("error %q echoes the input", err)
			}
		})
	}
}

func TestByExplorerHost(t *testing.T) {
	r := MustDefault()
	tests := []struct {
		host string
		want uint64 // 0 = not found
	}{
		{"etherscan.io", 1}, {"www.etherscan.io", 1}, {"ETHERSCAN.IO", 1}, {"etherscan.io.", 1}, {"eth.blockscout.com", 1},
		{"bscscan.com", 56}, {"www.bscscan.com", 56}, {"bscscan.com:443", 56},
		{"polygonscan.com", 137}, {"arbiscan.io", 42161}, {"optimistic.etherscan.io", 10},
		{"basescan.org", 8453}, {"www.basescan.org", 8453}, {"snowtrace.io", 43114}, {"lineascan.build", 59144},
		{"explorer.zksync.io", 324}, {"era.zksync.network", 324}, {"scrollscan.com", 534352},
		{"gnosisscan.io", 100}, {"gnosis.blockscout.com", 100}, {"opbnbscan.com", 204}, {"opbnb.bscscan.com", 204},
		{"explorer.mantle.xyz", 5000}, {"mantlescan.xyz", 5000}, {"uniscan.xyz", 130}, {"sonicscan.org", 146},
		{"ftmscan.com", 250}, {"explorer.fantom.network", 250},
		{"evil-bscscan.com", 0}, {"scan.io", 0}, {"", 0}, {"www.", 0},
	}
	for _, tt := range tests {
		c, ok := r.ByExplorerHost(tt.host)
		if (tt.want == 0) == ok || c.ID != tt.want {
			t.Errorf("ByExplorerHost(%q) = %d, %v; want %d", tt.host, c.ID, ok, tt.want)
		}
	}
}

func TestURLsAndName(t *testing.T) {
	r := MustDefault()
	bsc, _ := r.ByID(56)
	if got := bsc.TxURL("0xab"); got != "https://bscscan.com/tx/0xab" {
		t.Errorf("TxURL = %q", got)
	}
	if got := bsc.AddressURL("0xcd"); got != "https://bscscan.com/address/0xcd" {
		t.Errorf("AddressURL = %q", got)
	}
	if got := (Chain{ID: 9}).TxURL("0xab"); got != "" {
		t.Errorf("TxURL without explorer = %q, want empty", got)
	}
	if got := r.Name(1337); got != "chain 1337" {
		t.Errorf("Name(1337) = %q", got)
	}
	if got := r.Name(10); got != "OP Mainnet" {
		t.Errorf("Name(10) = %q", got)
	}
}

func TestWith(t *testing.T) {
	base := MustDefault()
	demo := Chain{ID: 1337, Name: "Demo", Aliases: []string{"demo", "eth"}, Symbol: "ETH",
		Explorer: "http://127.0.0.1:8545/explorer", Endpoints: []string{"http://127.0.0.1:8545"}}
	r := base.With(demo)
	if got, err := r.Lookup("demo"); err != nil || got.ID != 1337 {
		t.Errorf("Lookup(demo) = %d, %v", got.ID, err)
	}
	if got, _ := r.Lookup("eth"); got.ID != 1337 {
		t.Errorf("the added chain's alias should win, got %d", got.ID)
	}
	if got, ok := r.ByExplorerHost("127.0.0.1"); !ok || got.ID != 1337 {
		t.Errorf("ByExplorerHost(127.0.0.1) = %d, %v", got.ID, ok)
	}
	if all := r.All(); len(all) != len(base.All())+1 || all[len(all)-1].ID != 1337 {
		t.Errorf("added chain should come last, got %d chains", len(all))
	}
	if _, ok := base.ByID(1337); ok {
		t.Error("With changed the original registry")
	}
	if got, _ := base.Lookup("eth"); got.ID != 1 {
		t.Error("With changed the original registry's aliases")
	}

	replaced := base.With(Chain{ID: 1, Name: "Local Ethereum", Symbol: "ETH", Endpoints: []string{"http://127.0.0.1:1"}})
	if all := replaced.All(); len(all) != len(base.All()) || all[0].Name != "Local Ethereum" {
		t.Errorf("replacement should keep the position, got %q first of %d", all[0].Name, len(all))
	}
	if _, err := replaced.Lookup("eth"); err == nil {
		t.Error("the replaced chain's aliases should be gone")
	}
}

func TestAllReturnsCopies(t *testing.T) {
	r := MustDefault()
	all := r.All()
	all[0].Endpoints[0] = "https://attacker.example"
	all[0].Name = "changed"
	c, _ := r.ByID(1)
	c.Aliases[0] = "changed"
	again, _ := r.ByID(1)
	if again.Endpoints[0] == "https://attacker.example" || again.Name == "changed" || again.Aliases[0] == "changed" {
		t.Error("callers can change the registry through returned values")
	}
}

func TestParseRejects(t *testing.T) {
	good := `{"id":7,"name":"Seven","aliases":["seven"],"symbol":"SVN","explorer":"https://seven.example","endpoints":["https://a.example","https://b.example"]}`
	tests := []struct {
		name, data, want string
	}{
		{"not json", `[{`, "parse network list"},
		{"empty", `[]`, "empty"},
		{"zero id", `[{"id":0,"name":"x","symbol":"X","explorer":"https://x.example","endpoints":["https://x.example"]}]`, "chain id 0"},
		{"no symbol", `[{"id":3,"name":"x","explorer":"https://x.example","endpoints":["https://x.example"]}]`, "symbol"},
		{"no endpoints", `[{"id":3,"name":"x","symbol":"X","explorer":"https://x.example"}]`, "no endpoints"},
		{"http endpoint", `[{"id":3,"name":"x","symbol":"X","explorer":"https://x.example","endpoints":["http://x.example"]}]`, "not an https URL"},
		{"bad l2", `[{"id":3,"name":"x","symbol":"X","l2":"plasma","explorer":"https://x.example","endpoints":["https://x.example"]}]`, "l2 kind"},
		{"upper alias", `[{"id":3,"name":"x","aliases":["X1"],"symbol":"X","explorer":"https://x.example","endpoints":["https://x.example"]}]`, "lower-case"},
		{"duplicate id", `[` + good + `,` + strings.Replace(good, `"seven"`, `"other"`, 1) + `]`, "id 7"},
		{"duplicate alias", `[` + good + `,` + strings.Replace(good, `"id":7`, `"id":8`, 1) + `]`, "seven"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parse error = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
	if _, err := parse([]byte(`[` + good + `]`)); err != nil {
		t.Errorf("a valid list was refused: %v", err)
	}
}
