package evm

import (
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// expiredData is Error("UniswapV2Router: EXPIRED"), as geth returned it for
// the fixture's swapExpired (diagnose/demo/recordings.json).
const expiredData = "0x08c379a000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000018556e69737761705632526f757465723a20455850495245440000000000000000"

// TestReadReplayShapes: the replay path reads revert data and reasons in
// every shape nodes use, through diagnose/evm/revert (the shapes are those of
// revert's corpus: geth, anvil, Nethermind, Hardhat).
func TestReadReplayShapes(t *testing.T) {
	tests := []struct {
		name       string
		err        *noderpc.RPCError
		wantReason string
	}{
		{name: "geth: data field", err: &noderpc.RPCError{Code: 3, Message: "execution reverted: UniswapV2Router: EXPIRED",
			Data: json.RawMessage(`"` + expiredData + `"`)}, wantReason: "UniswapV2Router: EXPIRED"},
		{name: "nethermind: data with a word in front", err: &noderpc.RPCError{Code: -32015, Message: "VM execution error.",
			Data: json.RawMessage(`"Reverted ` + expiredData + `"`)}, wantReason: "UniswapV2Router: EXPIRED"},
		{name: "nethermind: data only in the message", err: &noderpc.RPCError{Code: -32015, Message: "Reverted " + expiredData},
			wantReason: "UniswapV2Router: EXPIRED"},
		{name: "hardhat: reason string in words", err: &noderpc.RPCError{Code: -32603,
			Message: "Error: VM Exception while processing transaction: reverted with reason string 'Pausable: paused'"},
			wantReason: "Pausable: paused"},
	}
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := noderpc.NewCall("eth_call")
			c.Err = tt.err
			r := readReplay(c)
			if !r.Reverted || !r.hasReason() {
				t.Fatalf("replay = %+v, want a revert with its reason", r)
			}
			rep := &diagnose.Report{}
			data := map[string]string{}
			e.addRevert(rep, r, diagnose.RevertSourceParent, data)
			if rep.Revert.Reason != tt.wantReason || data["reason"] != tt.wantReason || data["plain"] == "" {
				t.Errorf("revert = %+v, data %v; want reason %q", rep.Revert, data, tt.wantReason)
			}
			if len(r.Data) == 0 && rep.Revert.Raw != "" {
				t.Errorf("raw %q claimed for a reason given only in words", rep.Revert.Raw)
			}
			if len(r.Data) > 0 && rep.Revert.Raw != hexutil.Encode(r.Data) {
				t.Errorf("raw = %q", rep.Revert.Raw)
			}
		})
	}
}
