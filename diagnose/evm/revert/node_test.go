package revert

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
)

// revertingInitCode is EVM creation code that reverts with payload:
// CODECOPY the payload (appended after these 12 bytes) to memory, REVERT it.
func revertingInitCode(payload []byte) []byte {
	n := len(payload)
	code := []byte{
		0x61, byte(n >> 8), byte(n), // PUSH2 len
		0x60, 0x0c, // PUSH1 12 (offset of the payload in the code)
		0x5f,                        // PUSH0 (memory offset)
		0x39,                        // CODECOPY
		0x61, byte(n >> 8), byte(n), // PUSH2 len
		0x5f, // PUSH0
		0xfd, // REVERT
	}
	return append(code, payload...)
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestRealNode replays revert payloads through geth's simulated backend,
// served over HTTP on loopback, and reads them back from the errors a real
// go-ethereum client returns.
func TestRealNode(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a simulated geth node")
	}
	port := freePort(t)
	sim := simulated.NewBackend(types.GenesisAlloc{}, func(nc *node.Config, _ *ethconfig.Config) {
		nc.HTTPHost = "127.0.0.1"
		nc.HTTPPort = port
		nc.HTTPModules = []string{"eth"}
	})
	t.Cleanup(func() { sim.Close() })
	sim.Commit()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cl, err := ethclient.DialContext(ctx, fmt.Sprintf("http://127.0.0.1:%d", port))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()

	tests := []struct {
		name       string
		input      []byte
		wantHint   string
		wantReason string // what geth spells out in the message
	}{
		{name: "Error(string)", input: enc(t, "Error(string)", "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT"),
			wantHint: HintSlippage, wantReason: "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT"},
		{name: "Panic", input: enc(t, "Panic(uint256)", bi(0x12)), wantHint: HintArithmetic, wantReason: "division or modulo by zero"},
		{name: "custom error", input: enc(t, "ERC20InsufficientAllowance(address,uint256,uint256)", addr(hexA), bi(0), bi(1)),
			wantHint: HintAllowance, wantReason: ""},
		{name: "ExecutionFailed", input: enc(t, "ExecutionFailed(uint256,bytes)", bi(1), enc(t, "V2TooLittleReceived()")),
			wantHint: HintSlippage, wantReason: ""},
		{name: "hostile string", input: enc(t, "Error(string)", "\x1b[2J\x1b]0;hi\x07gone\u202e"), wantHint: HintUnknown, wantReason: "gone"},
	}
	d := NewDecoder()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cl.CallContract(ctx, ethereum.CallMsg{Data: revertingInitCode(tt.input)}, nil)
			if err == nil {
				t.Fatal("call did not revert")
			}
			data, ok := FromError(err)
			if !ok || !bytes.Equal(data, tt.input) {
				t.Fatalf("FromError = %x, %v; want %x", data, ok, tt.input)
			}
			if got := d.Decode(data); got.Hint != tt.wantHint {
				t.Errorf("Decode hint = %q, want %q (%+v)", got.Hint, tt.wantHint, got)
			}
			if reason, _ := FromMessage(err.Error()); reason != tt.wantReason {
				t.Errorf("FromMessage(%q) reason = %q, want %q", err.Error(), reason, tt.wantReason)
			}
		})
	}

	t.Run("no data", func(t *testing.T) {
		_, err := cl.CallContract(ctx, ethereum.CallMsg{Data: revertingInitCode(nil)}, nil)
		if err == nil {
			t.Fatal("call did not revert")
		}
		if data, _ := FromError(err); len(data) != 0 {
			t.Errorf("FromError = %x, want nothing", data)
		}
		if got := d.Decode(nil); got.Hint != HintEmpty {
			t.Errorf("Decode(nil).Hint = %q", got.Hint)
		}
	})
}
