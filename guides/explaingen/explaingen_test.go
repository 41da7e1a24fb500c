package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestKeysOf(t *testing.T) {
	tests := []struct {
		template string
		want     []string
	}{
		{"nonce too low", []string{"nonce too low"}},
		{"transaction %v has %d fees which is under the required amount of %d", []string{"fees which is under the required amount of"}},
		{"rejecting replacement %s, less fees than conflicting txs; %s < %s", []string{"rejecting replacement", "less fees than conflicting txs"}},
		{"Socket stalled when trying to connect to ${this.relayUrl}", []string{"Socket stalled when trying to connect to"}},
		{"交易已在 $2 失败。", nil},
		{"我们无法连接到 $1", []string{"我们无法连接到"}},
		{"Transaction dropped at $2.", []string{"Transaction dropped at"}},
	}
	for _, tt := range tests {
		if got := keysOf(tt.template); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("keysOf(%q) = %q, want %q", tt.template, got, tt.want)
		}
	}
}

func TestWriteRejectsTabs(t *testing.T) {
	var b bytes.Buffer
	if err := write(&b, []Entry{{Guide: "g", Kind: "phrase", Lang: "en", Key: "a\tb", Source: "s", Licence: "l"}}); err == nil {
		t.Fatal("a key with a tab was written")
	}
}

// TestExcerpts reads the committed verbatim excerpts with the real routes:
// every route must find its text, every excerpted MetaMask id a route.
func TestExcerpts(t *testing.T) {
	if es, err := bitcoinCoreEntries("excerpts/bitcoin-core.txt", bitcoinCoreReasons(), bitcoinCoreRPC()); err != nil || len(es) < 15 {
		t.Errorf("Bitcoin Core excerpt: %d entries, %v", len(es), err)
	}
	if es, err := javaTronEntries("excerpts/java-tron.txt", javaTronRoutes()); err != nil || len(es) != len(javaTronRoutes()) {
		t.Errorf("java-tron excerpt: %d entries, %v", len(es), err)
	}
	for path, routes := range map[string]map[string]string{"excerpts/metamask.json": metaMaskRoutes(), "excerpts/tronlink.json": tronLinkRoutes()} {
		es, err := localeEntries(path, routes)
		if err != nil {
			t.Fatal(err)
		}
		langs := map[string]int{}
		for _, e := range es {
			langs[e.Lang]++
		}
		if langs["en"] == 0 || langs["zh"] == 0 {
			t.Errorf("%s entries by language: %v", path, langs)
		}
	}
}

func TestExcerptRouteMissing(t *testing.T) {
	routes := bitcoinCoreReasons()
	routes["no such reason"] = "btc-wait"
	if _, err := bitcoinCoreEntries("excerpts/bitcoin-core.txt", routes, bitcoinCoreRPC()); err == nil || !strings.Contains(err.Error(), "no such reason") {
		t.Fatalf("a route to a missing reason was not reported: %v", err)
	}
}

func TestTronNames(t *testing.T) {
	doc := "x `code` is one of:\n`SUCCESS, SIGERROR,\nBANDWITH_ERROR (sic), OTHER_ERROR`. `result:true` y\n\nnext"
	names, err := tronNames(doc, "`code` is one of:")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"SUCCESS", "SIGERROR", "BANDWITH_ERROR", "OTHER_ERROR"}; !reflect.DeepEqual(names, want) {
		t.Errorf("names = %v, want %v", names, want)
	}
}

func TestGoModule(t *testing.T) {
	dir := t.TempDir()
	mod := filepath.Join(dir, "example.com", "!mod@v1.0.0", "pkg")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	src := "package pkg\n\nimport (\"errors\"; \"fmt\")\n\nvar ErrA = errors.New(\"thing too low\")\n\nfunc f(n int) error { return fmt.Errorf(\"value %d is \"+\"far too high for this\", n) }\n"
	if err := os.WriteFile(filepath.Join(mod, "e.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	es, err := goModule(dir, "example.com/Mod", "v1.0.0", "MIT", []goRoute{
		{file: "pkg/e.go", name: "ErrA", guide: "a"},
		{file: "pkg/e.go", text: "far too high", guide: "b"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, e := range es {
		keys = append(keys, e.Guide+":"+e.Key)
	}
	if want := []string{"a:thing too low", "b:is far too high for this"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("entries %v, want %v", keys, want)
	}
	if _, err := goModule(dir, "example.com/Mod", "v1.0.0", "MIT", []goRoute{{file: "pkg/e.go", name: "ErrGone", guide: "a"}}); err == nil {
		t.Error("a route to a missing variable was not reported")
	}
}

func TestNpmSources(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pkg-1.0.0.tgz")
	files := map[string]string{
		"package/package.json":  `{"name": "pkg", "version": "1.0.0"}`,
		"package/dist/index.js": `x={USER_REJECTED:{message:"User rejected.",code:5e3},EXPIRED:{message:"Expired.",code:6}};makeError("nonce has already been used", "NONCE_EXPIRED")`,
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body))}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	tw.Close()
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	found, err := findTarball(dir, "pkg-")
	if err != nil {
		t.Fatal(err)
	}
	tb, err := readTarball(found, "dist/index.js")
	if err != nil {
		t.Fatal(err)
	}
	wc, err := walletConnectErrors(tb, "dist/index.js", "L", map[string]string{"USER_REJECTED": "user-rejected", "EXPIRED": "wc-request-expired"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range wc {
		got = append(got, e.Kind+":"+e.Key)
	}
	// The small code 6 is left out; 5e3 is read as 5000.
	if want := []string{"phrase:User rejected", "code:5000", "phrase:Expired"}; !reflect.DeepEqual(got, want) {
		t.Errorf("WalletConnect entries %v, want %v", got, want)
	}
	eth, err := ethersErrors(tb, []string{"dist/index.js"}, "MIT", map[string]string{"NONCE_EXPIRED": "nonce-too-low"}, nil)
	if err != nil || len(eth) != 2 {
		t.Errorf("ethers entries %+v, %v", eth, err)
	}
}
