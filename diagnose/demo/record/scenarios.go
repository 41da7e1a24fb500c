package main

import (
	"context"
	"fmt"
	"math/big"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/demo"
	"github.com/unstuck-dev/unstuck/diagnose/evm"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// Accounts of simnode used by the recipes; extra accounts are funded here.
const (
	deployer  = 0 // deploys the contracts, sends the successful transfers
	caller    = 1 // calls the contract that fails
	gapSender = 2 // sends nonce 2 and never 0 or 1
	recipient = 3
)

// order is the order the examples are listed in: by status, as the
// guides route on them.
func order() []string {
	return []string{"token-transfer", "sent-to-token", "wrong-network", "failed-reason", "custom-error",
		"panic", "out-of-gas", "pending-underpriced", "nonce-gap", "replaced", "replacement", "dropped", "not-found"}
}

// builder creates the scenarios one after another on one chain, so that
// the chain's head is the same for all of them when they are recorded.
type builder struct {
	ctx      context.Context
	n        *simnode.Node
	eng      *evm.Backend // asks the node directly, before the recording
	mem      *diagnose.Memory
	examples map[string]demo.Example
	// seen are the transactions checked while pending, before the
	// recording: the engine remembers them, and so must the demo.
	seen []common.Hash
}

func newBuilder(ctx context.Context, n *simnode.Node, dir string) (*builder, error) {
	reg, err := demo.Registry(n.URL)
	if err != nil {
		return nil, err
	}
	mem := diagnose.NewMemory(filepath.Join(dir, "building.json"))
	eng, err := evm.New(demo.EngineConfig(reg, n.URL, mem, nil))
	if err != nil {
		return nil, err
	}
	return &builder{ctx: ctx, n: n, eng: eng, mem: mem, examples: map[string]demo.Example{}}, nil
}

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

// addAccount funds a fresh deterministic account and returns its index.
func (b *builder) addAccount(name string) (int, error) {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("unstuck-demo-" + name)))
	if err != nil {
		return 0, err
	}
	addr := crypto.PubkeyToAddress(key.PublicKey)
	b.n.Keys, b.n.Addrs = append(b.n.Keys, key), append(b.n.Addrs, addr)
	if _, err := b.n.Mine(b.ctx, simnode.Tx{From: deployer, To: &addr, Value: ether(10)}); err != nil {
		return 0, fmt.Errorf("fund %s: %w", name, err)
	}
	return len(b.n.Addrs) - 1, nil
}

func (b *builder) add(id, en, zh string, hash common.Hash, status diagnose.Status, revert string, codes ...diagnose.Code) {
	b.examples[id] = demo.Example{ID: id, LabelEn: en, LabelZh: zh, Input: hash.Hex(), Status: status, Findings: codes, Revert: revert}
}

// build runs every recipe.
func (b *builder) build() error {
	for _, step := range []func() error{b.mined, b.failures, b.dropped, b.replaced, b.pending} {
		if err := step(); err != nil {
			return err
		}
	}
	never := crypto.Keccak256Hash([]byte("unstuck demo: a transaction that was never sent"))
	b.add("not-found", "Not found on any network", "在任何网络上都找不到", never, diagnose.StatusNotFound, "", diagnose.CodeNotFound)
	return nil
}

func (b *builder) mined() error {
	ctx, n := b.ctx, b.n
	usdc, err := n.DeployToken(ctx, deployer, "USD Coin", "USDC", 6, big.NewInt(1_000_000_000_000))
	if err != nil {
		return err
	}
	usdt, err := n.DeployToken(ctx, deployer, "Tether USD", "USDT", 6, big.NewInt(1_000_000_000_000))
	if err != nil {
		return err
	}
	to := n.Addrs[recipient]
	tx, err := n.Mine(ctx, simnode.Tx{From: deployer, To: &usdc, Data: simnode.MustCalldata("transfer", to, big.NewInt(250_500_000))})
	if err != nil {
		return err
	}
	b.add("token-transfer", "Success: 250.5 USDC sent", "成功：已转出 250.5 USDC", tx.Hash(),
		diagnose.StatusSuccess, "", diagnose.CodeTokenTransfer)
	tx, err = n.Mine(ctx, simnode.Tx{From: deployer, To: &usdt, Data: simnode.MustCalldata("transfer", usdt, big.NewInt(5_000_000))})
	if err != nil {
		return err
	}
	b.add("sent-to-token", "Success, but the tokens went to the token's own contract", "成功，但代币被转到了代币合约本身", tx.Hash(),
		diagnose.StatusSuccess, "", diagnose.CodeSentToTokenContract)
	tx, err = n.Mine(ctx, simnode.Tx{From: deployer, To: &to, Value: ether(1)})
	if err != nil {
		return err
	}
	b.add("wrong-network", "Looked for on the wrong network (a BscScan link)", "在错误的网络上查找（BscScan 链接）", tx.Hash(),
		diagnose.StatusSuccess, "", diagnose.CodeWrongChain)
	ex := b.examples["wrong-network"]
	// The user pastes a BscScan link: they believe it is on BNB Smart Chain.
	ex.Input = "https://bscscan.com/tx/" + tx.Hash().Hex()
	b.examples["wrong-network"] = ex
	return nil
}

func (b *builder) failures() error {
	failer, err := b.n.DeployFailer(b.ctx, deployer)
	if err != nil {
		return err
	}
	recipes := []struct {
		id, en, zh string
		gas        uint64
		method     string
		args       []any
		code       diagnose.Code
		revert     string
	}{
		{"failed-reason", "Failed with a reason: the swap's deadline passed", "失败并给出原因：兑换已过期", 0,
			"swapExpired", []any{big.NewInt(1)}, diagnose.CodeReverted, "Error(string)"},
		{"custom-error", "Failed with a custom error: price moved too much (slippage)", "失败（自定义错误）：价格变动过大（滑点）", 0,
			"swapV3", nil, diagnose.CodeReverted, "V3TooLittleReceived()"},
		{"panic", "Failed with a panic: division by zero", "失败（panic）：除以零", 0,
			"divide", []any{big.NewInt(1), big.NewInt(0)}, diagnose.CodeReverted, "Panic(uint256)"},
		{"out-of-gas", "Failed: ran out of gas", "失败：gas 耗尽", 60_000,
			"burn", nil, diagnose.CodeOutOfGas, ""},
	}
	for _, r := range recipes {
		tx, err := b.n.Mine(b.ctx, simnode.Tx{From: caller, To: &failer, Gas: r.gas, Data: simnode.MustCalldata(r.method, r.args...)})
		if err != nil {
			return fmt.Errorf("%s: %w", r.id, err)
		}
		b.add(r.id, r.en, r.zh, tx.Hash(), diagnose.StatusFailed, r.revert, r.code)
	}
	return nil
}

// ordered lists the examples in display order.
func (b *builder) ordered() ([]demo.Example, error) {
	ids := order()
	if len(b.examples) != len(ids) {
		return nil, fmt.Errorf("%d examples built, %d listed", len(b.examples), len(ids))
	}
	out := make([]demo.Example, 0, len(ids))
	for _, id := range ids {
		ex, ok := b.examples[id]
		if !ok {
			return nil, fmt.Errorf("example %s was not built", id)
		}
		out = append(out, ex)
	}
	return out, nil
}
