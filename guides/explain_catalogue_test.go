package guides

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// nodesAwaitingMerge lists the TRON and Bitcoin node ids the generated
// catalogue routes to while their nodes are written on other branches
// (guides/data/tron.yaml, guides/data/bitcoin.yaml). EMPTY THIS LIST AT
// MERGE (= ""): TestCatalogueNodesExist then demands that every one exists,
// and the corpus runs on the real nodes.
const nodesAwaitingMerge = "tron-energy tron-fee-limit tron-activation tron-expired tron-multisig-scam " +
	"tron-frozen-usdt tron-not-found tron-bandwidth " +
	"btc-rbf btc-cpfp btc-wait btc-dropped btc-min-relay btc-unconfirmed-parent btc-dust"

func awaitingMerge() map[string]bool {
	m := map[string]bool{}
	for _, id := range strings.Fields(nodesAwaitingMerge) {
		m[id] = true
	}
	return m
}

// TestCatalogueNodesExist: every generated key leads to a node of the
// embedded guides, except the ids still awaiting their branch; and an id
// stays on that list only while its node is missing.
func TestCatalogueNodesExist(t *testing.T) {
	lib := mustLoad(t)
	entries, err := Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 200 {
		t.Fatalf("catalogue has %d entries; regenerate it with go generate ./guides", len(entries))
	}
	waiting := awaitingMerge()
	for _, e := range entries {
		if _, ok := lib.Node(e.Guide); !ok && !waiting[e.Guide] {
			t.Errorf("catalogue key %q (%s) leads to %q, which is no node", e.Key, e.Source, e.Guide)
		}
		if e.Source == "" || e.Licence == "" {
			t.Errorf("catalogue key %q has no source or licence", e.Key)
		}
	}
	for id := range waiting {
		if _, ok := lib.Node(id); ok {
			t.Errorf("node %q exists now: remove it from nodesAwaitingMerge", id)
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

// libraryWithAwaitingNodes loads the embedded guides plus a bare answer
// node for each id still awaiting its branch, so the catalogue's TRON and
// Bitcoin routes can be measured before the merge.
func libraryWithAwaitingNodes(t testing.TB) *Library {
	t.Helper()
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{}
	names, _ := fs.Glob(sub, "*.yaml")
	for _, n := range names {
		data, err := fs.ReadFile(sub, n)
		if err != nil {
			t.Fatal(err)
		}
		files[n] = &fstest.MapFile{Data: data}
	}
	ids := strings.Fields(nodesAwaitingMerge)
	if len(ids) > 0 {
		var b strings.Builder
		b.WriteString("id: awaiting-merge\ntitle: {en: \"Awaiting merge\", zh: \"等待合并\"}\nsummary: {en: \"Test nodes\", zh: \"测试节点\"}\n")
		b.WriteString("start: awaiting-start\nnodes:\n  - id: awaiting-start\n    kind: question\n    text: {en: \"Which one\", zh: \"哪一个\"}\n    options:\n")
		for _, id := range ids {
			fmt.Fprintf(&b, "      - {label: {en: %q, zh: %q}, next: %q}\n", id, "节点 "+id, id)
		}
		for _, id := range ids {
			fmt.Fprintf(&b, "  - id: %q\n    kind: answer\n    title: {en: %q, zh: %q}\n    body: {en: \"Test node.\", zh: \"测试节点。\"}\n    action: {en: \"Wait for the merge.\", zh: \"等待合并。\"}\n", id, id, "节点 "+id)
		}
		files["awaiting-merge.yaml"] = &fstest.MapFile{Data: []byte(b.String())}
	}
	lib, problems := build(files, FindingCodes())
	if len(problems) > 0 {
		t.Fatalf("guides with awaiting nodes: %v", problems)
	}
	return lib
}
