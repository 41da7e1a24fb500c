// Command simnoded serves simulated geth nodes (package simnode) to the
// processes that may not import them: the tests of cmd/unstuck and tui,
// and `go run ./bench`. simnode is internal to diagnose/, so that no
// importable package carries a node; a process boundary lets those tests
// keep checking against the same real node.
//
//	go build -o simnoded ./diagnose/internal/simnode/simnoded
//	./simnoded   # prints {"control":"http://127.0.0.1:PORT"}, then serves
//
// It listens on 127.0.0.1 only and runs until its standard input closes
// (or SIGINT/SIGTERM), so it ends with the process that started it, even
// one that was killed. Each node has its own JSON-RPC URL; the control
// API (JSON over HTTP) starts, drives and stops them:
//
//	POST   /nodes                   {"chain_id"}                       → the node: id, url, chain_id, accounts
//	DELETE /nodes/{id}                                                 → 204, the node stopped
//	POST   /nodes/{id}/send         a transaction, "mine": true to mine it → {"raw"}: the signed transaction
//	POST   /nodes/{id}/underpriced  {"from", "nonce", "value"}          → {"raw"} (simnode.Node.SendUnderpriced)
//	POST   /nodes/{id}/deploy       {"from", "contract": "token" | "failer", token: "name", "symbol", "decimals", "supply"} → {"address"}
//	POST   /nodes/{id}/commit                                          → {"block"}: the hash of the block mined
//	GET    /nodes/{id}/base_fee                                        → {"base_fee"}
//
// Transactions are simnode.Tx in JSON: "from" (account index), "to",
// "value", "data" (0x-hex), "nonce", "gas", "fee_cap", "tip", "gas_price"
// (amounts as JSON numbers of wei).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "simnoded:", err)
		stop()
		os.Exit(1)
	}
}

// run serves until ctx ends or stdin reaches its end, then stops every
// node. It writes the control address to stdout as one JSON line.
func run(ctx context.Context, stdin io.Reader, stdout io.Writer) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		_, _ = io.Copy(io.Discard, stdin) // returns when the parent closes it or exits
		stop()
	}()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	s := newServer()
	defer s.closeAll()
	srv := &http.Server{Handler: s.routes(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	ready, err := json.Marshal(map[string]string{"control": "http://" + l.Addr().String()})
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(stdout, "%s\n", ready); err != nil {
		return err
	}
	select {
	case <-ctx.Done():
		return srv.Close()
	case err := <-served:
		return err
	}
}
