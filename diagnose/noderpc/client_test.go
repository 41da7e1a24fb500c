package noderpc_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"reflect"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/unstuck-dev/unstuck/diagnose/evm/revert"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// callArgs is eth_call's argument object as the engine sends it.
type callArgs struct {
	From *common.Address `json:"from,omitempty"`
	To   common.Address  `json:"to"`
	Gas  *hexutil.Uint64 `json:"gas,omitempty"`
	Data hexutil.Bytes   `json:"input"`
}

// TestBatchMatchesGeth sends the same batch to a simulated geth node with
// noderpc and with go-ethereum's own client: every raw result and every
// per-call error (code, message, data, revert data) must be the same.
func TestBatchMatchesGeth(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	n, err := simnode.Start(0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = n.Close() })
	failer, err := n.DeployFailer(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	to := n.Addrs[1]
	mined, err := n.Mine(ctx, simnode.Tx{From: 0, To: &to, Value: big.NewInt(1e18)})
	if err != nil {
		t.Fatal(err)
	}
	from := n.Addrs[0]
	gas, little := hexutil.Uint64(1_000_000), hexutil.Uint64(21_500)
	calls := []*noderpc.Call{
		noderpc.NewCall("eth_chainId"),
		noderpc.NewCall("eth_blockNumber"),
		noderpc.NewCall("eth_getTransactionByHash", mined.Hash()),
		noderpc.NewCall("eth_getTransactionReceipt", mined.Hash()),
		noderpc.NewCall("eth_getTransactionByHash", common.Hash{0xde, 0xad}), // null
		noderpc.NewCall("eth_getBalance", from, "latest"),
		noderpc.NewCall("eth_getTransactionCount", from, "pending"),
		noderpc.NewCall("eth_getCode", failer, "latest"),
		noderpc.NewCall("eth_feeHistory", "0x5", "latest", []float64{10, 50, 90}),
		noderpc.NewCall("eth_gasPrice"),
		noderpc.NewCall("eth_getBlockByNumber", "0x1", true),
		noderpc.NewCall("eth_call", callArgs{From: &from, To: failer, Gas: &gas, Data: simnode.MustCalldata("swapExpired", big.NewInt(0))}, "latest"),
		noderpc.NewCall("eth_call", map[string]any{"to": failer, "input": hexutil.Bytes(simnode.MustCalldata("swapV3"))}, "latest"),
		noderpc.NewCall("eth_call", callArgs{To: failer, Data: simnode.MustCalldata("divide", big.NewInt(1), big.NewInt(0))}, "latest"),
		noderpc.NewCall("eth_call", callArgs{To: failer, Data: simnode.MustCalldata("execute")}, "latest"),
		// out of gas: an error without data
		noderpc.NewCall("eth_call", callArgs{To: failer, Gas: &little, Data: simnode.MustCalldata("burn")}, "latest"),
		noderpc.NewCall("eth_getBalance", "not an address", "latest"), // invalid params
		noderpc.NewCall("unstuck_noSuchMethod", 1, "two"),             // no such method
	}

	c, err := noderpc.Dial(ctx, n.URL, noderpc.Options{Cap: len(calls)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Batch(ctx, calls); err != nil {
		t.Fatalf("batch: %v", err)
	}
	if c.Requests() != 1 {
		t.Errorf("requests = %d, want 1", c.Requests())
	}

	gc, err := rpc.DialHTTP(n.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer gc.Close()
	elems := make([]rpc.BatchElem, len(calls))
	results := make([]json.RawMessage, len(calls))
	for i, call := range calls {
		elems[i] = rpc.BatchElem{Method: call.Method, Args: call.Params, Result: &results[i]}
	}
	if err := gc.BatchCallContext(ctx, elems); err != nil {
		t.Fatalf("geth batch: %v", err)
	}

	var reverts int
	for i, call := range calls {
		t.Run(call.Method, func(t *testing.T) {
			ours, theirs := call.Err, elems[i].Error
			if (ours == nil) != (theirs == nil) {
				t.Fatalf("call %d: error %v, geth %v", i, ours, theirs)
			}
			if ours == nil {
				if !bytes.Equal(call.Result, results[i]) {
					t.Errorf("call %d: result %s, geth %s", i, call.Result, results[i])
				}
				return
			}
			sameError(t, ours, theirs)
			if b, ok := revert.FromError(ours); ok {
				reverts++
				if len(b) == 0 {
					t.Errorf("call %d: empty revert data", i)
				}
			}
		})
	}
	if reverts != 4 {
		t.Errorf("%d calls gave revert data, want 4 (the eth_calls)", reverts)
	}
	if string(calls[4].Result) != "null" {
		t.Errorf("unknown transaction: result %q, want null", calls[4].Result)
	}
}

// sameError compares a per-call error of ours with go-ethereum's.
func sameError(t *testing.T, ours, theirs error) {
	t.Helper()
	var oc, tc noderpc.CodedError
	if !errors.As(ours, &oc) || !errors.As(theirs, &tc) {
		t.Fatalf("error %T %v / geth %T %v: want both with a code", ours, ours, theirs, theirs)
	}
	if oc.ErrorCode() != tc.ErrorCode() || ours.Error() != theirs.Error() {
		t.Errorf("error %d %q, geth %d %q", oc.ErrorCode(), ours, tc.ErrorCode(), theirs)
	}
	var od, td noderpc.DataError
	if errors.As(ours, &od) != errors.As(theirs, &td) {
		t.Fatalf("error data: ours %v, geth %v", od != nil, td != nil)
	}
	if od != nil && !reflect.DeepEqual(od.ErrorData(), td.ErrorData()) {
		t.Errorf("error data %#v, geth %#v", od.ErrorData(), td.ErrorData())
	}
	ob, ook := revert.FromError(ours)
	tb, tok := revert.FromError(theirs)
	if ook != tok || !bytes.Equal(ob, tb) {
		t.Errorf("revert data %x %v, geth %x %v", ob, ook, tb, tok)
	}
}
