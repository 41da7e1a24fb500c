package guides

import (
	"strings"
	"testing"
)

// TestExplain maps real-world error texts — as wallets, DApps, ethers/viem
// and nodes show them, in English and Chinese — to the node that explains
// them. The first match must be the wanted node.
func TestExplain(t *testing.T) {
	lib := mustLoad(t)
	tests := []struct {
		name  string
		input string
		want  string
	}{
		// EIP-1193 / EIP-1474 provider errors.
		{"metamask user denied", "MetaMask Tx Signature: User denied transaction signature.", "user-rejected"},
		{"eip1193 4001 json", `{"code":4001,"message":"User rejected the request."}`, "user-rejected"},
		{"ethers action rejected", `user rejected action (action="sendTransaction", reason="rejected", info={ "error": { "code": 4001 } }, code=ACTION_REJECTED, version=6.13.1)`, "user-rejected"},
		{"bare code 4001", "4001", "user-rejected"},
		{"4100 unauthorized", `{"code":4100,"message":"The requested account and/or method has not been authorized by the user."}`, "wallet-unauthorized"},
		{"4200 unsupported", "Error 4200: The Provider does not support the requested method.", "wallet-unsupported"},
		{"4900 disconnected", "code: 4900, message: The Provider is disconnected from all chains.", "wallet-disconnected"},
		{"4901 chain disconnected", "Error: 4901 The Provider is not connected to the requested chain.", "wallet-disconnected"},
		{"4902 json", `{"code":4902,"message":"Unrecognized chain ID \"0x89\". Try adding the chain using wallet_addEthereumChain first."}`, "dapp-wrong-network"},
		{"32002 pending", `MetaMask - RPC Error: Request of type 'wallet_requestPermissions' already pending for origin https://app.uniswap.org. Please wait. {code: -32002}`, "request-pending"},
		{"32002 without sign", "Error code 32002", "request-pending"},
		{"internal json-rpc", "Internal JSON-RPC error.", "internal-json-rpc"},
		{"internal with code", `MetaMask - RPC Error: Internal JSON-RPC error. {"code": -32603, "message": "Internal JSON-RPC error."}`, "internal-json-rpc"},
		{"internal wrapping slippage", `MetaMask - RPC Error: Internal JSON-RPC error. {"code":-32603,"message":"execution reverted: UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT"}`, "revert-slippage"},
		{"cannot estimate gas", "cannot estimate gas; transaction may fail or may require manual gas limit [ See: https://links.ethers.org/v5-errors-UNPREDICTABLE_GAS_LIMIT ]", "internal-json-rpc"},
		// WalletConnect.
		{"wc no matching key", "Error: No matching key. session topic doesn't exist: 7f3c…", "wc-no-matching-key"},
		{"wc pairing reused", "Pairing with existing pairing is not allowed", "wc-qr-used"},
		{"wc 5000", `{"code":5000,"message":"User rejected."}`, "user-rejected"},
		{"wc 5100", "code 5100: Unsupported chains.", "wallet-unsupported"},
		{"wc 3005", "Error 3005: Unauthorized chain", "wallet-unsupported"},
		{"wc 6000", "WalletConnect 6000 User disconnected.", "wallet-disconnected"},
		{"wc 7000", "Session settlement failed. (7000)", "wc-session-failed"},
		{"wc 7001", "code 7001 No session for topic", "wc-no-matching-key"},
		{"wc 8000", `{"code":8000,"message":"Session request expired"}`, "wc-request-expired"},
		{"qr expired", "QR code expired, please refresh", "wc-qr-expired"},
		// Node error strings.
		{"nonce too low", `{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"nonce too low: next nonce 8, tx nonce 7"}}`, "nonce-too-low"},
		{"nonce too high", "nonce too high", "nonce-gap"},
		{"replacement underpriced", "replacement transaction underpriced", "speed-up"},
		{"transaction underpriced", "err: transaction underpriced: gas tip cap 1, minimum needed 25000000000", "fee-too-low"},
		{"already known", `{"code":-32000,"message":"already known"}`, "already-known"},
		{"insufficient funds", "insufficient funds for gas * price + value: address 0xabc have 1000 want 2000", "insufficient-funds"},
		{"intrinsic gas", "intrinsic gas too low: have 20000, want 21000", "gas-settings"},
		{"exceeds block gas limit", "exceeds block gas limit", "gas-settings"},
		{"below base fee", "max fee per gas less than block base fee: address 0x1, maxFeePerGas: 1 baseFee: 7", "fee-too-low"},
		{"tip above cap", "max priority fee per gas higher than max fee per gas", "gas-settings"},
		{"txpool full", "txpool is full", "rate-limited"},
		{"missing trie node", "missing trie node 3f8a… (path ) state 0x… is not available", "reason-unavailable"},
		{"historical state", "required historical state unavailable", "reason-unavailable"},
		{"rate limit 429", "HTTP 429 Too Many Requests", "rate-limited"},
		{"rate limit 32005", `{"code":-32005,"message":"limit exceeded"}`, "rate-limited"},
		{"indexing", `{"code":-32000,"message":"transaction indexing is in progress"}`, "node-indexing"},
		{"geth out of gas", "out of gas", "out-of-gas"},
		{"anvil out of gas", "EVM error OutOfGas", "out-of-gas"},
		// Revert strings.
		{"too little received", "execution reverted: Too little received", "revert-slippage"},
		{"pancake output", "Fail with error 'PancakeRouter: INSUFFICIENT_OUTPUT_AMOUNT'", "revert-slippage"},
		{"expired", "execution reverted: UniswapV2Router: EXPIRED", "revert-deadline"},
		{"too old", "Transaction too old", "revert-deadline"},
		{"stf", "execution reverted: STF", "revert-allowance"},
		{"transfer from failed", "TransferHelper: TRANSFER_FROM_FAILED", "revert-allowance"},
		{"insufficient allowance", "execution reverted: ERC20: insufficient allowance", "revert-allowance"},
		{"exceeds balance", "execution reverted: ERC20: transfer amount exceeds balance", "revert-balance"},
		{"custom error", "reverted with custom error 'ERC20InsufficientBalance(\"0xabc\", 0, 100)'", "revert-balance"},
		{"plain revert", "Transaction has been reverted by the EVM", "failed-revert"},
		{"custom network wrong chain", "invalid chain id for signer", "endpoint-wrong-chain"},
		// What Chinese wallets and DApps show.
		{"zh failed", "交易失败", "failed-revert"},
		{"zh gas short", "Gas 不足，请充值 ETH", "insufficient-funds"},
		{"zh gas short no space", "gas不足", "insufficient-funds"},
		{"zh balance", "余额不足", "insufficient-funds"},
		{"zh miner fee", "矿工费不足，无法完成转账", "insufficient-funds"},
		{"zh network mismatch", "网络不匹配，请切换到 BNB Chain", "dapp-wrong-network"},
		{"zh request expired", "请求已过期", "wc-request-expired"},
		{"zh user rejected", "用户拒绝了请求", "user-rejected"},
		{"zh internal", "内部 JSON-RPC 错误", "internal-json-rpc"},
		{"zh fullwidth code", "错误码：－３２００２ 已有待处理的请求", "request-pending"},
		{"zh qr expired", "二维码已过期，请刷新", "wc-qr-expired"},
		{"zh no matching key", "未找到匹配的密钥", "wc-no-matching-key"},
		{"zh slippage", "兑换失败：价格变动超过滑点", "revert-slippage"},
		{"zh allowance", "授权额度不足", "revert-allowance"},
		{"zh rate limit", "请求过多，请稍后再试", "rate-limited"},
		{"zh replaced", "交易已被替换", "replaced"},
		{"zh nonce low", "Nonce 过低", "nonce-too-low"},
		{"zh fee low", "矿工费过低，交易可能长时间无法确认", "fee-too-low"},
		{"zh cancelled by user", "用户已取消", "user-rejected"},
		{"zh unsupported", "当前钱包不支持该网络", "wallet-unsupported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lib.Explain(tt.input, En)
			if len(got) == 0 {
				t.Fatalf("Explain(%q) matched nothing, want %s", tt.input, tt.want)
			}
			if got[0].Guide != tt.want {
				t.Fatalf("Explain(%q)[0] = %s (%s), want %s; all: %+v", tt.input, got[0].Guide, got[0].Why, tt.want, got)
			}
			if got[0].Title == "" || got[0].Why == "" || got[0].Score <= 0 {
				t.Errorf("incomplete match: %+v", got[0])
			}
		})
	}
}

func TestExplainNothing(t *testing.T) {
	lib := mustLoad(t)
	for _, input := range []string{"", "   ", "hello world", "今天天气不错", "49021", "0x4902", "amount 0.4001 ETH",
		"v2", `{"foo":"bar"}`, "\x1b[31m\x00\xff"} {
		if got := lib.Explain(input, En); len(got) != 0 {
			t.Errorf("Explain(%q) = %+v, want nothing", input, got)
		}
	}
}

func TestExplainWhy(t *testing.T) {
	lib := mustLoad(t)
	tests := []struct {
		name  string
		input string
		lang  Lang
		want  []string
	}{
		{"code en", "error 4902", En, []string{"code 4902"}},
		{"phrase en", "nonce too low", En, []string{`phrase "nonce too low"`}},
		{"code zh", "错误码 -32002", Zh, []string{"错误码 32002"}},
		{"phrase zh", "用户拒绝了请求", Zh, []string{"短语“用户拒绝了请求”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lib.Explain(tt.input, tt.lang)
			if len(got) == 0 {
				t.Fatalf("no match for %q", tt.input)
			}
			for _, w := range tt.want {
				if !strings.Contains(got[0].Why, w) {
					t.Errorf("Why = %q, want it to contain %q", got[0].Why, w)
				}
			}
			if n, _ := lib.Node(got[0].Guide); got[0].Title != n.Title.Get(tt.lang) {
				t.Errorf("Title = %q, want the %s title", got[0].Title, tt.lang)
			}
		})
	}
}

// TestExplainLongerPhraseHidesShorter: "replacement transaction
// underpriced" must not also count as "transaction underpriced".
func TestExplainLongerPhraseHidesShorter(t *testing.T) {
	lib := mustLoad(t)
	for _, m := range lib.Explain("replacement transaction underpriced", En) {
		if m.Guide == "fee-too-low" {
			t.Fatalf("the shorter phrase inside a longer one matched: %+v", m)
		}
	}
}

func FuzzExplain(f *testing.F) {
	lib := mustLoad(f)
	for _, s := range []string{"", "4001", `{"code":-32002}`, "Gas 不足", "ｎｏｎｃｅ　ｔｏｏ　ｌｏｗ", "\xff\xfe", "{{{{", "-", "0x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := lib.Explain(s, Zh)
		for i, m := range got {
			if _, ok := lib.Node(m.Guide); !ok {
				t.Fatalf("match %d names no node: %+v", i, m)
			}
			if i > 0 && got[i-1].Score < m.Score {
				t.Fatalf("matches not sorted: %+v", got)
			}
		}
	})
}

// TestExplainCoversFacts: every code and message listed in FACTS.md is
// recognised by some node.
func TestExplainCoversFacts(t *testing.T) {
	lib := mustLoad(t)
	facts := []string{
		// EIP-1193 / EIP-1474.
		"4001", "4100", "4200", "4900", "4901", "4902", "-32002", "-32603",
		// WalletConnect v2.
		"5000", "5100", "5101", "3005", "6000", "7000", "7001", "8000",
		"pairing with existing pairing is not allowed", "No matching key",
		// Node error strings.
		"nonce too low", "nonce too high", "replacement transaction underpriced", "transaction underpriced",
		"already known", "insufficient funds for gas * price + value", "intrinsic gas too low",
		"exceeds block gas limit", "max fee per gas less than block base fee",
		"max priority fee per gas higher than max fee per gas", "txpool is full", "missing trie node",
		"required historical state unavailable", "HTTP 429", "-32005", "-32029",
		"transaction indexing is in progress", "execution reverted", "out of gas", "EVM error OutOfGas",
		// Revert strings and custom errors.
		"UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT", "Too little received", "UniswapV2Router: EXPIRED",
		"Transaction too old", "TransferHelper: TRANSFER_FROM_FAILED", "STF",
		"ERC20: transfer amount exceeds balance", "ERC20: insufficient allowance",
		"PancakeRouter: INSUFFICIENT_OUTPUT_AMOUNT", "PancakeRouter: EXPIRED",
		"reverted with panic code 0x11 (Arithmetic operation overflowed)",
		"ERC20InsufficientBalance", "ERC20InsufficientAllowance", "ERC20InvalidReceiver", "ERC20InvalidSender",
		"ERC20InvalidApprover", "ERC20InvalidSpender", "ERC721NonexistentToken", "ERC721IncorrectOwner",
		"ERC721InsufficientApproval", "ERC721InvalidReceiver", "ERC721InvalidOwner", "ERC1155InsufficientBalance",
		"ERC1155MissingApprovalForAll", "SafeERC20FailedOperation", "AddressEmptyCode", "FailedInnerCall",
		"FailedCall", "InsufficientBalance", "OwnableUnauthorizedAccount", "EnforcedPause",
		"ReentrancyGuardReentrantCall", "ERC2612ExpiredSignature", "ERC2612InvalidSigner", "V3TooLittleReceived",
		"V3TooMuchRequested", "V2TooLittleReceived", "V2TooMuchRequested", "V2InvalidPath", "V3InvalidSwap",
		"TransactionDeadlinePassed", "ExecutionFailed", "InsufficientETH", "InsufficientToken",
		"V4TooLittleReceived", "AllowanceExpired", "InsufficientAllowance", "InvalidNonce", "SignatureExpired",
		"InvalidSignature", "FailedOp",
	}
	for _, f := range facts {
		if got := lib.Explain(f, En); len(got) == 0 {
			t.Errorf("FACTS.md item %q is not recognised", f)
		}
	}
}
