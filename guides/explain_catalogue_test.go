package guides

import (
	"strings"
	"testing"
)

// TestCatalogueNodesExist: every generated key leads to a node of the
// embedded guides.
func TestCatalogueNodesExist(t *testing.T) {
	lib := mustLoad(t)
	entries, err := Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 200 {
		t.Fatalf("catalogue has %d entries; regenerate it with go generate ./guides", len(entries))
	}
	for _, e := range entries {
		if _, ok := lib.Node(e.Guide); !ok {
			t.Errorf("catalogue key %q (%s) leads to %q, which is no node", e.Key, e.Source, e.Guide)
		}
		if e.Source == "" || e.Licence == "" {
			t.Errorf("catalogue key %q has no source or licence", e.Key)
		}
	}
}

// TestCatalogueSources: the table holds keys from every source the
// generator reads, in both languages.
func TestCatalogueSources(t *testing.T) {
	entries, err := Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range entries {
		for _, src := range []string{"go-ethereum", "btcd", "bitcoin/bitcoin", "java-tron", "walletconnect", "npm ethers@5",
			"npm ethers@6", "npm viem", "metamask-extension", "tronlink-extension"} {
			if strings.Contains(e.Source, src) {
				count[src]++
			}
		}
		count["lang "+e.Lang]++
	}
	for _, want := range []string{"go-ethereum", "btcd", "bitcoin/bitcoin", "java-tron", "walletconnect", "npm ethers@5",
		"npm ethers@6", "npm viem", "metamask-extension", "tronlink-extension", "lang en", "lang zh", "lang any"} {
		if count[want] == 0 {
			t.Errorf("no catalogue entry from %s", want)
		}
	}
}

func TestParseCatalogueRejectsBrokenLines(t *testing.T) {
	for _, bad := range []string{"a\tb\tc", "g\tword\ten\tk\ts\tl"} {
		if _, err := parseCatalogue(bad); err == nil {
			t.Errorf("parseCatalogue(%q) accepted a broken line", bad)
		}
	}
}
