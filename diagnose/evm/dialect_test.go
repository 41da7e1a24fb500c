package evm

import (
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

func TestDialect(t *testing.T) {
	tests := []struct {
		code int
		msg  string
		want noderpc.Class
	}{
		// a revert is an answer, whatever its words say
		{3, "execution reverted: rate limit of the pool", noderpc.ClassAnswer},
		{-32000, "execution reverted: archive missing", noderpc.ClassAnswer},
		{-32015, "VM execution error.", noderpc.ClassAnswer},
		{-32000, "missing trie node 1234 (path )", noderpc.ClassNoState},
		{-32000, "header not found", noderpc.ClassUnknownBlock},
		{-32000, "unknown block", noderpc.ClassUnknownBlock},
		{-32000, "transaction indexing is in progress", noderpc.ClassIndexing},
		// the shapes every host shares still apply
		{-32005, "rate limit exceeded", noderpc.ClassRateLimit},
		{-32602, "Archive requests require a personal token. Get one at: https://www.allnodes.com/publicnode", noderpc.ClassNoState},
		{-32000, "nonce too low", noderpc.ClassAnswer},
	}
	for _, tt := range tests {
		if got := noderpc.Dialect(dialect).ClassifyItem(tt.code, tt.msg); got != tt.want {
			t.Errorf("ClassifyItem(%d, %q) = %d, want %d", tt.code, tt.msg, got, tt.want)
		}
	}
	if f := noderpc.Dialect(dialect).ClassifyRPC(-32000, "transaction indexing is in progress", nil); f.Fault != noderpc.FaultIndexing {
		t.Errorf("indexing: %s", f.Fault)
	}
	if f := noderpc.Dialect(dialect).ClassifyRPC(-32000, "header not found", nil); f.Fault != noderpc.FaultNoState {
		t.Errorf("unknown block: %s", f.Fault)
	}
}
