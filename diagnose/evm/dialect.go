package evm

import (
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// dialect is what EVM nodes mean by their own words, read before the
// refusal shapes every JSON-RPC host shares (noderpc.ClassifyItem):
//   - a revert is the node's answer, whatever its words say ("execution
//     reverted: rate limit of the pool" is a contract's reason, not a
//     rate limit): code 3 (geth), "execution reverted" (geth, Erigon,
//     Nethermind), "vm execution error" (OpenEthereum, older Nethermind);
//   - "header not found" and "unknown block" name a block this host does
//     not know (yet: a load-balanced endpoint's backend may lag a block;
//     ENDPOINTS.md, "Pin block numbers", bnb-chain/bsc #1054);
//   - "missing trie node" is geth's pruned state (FACTS.md, "Historical
//     state");
//   - "transaction indexing is in progress" is geth still building its
//     transaction index (FACTS.md, eth_getTransactionByHash on a new node).
func dialect(code int, low string) (noderpc.Class, bool) {
	switch {
	case code == 3 || strings.HasPrefix(low, "execution reverted") || strings.HasPrefix(low, "vm execution error"):
		return noderpc.ClassAnswer, true
	case strings.Contains(low, "header not found"), strings.Contains(low, "unknown block"):
		return noderpc.ClassUnknownBlock, true
	case strings.Contains(low, "missing trie node"):
		return noderpc.ClassNoState, true
	case strings.Contains(low, "indexing is in progress"):
		return noderpc.ClassIndexing, true
	}
	return 0, false
}
