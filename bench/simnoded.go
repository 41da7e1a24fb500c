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

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
)

// gethNode is one of go-ethereum's simulated nodes, served by
// diagnose/internal/simnode/simnoded (which only diagnose/ may import, so
// the bench runs it): JSON-RPC at url, mined, signed and deployed on
// through simnoded's control API.
type gethNode struct {
	url   string
	addrs []common.Address
	ctl   string // the node's control URL
	cmd   *exec.Cmd
	stdin io.WriteCloser // simnoded runs until it is closed
}

// startGeth runs simnoded and starts one node for chainID on it.
func startGeth(ctx context.Context, chainID uint64) (*gethNode, error) {
	const pkg = "./diagnose/internal/simnode/simnoded"
	cmd := exec.Command("go", "run", pkg)
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
		return nil, fmt.Errorf("go run %s: %w", pkg, err)
	}
	g := &gethNode{cmd: cmd, stdin: stdin}
	var ready struct {
		Control string `json:"control"`
	}
	if err := json.NewDecoder(out).Decode(&ready); err != nil || ready.Control == "" {
		g.close()
		return nil, fmt.Errorf("go run %s: no control address (%v)", pkg, err)
	}
	var info struct {
		ID       string           `json:"id"`
		URL      string           `json:"url"`
		Accounts []common.Address `json:"accounts"`
	}
	if err := control(ctx, http.MethodPost, ready.Control+"/nodes", map[string]uint64{"chain_id": chainID}, &info); err != nil {
		g.close()
		return nil, fmt.Errorf("simulated node: %w", err)
	}
	g.url, g.addrs, g.ctl = info.URL, info.Accounts, ready.Control+"/nodes/"+info.ID
	return g, nil
}

// close ends simnoded, and with it the node.
func (g *gethNode) close() {
	_ = g.stdin.Close()
	_ = g.cmd.Wait()
}

// gethTx is a transaction for simnoded to sign (simnode.Tx): zero fields
// get the account's pending nonce, fee cap 2 × base fee + tip, tip 1 gwei.
type gethTx struct {
	From   int             `json:"from"`
	To     *common.Address `json:"to,omitempty"`
	Value  *big.Int        `json:"value,omitempty"`
	Data   hexutil.Bytes   `json:"data,omitempty"`
	Gas    uint64          `json:"gas,omitempty"`
	FeeCap *big.Int        `json:"fee_cap,omitempty"`
	Tip    *big.Int        `json:"tip,omitempty"`
	Mine   bool            `json:"mine,omitempty"`
}

// send submits tx, and mines a block with it when tx.Mine is set.
func (g *gethNode) send(ctx context.Context, tx gethTx) (common.Hash, error) {
	var out struct {
		Raw hexutil.Bytes `json:"raw"`
	}
	if err := control(ctx, http.MethodPost, g.ctl+"/send", tx, &out); err != nil {
		return common.Hash{}, err
	}
	var t types.Transaction
	if err := t.UnmarshalBinary(out.Raw); err != nil {
		return common.Hash{}, fmt.Errorf("signed transaction: %w", err)
	}
	return t.Hash(), nil
}

func (g *gethNode) commit(ctx context.Context) error {
	return control(ctx, http.MethodPost, g.ctl+"/commit", nil, nil)
}

func (g *gethNode) baseFee(ctx context.Context) (*big.Int, error) {
	var out struct {
		BaseFee *big.Int `json:"base_fee"`
	}
	err := control(ctx, http.MethodGet, g.ctl+"/base_fee", nil, &out)
	return out.BaseFee, err
}

// deploy mines a fixture contract: "failer", or "token" with its name,
// symbol, decimals and supply in req.
func (g *gethNode) deploy(ctx context.Context, req map[string]any) (common.Address, error) {
	var out struct {
		Address common.Address `json:"address"`
	}
	err := control(ctx, http.MethodPost, g.ctl+"/deploy", req, &out)
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
