package main

import (
	"bufio"
	"context"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
)

// anvil is one running anvil process on a free loopback port.
type anvil struct {
	url  string
	cmd  *exec.Cmd
	rpc  *rpc.Client
	accs []common.Address
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// startAnvil runs anvil for chainID; with manual mining, blocks are only
// made by evm_mine, so a transaction can be left pending. A port taken
// between choosing and binding it is retried.
func startAnvil(ctx context.Context, bin string, chainID uint64, manual bool) (*anvil, error) {
	var err error
	for range 3 {
		var a *anvil
		if a, err = startAnvilOnce(ctx, bin, chainID, manual); err == nil {
			return a, nil
		}
	}
	return nil, err
}

func startAnvilOnce(ctx context.Context, bin string, chainID uint64, manual bool) (*anvil, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	args := []string{"--host", "127.0.0.1", "--port", strconv.Itoa(port), "--chain-id", strconv.FormatUint(chainID, 10), "--accounts", "4"}
	if manual {
		args = append(args, "--no-mining")
	}
	cmd := exec.Command(bin, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start anvil: %w", err)
	}
	a := &anvil{url: "http://127.0.0.1:" + strconv.Itoa(port), cmd: cmd}
	ready := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(out)
		var last string
		for sc.Scan() {
			if strings.Contains(sc.Text(), "Listening on") {
				ready <- nil
				break
			}
			last = sc.Text()
		}
		ready <- fmt.Errorf("anvil (chain %d) stopped: %s", chainID, last)
		for sc.Scan() {
		}
	}()
	select {
	case err = <-ready:
	case <-time.After(30 * time.Second):
		err = fmt.Errorf("anvil (chain %d) did not start in 30 s", chainID)
	}
	if err != nil {
		a.close()
		return nil, err
	}
	if a.rpc, err = rpc.DialContext(ctx, a.url); err != nil {
		a.close()
		return nil, err
	}
	if err := a.rpc.CallContext(ctx, &a.accs, "eth_accounts"); err != nil || len(a.accs) < 4 {
		a.close()
		return nil, fmt.Errorf("anvil accounts: %v", err)
	}
	return a, nil
}

func (a *anvil) close() {
	if a.rpc != nil {
		a.rpc.Close()
	}
	_ = a.cmd.Process.Kill()
	_ = a.cmd.Wait()
}

func (a *anvil) send(ctx context.Context, tx map[string]any) (common.Hash, error) {
	var h common.Hash
	err := a.rpc.CallContext(ctx, &h, "eth_sendTransaction", tx)
	return h, err
}

func (a *anvil) mine(ctx context.Context) error { return a.rpc.CallContext(ctx, nil, "evm_mine") }

func (a *anvil) deploy(ctx context.Context, code []byte) (common.Address, error) {
	h, err := a.send(ctx, map[string]any{"from": a.accs[0], "data": hexutil.Bytes(code), "gas": "0x4c4b40"})
	if err != nil {
		return common.Address{}, err
	}
	if err := a.mine(ctx); err != nil {
		return common.Address{}, err
	}
	var r struct {
		ContractAddress common.Address `json:"contractAddress"`
		Status          hexutil.Uint64 `json:"status"`
	}
	if err := a.rpc.CallContext(ctx, &r, "eth_getTransactionReceipt", h); err != nil {
		return common.Address{}, err
	}
	if r.Status != 1 {
		return common.Address{}, fmt.Errorf("deploy %s failed", h)
	}
	return r.ContractAddress, nil
}

// contract reads fixture bytecode from the simnode package's sources.
func contract(root, name string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(root, "diagnose/internal/simnode/contracts", name+".bin"))
	if err != nil {
		return nil, err
	}
	return hexutil.Decode("0x" + strings.TrimSpace(string(b)))
}

// tokenCode is the fixture ERC-20's creation code with its constructor
// arguments (name, symbol, decimals, supply to the deployer).
func tokenCode(root string) ([]byte, error) {
	code, err := contract(root, "Token")
	if err != nil {
		return nil, err
	}
	var args abi.Arguments
	for _, t := range []string{"string", "string", "uint8", "uint256"} {
		ty, err := abi.NewType(t, "", nil)
		if err != nil {
			return nil, err
		}
		args = append(args, abi.Argument{Type: ty})
	}
	packed, err := args.Pack("USD Coin", "USDC", uint8(6), big.NewInt(1e12))
	if err != nil {
		return nil, err
	}
	return append(code, packed...), nil
}

// anvilScenarios mines a transfer, a token transfer and a failed swap, and
// leaves one transfer pending. The anvil must mine manually.
func anvilScenarios(ctx context.Context, a *anvil, root string) ([]scenario, error) {
	failerCode, err := contract(root, "Failer")
	if err != nil {
		return nil, err
	}
	failer, err := a.deploy(ctx, failerCode)
	if err != nil {
		return nil, err
	}
	tc, err := tokenCode(root)
	if err != nil {
		return nil, err
	}
	token, err := a.deploy(ctx, tc)
	if err != nil {
		return nil, err
	}
	transfer, err := fixtureCall("transfer", a.accs[2], big.NewInt(250_500_000))
	if err != nil {
		return nil, err
	}
	swap, err := fixtureCall("swapExpired", big.NewInt(1))
	if err != nil {
		return nil, err
	}
	wei := (*hexutil.Big)(big.NewInt(1e18))
	ok, err := a.send(ctx, map[string]any{"from": a.accs[0], "to": a.accs[1], "value": wei})
	if err != nil {
		return nil, err
	}
	tok, err := a.send(ctx, map[string]any{"from": a.accs[0], "to": token, "gas": "0x30d40",
		"data": hexutil.Bytes(transfer)})
	if err != nil {
		return nil, err
	}
	failed, err := a.send(ctx, map[string]any{"from": a.accs[1], "to": failer, "gas": "0x30d40",
		"data": hexutil.Bytes(swap)})
	if err != nil {
		return nil, err
	}
	if err := a.mine(ctx); err != nil {
		return nil, err
	}
	pending, err := a.send(ctx, map[string]any{"from": a.accs[3], "to": a.accs[0], "value": wei})
	if err != nil {
		return nil, err
	}
	return scenarios(ok, tok, failed, pending, parties{from: a.accs[0], to: a.accs[1], token: token, tokenFrom: a.accs[0],
		tokenTo: a.accs[2], pendingFrom: a.accs[3], pendingTo: a.accs[0]}), nil
}

// gethScenarios makes the same transactions on geth's simulated node. The
// pending one offers half the base fee, so geth keeps it waiting.
func gethScenarios(ctx context.Context, n *gethNode) ([]scenario, error) {
	token, err := n.deploy(ctx, map[string]any{"from": 0, "contract": "token", "name": "USD Coin", "symbol": "USDC",
		"decimals": 6, "supply": big.NewInt(1e12)})
	if err != nil {
		return nil, err
	}
	failer, err := n.deploy(ctx, map[string]any{"from": 0, "contract": "failer"})
	if err != nil {
		return nil, err
	}
	transfer, err := fixtureCall("transfer", n.addrs[2], big.NewInt(250_500_000))
	if err != nil {
		return nil, err
	}
	swap, err := fixtureCall("swapExpired", big.NewInt(1))
	if err != nil {
		return nil, err
	}
	to := n.addrs[1]
	ok, err := n.send(ctx, gethTx{From: 0, To: &to, Value: big.NewInt(1e18), Mine: true})
	if err != nil {
		return nil, err
	}
	tok, err := n.send(ctx, gethTx{From: 0, To: &token, Data: transfer, Mine: true})
	if err != nil {
		return nil, err
	}
	failed, err := n.send(ctx, gethTx{From: 1, To: &failer, Gas: 200_000, Data: swap, Mine: true})
	if err != nil {
		return nil, err
	}
	base, err := n.baseFee(ctx)
	if err != nil {
		return nil, err
	}
	feeCap := new(big.Int).Div(base, big.NewInt(2))
	pending, err := n.send(ctx, gethTx{From: 3, To: &to, Value: big.NewInt(1e18), FeeCap: feeCap, Tip: new(big.Int).Div(feeCap, big.NewInt(4))})
	if err != nil {
		return nil, err
	}
	if err := n.commit(ctx); err != nil {
		return nil, err
	}
	return scenarios(ok, tok, failed, pending, parties{from: n.addrs[0], to: to, token: token,
		tokenFrom: n.addrs[0], tokenTo: n.addrs[2], pendingFrom: n.addrs[3], pendingTo: to}), nil
}

// fixtureABI is the part of the fixture contracts (Fixtures.sol beside
// their bytecode) the scenarios call.
const fixtureABI = `[
 {"type":"function","name":"transfer","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}]},
 {"type":"function","name":"swapExpired","inputs":[{"name":"deadline","type":"uint256"}]}
]`

// fixtureCall ABI-encodes a call to a fixture function.
func fixtureCall(method string, args ...any) ([]byte, error) {
	a, err := abi.JSON(strings.NewReader(fixtureABI))
	if err != nil {
		return nil, err
	}
	return a.Pack(method, args...)
}
