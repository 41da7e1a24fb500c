package chains

import (
	"net/url"
	"strings"
	"testing"
)

// TestRegistryAgainstTheFacts holds the default endpoints to ENDPOINTS.md:
// every endpoint's host has facts with a source; hosts that need a key,
// are discontinued or unreliable are gone; and every chain keeps at least
// three keyless endpoints that take batches of 10 where the facts have
// that many.
func TestRegistryAgainstTheFacts(t *testing.T) {
	r := MustDefault()
	// Chains where the facts know fewer than three hosts taking 10.
	fewer := map[uint64]int{137: 2, 43114: 2, 59144: 2, 324: 1, 534352: 2, 100: 2, 204: 2, 5000: 2, 130: 2, 146: 2}
	for _, c := range r.All() {
		big := 0
		for _, ep := range c.Endpoints {
			u, _ := url.Parse(ep)
			for _, gone := range []string{"polygon-rpc.com", "meowrpc.com", "rpcapi.fantom.network"} {
				if strings.HasSuffix(u.Host, gone) {
					t.Errorf("%s: %s is in the defaults (ENDPOINTS.md: needs a key, unreliable or unknown)", c.Name, ep)
				}
			}
			if u.Host == "1rpc.io" || ep == "https://public.1rpc.io/matic" {
				t.Errorf("%s: %s (1rpc.io moved to public.1rpc.io; /matic is discontinued)", c.Name, ep)
			}
			h, ok := r.Host(ep)
			if !ok {
				t.Errorf("%s: no host facts for %s", c.Name, ep)
				continue
			}
			if h.BatchCap >= 10 {
				big++
			}
		}
		want := 3
		if n, ok := fewer[c.ID]; ok {
			want = n
		}
		if big < want {
			t.Errorf("%s: %d endpoints take batches of 10, want ≥ %d", c.Name, big, want)
		}
		if first, _ := r.Host(c.Endpoints[0]); first.BatchCap < 10 {
			t.Errorf("%s: the first endpoint %s takes only %d calls", c.Name, c.Endpoints[0], first.BatchCap)
		}
	}
}

func TestHostFacts(t *testing.T) {
	r := MustDefault()
	tests := []struct {
		endpoint string
		cap      int
		archive  Archive
	}{
		{"https://eth.drpc.org", 3, ArchiveUnknown},
		{"https://public.1rpc.io/eth", 3, ArchiveLimited},
		{"https://mainnet.base.org", 10, ArchiveFull},
		{"https://ethereum-rpc.publicnode.com", 100, ArchiveLimited},
		{"https://base-rpc.publicnode.com", 1000, ArchiveLimited},
		{"https://ETH.MEOWRPC.COM/", 1, ArchiveUnknown},
		{"https://eth.api.pocket.network", 1000, ArchiveFull},
	}
	for _, tt := range tests {
		h, ok := r.Host(tt.endpoint)
		if !ok || h.BatchCap != tt.cap || h.Archive != tt.archive || r.BatchCap(tt.endpoint) != tt.cap {
			t.Errorf("%s: %+v %v, want cap %d archive %s", tt.endpoint, h, ok, tt.cap, tt.archive)
		}
	}
	for _, unknown := range []string{"https://my-node.example/rpc", "http://127.0.0.1:8545", "https://drpc.org.evil.example", "::"} {
		if _, ok := r.Host(unknown); ok || r.BatchCap(unknown) != DefaultBatchCap {
			t.Errorf("%s is known", unknown)
		}
	}
	if s, known := r.ServesState("https://ethereum-rpc.publicnode.com", 999); !s || !known {
		t.Error("publicnode ethereum: 999 blocks back should be served")
	}
	if s, known := r.ServesState("https://ethereum-rpc.publicnode.com", 5000); s || !known {
		t.Error("publicnode ethereum: 5000 blocks back should be refused")
	}
	if _, known := r.ServesState("https://eth.drpc.org", 5000); known {
		t.Error("drpc archive is unknown")
	}
	if !r.IsPublicHost("eth.drpc.org") || r.IsPublicHost("my-node.example") {
		t.Error("IsPublicHost")
	}
	loop := r.WithHost(HostFacts{Host: "127.0.0.1:9", BatchCap: 3, CapSource: "test", Archive: ArchiveUnknown, ArchiveSource: "test"})
	if loop.BatchCap("http://127.0.0.1:9/") != 3 || r.BatchCap("http://127.0.0.1:9/") != DefaultBatchCap {
		t.Error("WithHost")
	}
}

func TestParseHostsRefusesUnsourcedFacts(t *testing.T) {
	for _, bad := range []string{
		`[{"host":"a.example","batch_cap":3,"cap_source":"","archive":"full","archive_source":"x"}]`,
		`[{"host":"a.example","batch_cap":0,"cap_source":"x","archive":"full","archive_source":"x"}]`,
		`[{"host":"a.example","batch_cap":3,"cap_source":"x","archive":"maybe","archive_source":"x"}]`,
		`[{"host":"A.example","batch_cap":3,"cap_source":"x","archive":"full","archive_source":"x"}]`,
		`{`,
	} {
		if _, err := parseHosts([]byte(bad)); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}
