package tron_test

import (
	"context"
	"fmt"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/tron"
)

// The CLI builds one backend (with --rpc tron=<url> as Endpoints) and
// hands it a parsed query; the txid is TRON.md's fixture B2.
func ExampleNew() {
	b, err := tron.New(tron.Config{Endpoints: nil}) // nil: TronGrid, then PublicNode
	if err != nil {
		panic(err)
	}
	q := diagnose.Query{Family: diagnose.FamilyTron, Ref: "e63a324a43aebfe41273db4f7fdfe325b2257b4f5711595a5fc0f8a75cf1b481"}
	rep, err := b.Check(context.Background(), q, diagnose.CheckOptions{Network: "tron"})
	if err != nil {
		fmt.Println("no TRON node could answer:", err)
		return
	}
	for _, f := range rep.Findings {
		fmt.Println(f.Code, f.Title)
	}
}

func ExampleParseAddress() {
	a, err := tron.ParseAddress("41a614f803b6fd780986a42c78ec9c7f77e6ded13c")
	fmt.Println(a, err)
	// Output: TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t <nil>
}

func ExampleNetworks() {
	for _, n := range tron.Networks() {
		fmt.Println(n.Key, n.ChainID, n.Endpoints[0])
	}
	// Output:
	// tron 728126428 https://api.trongrid.io
	// nile 3448148188 https://nile.trongrid.io
}
