package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
)

// These tests check against go-ethereum's simulated backend, a real node,
// which lives in diagnose/internal/simnode where only diagnose/ can import
// it. They reach it through the simnoded command over loopback HTTP:
// JSON-RPC at each node's URL, and its control API to mine, sign and
// deploy. The tui tests hold a copy of this driver (test code cannot be
// shared across packages without becoming importable).

// simnodedPkg is the launcher, run with `go run` (cached by the go command
// after the first build).
const simnodedPkg = "github.com/unstuck-dev/unstuck/diagnose/internal/simnode/simnoded"

// simnoded is started once per test binary, on first use, and serves
// every test's nodes. It runs until its standard input closes: when this
// process exits, however it exits.
var simnoded = sync.OnceValues(func() (*launcher, error) {
	cmd := exec.Command("go", "run", simnodedPkg)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("go run %s: %w", simnodedPkg, err)
	}
	var ready struct {
		Control string `json:"control"`
	}
	if err := json.NewDecoder(out).Decode(&ready); err != nil || ready.Control == "" {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("go run %s: no control address (%v)", simnodedPkg, err)
	}
	return &launcher{control: ready.Control, stdin: stdin}, nil
})

type launcher struct {
	control string
	stdin   io.WriteCloser // kept open, and reachable, for as long as this process runs
}

// simNode is one simulated node: URL is its JSON-RPC endpoint, Addrs its
// funded accounts (1000 ETH each).
type simNode struct {
	t     testing.TB
	ctl   string // this node's control URL
	URL   string
	Addrs []common.Address
}

// startSimNode starts a node (chain 1337, one block mined), stopped when
// the test ends.
func startSimNode(t testing.TB) *simNode {
	t.Helper()
	l, err := simnoded()
	if err != nil {
		t.Fatalf("simulated node: %v", err)
	}
	var info struct {
		ID       string           `json:"id"`
		URL      string           `json:"url"`
		Accounts []common.Address `json:"accounts"`
	}
	if err := control(context.Background(), http.MethodPost, l.control+"/nodes", map[string]uint64{"chain_id": 1337}, &info); err != nil {
		t.Fatalf("start simulated node: %v", err)
	}
	n := &simNode{t: t, ctl: l.control + "/nodes/" + info.ID, URL: info.URL, Addrs: info.Accounts}
	t.Cleanup(func() {
		if err := control(context.Background(), http.MethodDelete, n.ctl, nil, nil); err != nil {
			t.Errorf("stop simulated node: %v", err)
		}
	})
	return n
}

// simTx is a transaction to sign and send (simnode.Tx): zero fields get
// the account's pending nonce, fee cap 2 × base fee + tip, tip 1 gwei, gas
// 21,000 for a plain transfer and 3,000,000 otherwise.
type simTx struct {
	From     int             `json:"from"`
	To       *common.Address `json:"to,omitempty"`
	Value    *big.Int        `json:"value,omitempty"`
	Data     hexutil.Bytes   `json:"data,omitempty"`
	Nonce    *uint64         `json:"nonce,omitempty"`
	Gas      uint64          `json:"gas,omitempty"`
	FeeCap   *big.Int        `json:"fee_cap,omitempty"`
	Tip      *big.Int        `json:"tip,omitempty"`
	GasPrice *big.Int        `json:"gas_price,omitempty"`
}

// Send signs and submits a transaction; it does not mine.
func (n *simNode) Send(ctx context.Context, tx simTx) (*types.Transaction, error) {
	return n.signed(ctx, "/send", struct {
		simTx
		Mine bool `json:"mine"`
	}{simTx: tx})
}

// Mine sends a transaction and mines a block with it.
func (n *simNode) Mine(ctx context.Context, tx simTx) (*types.Transaction, error) {
	return n.signed(ctx, "/send", struct {
		simTx
		Mine bool `json:"mine"`
	}{simTx: tx, Mine: true})
}

// SendUnderpriced submits a transfer to account 3 offering half the base
// fee and mines a block: geth keeps it pending and never mines it. A nil
// nonce is the account's next.
func (n *simNode) SendUnderpriced(ctx context.Context, from int, nonce *uint64, value *big.Int) (*types.Transaction, error) {
	return n.signed(ctx, "/underpriced", map[string]any{"from": from, "nonce": nonce, "value": value})
}

func (n *simNode) signed(ctx context.Context, path string, req any) (*types.Transaction, error) {
	var out struct {
		Raw hexutil.Bytes `json:"raw"`
	}
	if err := control(ctx, http.MethodPost, n.ctl+path, req, &out); err != nil {
		return nil, err
	}
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(out.Raw); err != nil {
		return nil, fmt.Errorf("signed transaction: %w", err)
	}
	return tx, nil
}

// Commit mines the pending transactions into a block.
func (n *simNode) Commit() {
	n.t.Helper()
	if err := control(context.Background(), http.MethodPost, n.ctl+"/commit", nil, nil); err != nil {
		n.t.Fatalf("commit: %v", err)
	}
}

// BaseFee is the latest block's base fee.
func (n *simNode) BaseFee(ctx context.Context) (*big.Int, error) {
	var out struct {
		BaseFee *big.Int `json:"base_fee"`
	}
	if err := control(ctx, http.MethodGet, n.ctl+"/base_fee", nil, &out); err != nil {
		return nil, err
	}
	return out.BaseFee, nil
}

// DeployToken mines the fixture ERC-20, its whole supply to account from.
func (n *simNode) DeployToken(ctx context.Context, from int, name, symbol string, decimals uint8, supply *big.Int) (common.Address, error) {
	return n.deploy(ctx, map[string]any{"from": from, "contract": "token", "name": name, "symbol": symbol, "decimals": decimals, "supply": supply})
}

// DeployFailer mines the fixture contract whose functions fail in known ways.
func (n *simNode) DeployFailer(ctx context.Context, from int) (common.Address, error) {
	return n.deploy(ctx, map[string]any{"from": from, "contract": "failer"})
}

func (n *simNode) deploy(ctx context.Context, req map[string]any) (common.Address, error) {
	var out struct {
		Address common.Address `json:"address"`
	}
	err := control(ctx, http.MethodPost, n.ctl+"/deploy", req, &out)
	return out.Address, err
}

// control makes one call of simnoded's control API.
func control(ctx context.Context, method, url string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("simnoded %s %s: %s: %s", method, url, resp.Status, strings.TrimSpace(string(b)))
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(b, out)
}

// fixtureABI is the part of the fixture contracts (Fixtures.sol in
// diagnose/internal/simnode/contracts) these tests call.
const fixtureABI = `[
 {"type":"function","name":"transfer","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}]},
 {"type":"function","name":"swapExpired","inputs":[{"name":"deadline","type":"uint256"}]}
]`

// calldata ABI-encodes a call to a fixture function with fixed arguments.
func calldata(t testing.TB, method string, args ...any) []byte {
	t.Helper()
	a, err := abi.JSON(strings.NewReader(fixtureABI))
	if err != nil {
		t.Fatal(err)
	}
	b, err := a.Pack(method, args...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// ptr returns a pointer to v, for simTx fields.
func ptr[T any](v T) *T { return &v }
