package guides

import (
	"fmt"
	"strings"
)

//go:generate go run ./explaingen -out explain_catalogue.tsv

// explain_catalogue.tsv is the error catalogue explaingen builds from real
// sources (go-ethereum, btcd, Bitcoin Core, java-tron, WalletConnect,
// ethers, viem, MetaMask): one phrase or code per line with the node it
// leads to, where it came from and its licence. It is embedded compressed
// (catalogueGZ).

// CatalogueEntry is one generated match key.
type CatalogueEntry struct {
	Guide   string // node id
	Kind    string // "phrase" or "code"
	Lang    string // "en", "zh" or "any"
	Key     string // the phrase or code as the source writes it
	Source  string // where it was read
	Licence string
}

// Catalogue returns the generated error catalogue.
func Catalogue() ([]CatalogueEntry, error) {
	data, err := gunzip(catalogueGZ)
	if err != nil {
		return nil, fmt.Errorf("explain_catalogue.tsv: %w", err)
	}
	return parseCatalogue(string(data))
}

// parseCatalogue reads the TSV table: comment lines start with #.
func parseCatalogue(data string) ([]CatalogueEntry, error) {
	var out []CatalogueEntry
	for i, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("catalogue line %d: %d fields, want 6", i+1, len(f))
		}
		e := CatalogueEntry{Guide: f[0], Kind: f[1], Lang: f[2], Key: f[3], Source: f[4], Licence: f[5]}
		if e.Kind != "phrase" && e.Kind != "code" {
			return nil, fmt.Errorf("catalogue line %d: kind %q", i+1, e.Kind)
		}
		out = append(out, e)
	}
	return out, nil
}
