package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "explaingen:", err)
		os.Exit(1)
	}
}

func run() error {
	out := flag.String("out", "explain_catalogue.tsv", "the table to write")
	npm := flag.String("npm", "/tmp/explain-src", "directory holding the npm pack tarballs")
	tron := flag.String("tron", "../../shared/reference/TRON.md", "path of shared/reference/TRON.md")
	excerpts := flag.String("excerpts", "explaingen/excerpts", "directory of the verbatim excerpts")
	modcache := flag.String("modcache", "", "Go module cache (default: go env GOMODCACHE)")
	gethVersion := flag.String("geth", "", "go-ethereum version (default: the one in go.mod)")
	flag.Parse()

	if *modcache == "" {
		b, err := exec.Command("go", "env", "GOMODCACHE").Output()
		if err != nil {
			return fmt.Errorf("go env GOMODCACHE: %w", err)
		}
		*modcache = strings.TrimSpace(string(b))
	}
	if *gethVersion == "" {
		b, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", gethModule).Output()
		if err != nil {
			return fmt.Errorf("go list -m %s: %w", gethModule, err)
		}
		*gethVersion = strings.TrimSpace(string(b))
	}

	var all []Entry
	add := func(es []Entry, err error) error {
		all = append(all, es...)
		return err
	}
	steps := []func() error{
		func() error { return add(goModule(*modcache, gethModule, *gethVersion, licenceGeth, gethRoutes())) },
		func() error { return add(goModule(*modcache, btcdModule, btcdVersion, licenceBtcd, btcdRoutes())) },
		func() error {
			return add(bitcoinCoreEntries(filepath.Join(*excerpts, "bitcoin-core.txt"), bitcoinCoreReasons(), bitcoinCoreRPC()))
		},
		func() error { return add(tronEntries(*tron, tronCodes(), tronMessages())) },
		func() error {
			return add(javaTronEntries(filepath.Join(*excerpts, "java-tron.txt"), javaTronRoutes()))
		},
		func() error { return add(localeEntries(filepath.Join(*excerpts, "metamask.json"), metaMaskRoutes())) },
		func() error { return add(localeEntries(filepath.Join(*excerpts, "tronlink.json"), tronLinkRoutes())) },
		func() error { return npmEntries(*npm, add) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := write(&buf, all); err != nil {
		return err
	}
	return os.WriteFile(*out, buf.Bytes(), 0o644)
}

// npmEntries reads the WalletConnect, ethers and viem tarballs.
func npmEntries(dir string, add func([]Entry, error) error) error {
	open := func(prefix string, files ...string) (tarball, error) {
		path, err := findTarball(dir, prefix)
		if err != nil {
			return tarball{}, err
		}
		return readTarball(path, files...)
	}
	wcu, err := open(walletconnectU, "dist/index.js")
	if err != nil {
		return err
	}
	if err := add(walletConnectErrors(wcu, "dist/index.js", licenceWC, walletConnectRoutes())); err != nil {
		return err
	}
	wcc, err := open(walletconnectC, "dist/index.js")
	if err != nil {
		return err
	}
	if err := add(textRoutes(wcc, "dist/index.js", licenceWC, walletConnectCoreTexts())); err != nil {
		return err
	}
	v5, err := open("ethers-5.", "dist/ethers.esm.js")
	if err != nil {
		return err
	}
	if err := add(ethersErrors(v5, []string{"dist/ethers.esm.js"}, licenceMIT, ethersByCode(), ethersV5Messages())); err != nil {
		return err
	}
	v6files := []string{"lib.esm/providers/provider-jsonrpc.js", "lib.esm/providers/abstract-provider.js", "lib.esm/providers/provider.js", "lib.esm/utils/geturl.js", "lib.esm/utils/errors.js"}
	v6, err := open("ethers-6.", v6files...)
	if err != nil {
		return err
	}
	v6codes := map[string]string{"ACTION_REJECTED": "user-rejected"}
	for k, v := range ethersByCode() {
		if k != "UNPREDICTABLE_GAS_LIMIT" { // v6 has no such code
			v6codes[k] = v
		}
	}
	if err := add(ethersErrors(v6, v6files, licenceMIT, v6codes, ethersV6Messages())); err != nil {
		return err
	}
	viemFiles := []string{"_esm/errors/rpc.js", "_esm/errors/node.js", "_esm/errors/request.js"}
	viem, err := open("viem-", viemFiles...)
	if err != nil {
		return err
	}
	return add(viemErrors(viem, viemFiles, licenceMIT, viemRoutes()))
}
