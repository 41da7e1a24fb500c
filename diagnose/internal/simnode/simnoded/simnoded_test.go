package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
)

// launch runs simnoded in-process as its parent would see it: it returns
// the control address and the write end of its stdin, and the error run
// returned once it is over.
func launch(t *testing.T) (control string, stdin io.WriteCloser, done <-chan error) {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	finished := make(chan error, 1)
	go func() { finished <- run(context.Background(), inR, outW) }()
	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	var ready struct {
		Control string `json:"control"`
	}
	if err := json.Unmarshal([]byte(line), &ready); err != nil || !strings.HasPrefix(ready.Control, "http://127.0.0.1:") {
		t.Fatalf("ready line %q: %v", line, err)
	}
	t.Cleanup(func() { _ = inW.Close() })
	return ready.Control, inW, finished
}

// call makes one control call and returns its status; out gets the body.
func call(t *testing.T, method, url string, in, out any) int {
	t.Helper()
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if out != nil && resp.StatusCode < 300 {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v: %s", method, url, err, b)
		}
	}
	return resp.StatusCode
}

func decodeTx(t *testing.T, raw hexutil.Bytes) *types.Transaction {
	t.Helper()
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(raw); err != nil {
		t.Fatal(err)
	}
	return tx
}

// TestControlAPI drives a node through every call and checks each one's
// effect on the node's own JSON-RPC.
func TestControlAPI(t *testing.T) {
	ctx := context.Background()
	control, _, _ := launch(t)
	var info nodeInfo
	if code := call(t, http.MethodPost, control+"/nodes", map[string]uint64{"chain_id": 1337}, &info); code != http.StatusOK {
		t.Fatalf("start: %d", code)
	}
	if info.ChainID != 1337 || len(info.Accounts) != 4 {
		t.Fatalf("node = %+v", info)
	}
	node := control + "/nodes/" + info.ID
	c, err := ethclient.DialContext(ctx, info.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if id, err := c.ChainID(ctx); err != nil || id.Uint64() != 1337 {
		t.Fatalf("eth_chainId = %v, %v", id, err)
	}

	var signed struct {
		Raw hexutil.Bytes `json:"raw"`
	}
	to := info.Accounts[1]
	if code := call(t, http.MethodPost, node+"/send", map[string]any{"from": 0, "to": to, "value": big.NewInt(1e18), "mine": true}, &signed); code != http.StatusOK {
		t.Fatalf("send: %d", code)
	}
	mined := decodeTx(t, signed.Raw)
	if r, err := c.TransactionReceipt(ctx, mined.Hash()); err != nil || r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("mined transfer: receipt %+v, %v", r, err)
	}

	if code := call(t, http.MethodPost, node+"/send", map[string]any{"from": 2, "to": to, "value": 1}, &signed); code != http.StatusOK {
		t.Fatalf("send: %d", code)
	}
	sent := decodeTx(t, signed.Raw)
	if _, pending, err := c.TransactionByHash(ctx, sent.Hash()); err != nil || !pending {
		t.Fatalf("sent, not mined: pending %v, %v", pending, err)
	}
	var block struct {
		Block common.Hash `json:"block"`
	}
	if code := call(t, http.MethodPost, node+"/commit", nil, &block); code != http.StatusOK {
		t.Fatalf("commit: %d", code)
	}
	if r, err := c.TransactionReceipt(ctx, sent.Hash()); err != nil || r.BlockHash != block.Block {
		t.Fatalf("after commit: receipt %+v, %v; block %s", r, err, block.Block)
	}

	var fee struct {
		BaseFee *big.Int `json:"base_fee"`
	}
	if code := call(t, http.MethodGet, node+"/base_fee", nil, &fee); code != http.StatusOK || fee.BaseFee == nil {
		t.Fatalf("base fee: %d %v", code, fee.BaseFee)
	}
	if head, err := c.HeaderByNumber(ctx, nil); err != nil || head.BaseFee.Cmp(fee.BaseFee) != 0 {
		t.Fatalf("base fee %v, head %+v, %v", fee.BaseFee, head, err)
	}
	if code := call(t, http.MethodPost, node+"/underpriced", map[string]any{"from": 1, "value": 1}, &signed); code != http.StatusOK {
		t.Fatalf("underpriced: %d", code)
	}
	under := decodeTx(t, signed.Raw)
	if _, pending, err := c.TransactionByHash(ctx, under.Hash()); err != nil || !pending || under.GasFeeCap().Cmp(fee.BaseFee) >= 0 {
		t.Fatalf("underpriced: pending %v (%v), fee cap %v vs base fee %v", pending, err, under.GasFeeCap(), fee.BaseFee)
	}

	for _, req := range []map[string]any{
		{"from": 0, "contract": "failer"},
		{"from": 0, "contract": "token", "name": "T", "symbol": "T", "decimals": 6, "supply": 1000},
	} {
		var out struct {
			Address common.Address `json:"address"`
		}
		if code := call(t, http.MethodPost, node+"/deploy", req, &out); code != http.StatusOK {
			t.Fatalf("deploy %v: %d", req, code)
		}
		if code, err := c.CodeAt(ctx, out.Address, nil); err != nil || len(code) == 0 {
			t.Errorf("deploy %v: no code at %s (%v)", req, out.Address, err)
		}
	}

	bad := []struct {
		name, method, path string
		in                 any
		want               int
	}{
		{"no such account", http.MethodPost, "/send", map[string]any{"from": 4}, http.StatusBadRequest},
		{"negative account", http.MethodPost, "/underpriced", map[string]any{"from": -1}, http.StatusBadRequest},
		{"not json", http.MethodPost, "/send", json.RawMessage(`"x"`), http.StatusBadRequest},
		{"no such contract", http.MethodPost, "/deploy", map[string]any{"contract": "vault"}, http.StatusBadRequest},
		{"token without supply", http.MethodPost, "/deploy", map[string]any{"contract": "token"}, http.StatusBadRequest},
		{"overdrawn", http.MethodPost, "/send", map[string]any{"from": 0, "to": to, "value": new(big.Int).Lsh(big.NewInt(1), 100)}, http.StatusInternalServerError},
	}
	for _, tt := range bad {
		if code := call(t, tt.method, node+tt.path, tt.in, nil); code != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, code, tt.want)
		}
	}

	if code := call(t, http.MethodDelete, node, nil, nil); code != http.StatusNoContent {
		t.Fatalf("stop: %d", code)
	}
	if code := call(t, http.MethodPost, node+"/commit", nil, nil); code != http.StatusNotFound {
		t.Errorf("commit on a stopped node: %d", code)
	}
	if code := call(t, http.MethodDelete, node, nil, nil); code != http.StatusNotFound {
		t.Errorf("second stop: %d", code)
	}
}

// TestEndsWithStdin: when the parent closes simnoded's stdin (or exits),
// run returns and every node it still ran is stopped.
func TestEndsWithStdin(t *testing.T) {
	control, stdin, done := launch(t)
	var info nodeInfo
	if code := call(t, http.MethodPost, control+"/nodes", nil, &info); code != http.StatusOK {
		t.Fatalf("start: %d", code)
	}
	if info.ChainID != 1337 {
		t.Errorf("default chain id %d", info.ChainID)
	}
	if err := stdin.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("run did not return after stdin closed")
	}
	for _, url := range []string{control + "/nodes", info.URL} {
		if resp, err := http.Post(url, "application/json", strings.NewReader("{}")); err == nil {
			resp.Body.Close()
			t.Errorf("%s still answers after stdin closed", url)
		}
	}
}
