package evm

import (
	"bufio"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// anvilNode is Foundry's anvil, a second, independent node implementation,
// started on a free loopback port with automatic mining off.
type anvilNode struct {
	url  string
	rpc  *rpc.Client
	accs []common.Address
}

func anvilPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("UNSTUCK_ANVIL"); p != "" {
		return p
	}
	if p, err := exec.LookPath("anvil"); err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatal("anvil not found: .ci/run installs it from npm and sets UNSTUCK_ANVIL")
	}
	t.Skip("anvil not installed (npm install @foundry-rs/anvil-linux-amd64; set UNSTUCK_ANVIL)")
	return ""
}

func startAnvil(t *testing.T, chainID uint64) *anvilNode {
	t.Helper()
	bin := anvilPath(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(bin, "--host", "127.0.0.1", "--port", strconv.Itoa(port), "--chain-id", strconv.FormatUint(chainID, 10),
		"--no-mining", "--accounts", "4")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "Listening on") {
				close(ready)
				break
			}
		}
		for sc.Scan() {
		}
	}()
	select {
	case <-ready:
	case <-time.After(20 * time.Second):
		t.Fatal("anvil did not start")
	}
	a := &anvilNode{url: "http://127.0.0.1:" + strconv.Itoa(port)}
	if a.rpc, err = rpc.Dial(a.url); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.rpc.Close)
	if err := a.rpc.Call(&a.accs, "eth_accounts"); err != nil {
		t.Fatal(err)
	}
	return a
}

func (a *anvilNode) send(t *testing.T, tx map[string]any) common.Hash {
	t.Helper()
	var h common.Hash
	if err := a.rpc.Call(&h, "eth_sendTransaction", tx); err != nil {
		t.Fatalf("anvil send: %v", err)
	}
	return h
}

func (a *anvilNode) mine(t *testing.T) {
	t.Helper()
	if err := a.rpc.Call(nil, "evm_mine"); err != nil {
		t.Fatal(err)
	}
}

func (a *anvilNode) deployFailer(t *testing.T) common.Address {
	t.Helper()
	code, err := os.ReadFile("../internal/simnode/contracts/Failer.bin")
	if err != nil {
		t.Fatal(err)
	}
	h := a.send(t, map[string]any{"from": a.accs[0], "data": "0x" + strings.TrimSpace(string(code)), "gas": "0x4c4b40"})
	a.mine(t)
	var r struct {
		ContractAddress common.Address `json:"contractAddress"`
	}
	if err := a.rpc.Call(&r, "eth_getTransactionReceipt", h); err != nil {
		t.Fatal(err)
	}
	return r.ContractAddress
}

func TestAnvilEndToEnd(t *testing.T) {
	a := startAnvil(t, 31337)
	failer := a.deployFailer(t)
	wei := (*hexutil.Big)(big.NewInt(1e18))
	ok := a.send(t, map[string]any{"from": a.accs[0], "to": a.accs[1], "value": wei})
	reverted := a.send(t, map[string]any{"from": a.accs[1], "to": failer, "gas": "0x30d40",
		"data": hexutil.Bytes(simnode.MustCalldata("swapExpired", big.NewInt(1)))})
	custom := a.send(t, map[string]any{"from": a.accs[2], "to": failer, "gas": "0x30d40",
		"data": hexutil.Bytes(simnode.MustCalldata("swapV3"))})
	a.mine(t)

	tests := []struct {
		name   string
		hash   common.Hash
		status diagnose.Status
		code   diagnose.Code
		revert string
	}{
		{name: "success", hash: ok, status: diagnose.StatusSuccess, code: diagnose.CodeLowConfirmations},
		{name: "reverted with reason", hash: reverted, status: diagnose.StatusFailed, code: diagnose.CodeReverted, revert: "UniswapV2Router: EXPIRED"},
		{name: "custom error", hash: custom, status: diagnose.StatusFailed, code: diagnose.CodeReverted, revert: "V3TooLittleReceived()"},
		{name: "not found", hash: crypto.Keccak256Hash([]byte("anvil")), status: diagnose.StatusNotFound, code: diagnose.CodeNotFound},
	}
	env := newEnv(t, a.url)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := env.check(tt.hash, diagnose.CheckOptions{})
			wantStatus(t, rep, tt.status)
			mustFinding(t, rep, tt.code)
			if tt.revert != "" && (rep.Revert == nil || (rep.Revert.Reason != tt.revert && rep.Revert.Name != tt.revert)) {
				t.Errorf("revert = %+v, want %s", rep.Revert, tt.revert)
			}
		})
	}

	t.Run("nonce gap", func(t *testing.T) {
		var next hexutil.Uint64
		if err := a.rpc.Call(&next, "eth_getTransactionCount", a.accs[3], "latest"); err != nil {
			t.Fatal(err)
		}
		h := a.send(t, map[string]any{"from": a.accs[3], "to": a.accs[0], "value": wei, "nonce": hexutil.Uint64(uint64(next) + 2)})
		rep := env.check(h, diagnose.CheckOptions{})
		wantStatus(t, rep, diagnose.StatusPending)
		f := mustFinding(t, rep, diagnose.CodeNonceGap)
		if f.Data["missing_nonce"] != fmt.Sprint(uint64(next)) {
			t.Errorf("nonce_gap = %v", f.Data)
		}
	})

	t.Run("replaced", func(t *testing.T) {
		fee := big.NewInt(5e9)
		h := a.send(t, map[string]any{"from": a.accs[1], "to": a.accs[0], "value": wei,
			"maxFeePerGas": (*hexutil.Big)(fee), "maxPriorityFeePerGas": (*hexutil.Big)(big.NewInt(1e9))})
		pending := env.check(h, diagnose.CheckOptions{})
		wantStatus(t, pending, diagnose.StatusPending)
		nonce := pending.Tx.Nonce
		a.send(t, map[string]any{"from": a.accs[1], "to": a.accs[0], "value": wei, "nonce": hexutil.Uint64(nonce),
			"maxFeePerGas": (*hexutil.Big)(big.NewInt(9e9)), "maxPriorityFeePerGas": (*hexutil.Big)(big.NewInt(3e9))})
		a.mine(t)
		rep := env.check(h, diagnose.CheckOptions{})
		wantStatus(t, rep, diagnose.StatusReplaced)
		mustFinding(t, rep, diagnose.CodeReplaced)
	})

	t.Run("wrong chain", func(t *testing.T) {
		other := startAnvil(t, 777)
		rep := newEnv(t, a.url, other.url).check(ok, diagnose.CheckOptions{Chain: 777})
		wantStatus(t, rep, diagnose.StatusSuccess)
		mustFinding(t, rep, diagnose.CodeWrongChain)
		if rep.Chain.ID != 31337 {
			t.Errorf("chain = %+v", rep.Chain)
		}
	})
}
