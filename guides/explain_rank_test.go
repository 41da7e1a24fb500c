package guides

import (
	"strings"
	"testing"
)

// TestConceptNodesExist: every word combination leads to a node.
func TestConceptNodesExist(t *testing.T) {
	lib := mustLoad(t)
	rules, err := Concepts()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		if _, ok := lib.Node(r.Guide); !ok {
			t.Errorf("word combination %v leads to %q, which is no node", r.All, r.Guide)
		}
	}
}

func TestExplainRanked(t *testing.T) {
	lib := mustLoad(t)
	tests := []struct {
		name     string
		input    string
		want     string  // best node
		minScore float64 // its score at least
		maxScore float64 // and at most
	}{
		{"innermost message wins", `MetaMask - RPC Error: Internal JSON-RPC error. {"code":-32603,"message":"execution reverted: UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT"}`, "revert-slippage", 0.6, 1},
		{"ethers v5 body three levels down", `processing response error (body="{\"jsonrpc\":\"2.0\",\"id\":42,\"error\":{\"code\":-32000,\"message\":\"insufficient funds for gas * price + value\"}}", error={"code":-32000}, requestBody="{\"method\":\"eth_sendRawTransaction\"}", requestMethod="POST", url="https://rpc.ankr.com/eth", code=SERVER_ERROR, version=web/5.7.1)`, "insufficient-funds", 0.6, 1},
		{"viem details line", "ContractFunctionExecutionError: The contract function \"transfer\" reverted.\n\nDetails: execution reverted: ERC20: transfer amount exceeds balance\nVersion: viem@2.9.2", "revert-balance", 0.6, 1},
		{"hex-encoded TRON message", `{"code":"BANDWITH_ERROR","message":"4163636f756e745265736f75726365496e73756666696369656e74206572726f72"}`, "tron-bandwidth", 0.6, 1},
		{"stack trace dropped", "Error: nonce too low\n    at Object.makeError (/app/node_modules/ethers/lib/utils/errors.js:129:21)\n    at JsonRpcProvider.send (provider.js:77:1)", "nonce-too-low", 0.6, 1},
		{"generic error is triage, low", "network error, try again", "error-triage", 0.1, 0.5},
		{"generic Chinese error is triage, low", "连接失败", "error-triage", 0.1, 0.5},
		{"bitcoin reject code and reason", `{"code":-26,"message":"min relay fee not met, 730 < 731"}`, "btc-min-relay", 0.6, 1},
		{"TRON context raises the TRON node", "tronpy.exceptions.TransactionError: Transaction expired", "tron-expired", 0.5, 1},
		{"scam script", "Please see the link below to our dedicated support line: [Help Center](https://livechatsupports.app/) Ticket ID: WR240. Click on the live chat icon at the bottom corner of the page.", scamGuide, 0.85, 1},
		{"scam script in Chinese", "请联系在线客服，提供工单号并输入助记词以验证钱包", scamGuide, 0.85, 1},
		{"WalletConnect project id is the DApp's", "Error: WebSocket connection closed abnormally with code: 3000 (Authorization error: Project ID is missing)", "wc-project-id", 0.6, 1},
		{"old state", `{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"header not found"}}`, "node-missing-state", 0.6, 1},
		{"provider quota", `{"code":-32005,"message":"daily request count exceeded, request rate limited"}`, "rate-limited", 0.6, 1},
		{"extension conflict", "TypeError: Cannot redefine property: ethereum", "extension-conflict", 0.6, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lib.Explain(tt.input, En)
			if len(got) == 0 {
				t.Fatalf("nothing matched, want %s", tt.want)
			}
			if got[0].Guide != tt.want || got[0].Score < tt.minScore || got[0].Score > tt.maxScore {
				t.Fatalf("best = %s %.3f (%s), want %s in [%.2f, %.2f]; all %+v", got[0].Guide, got[0].Score, got[0].Why,
					tt.want, tt.minScore, tt.maxScore, got)
			}
			for i := 1; i < len(got); i++ {
				if got[i].Score > got[i-1].Score {
					t.Fatalf("not sorted: %+v", got)
				}
			}
		})
	}
}

// TestExplainWhyNamesSourceWords: a catalogue key is shown as its source
// wrote it, in the asked language's frame.
func TestExplainWhyNamesSourceWords(t *testing.T) {
	lib := mustLoad(t)
	got := lib.Explain("资金不足.", Zh)
	if len(got) == 0 || got[0].Guide != "insufficient-funds" || !strings.Contains(got[0].Why, "短语“资金不足") {
		t.Fatalf("got %+v", got)
	}
}

func TestUnwrap(t *testing.T) {
	u := unwrap(`outer {"error":{"code":4001,"data":{"message":"inner message"}}} reason="quoted \"deep\" reason"`)
	var texts []string
	deepest := layer{}
	for _, ly := range u.layers {
		texts = append(texts, ly.text)
		if ly.depth > deepest.depth {
			deepest = ly
		}
	}
	joined := strings.Join(texts, "|")
	for _, want := range []string{"inner message", `quoted "deep" reason`} {
		if !strings.Contains(joined, want) {
			t.Errorf("layers %q lack %q", texts, want)
		}
	}
	if deepest.text != "inner message" {
		t.Errorf("deepest layer = %q, want the inner message", deepest.text)
	}
	if len(u.codes) != 1 || u.codes[0] != "4001" {
		t.Errorf("codes = %v, want [4001]", u.codes)
	}
}

func TestUnwrapBounded(t *testing.T) {
	deep := strings.Repeat(`{"message":"m","error":`, 200) + `"x"` + strings.Repeat("}", 200)
	if u := unwrap(deep); len(u.layers) > maxLayers {
		t.Errorf("%d layers, want at most %d", len(u.layers), maxLayers)
	}
	many := strings.Repeat(`{"message":"a"} reason="b" `, 500)
	if u := unwrap(many); len(u.layers) > maxLayers || len(u.codes) > maxLayers {
		t.Errorf("%d layers, %d codes", len(u.layers), len(u.codes))
	}
}

func TestMaskNoise(t *testing.T) {
	lib := mustLoad(t)
	tests := []struct{ in, want string }{
		{"see https://infura.io/dashboard now", "see _url_ now"},
		{"from 0x9bc1169ca09555bf2721a5c9ec6d69c8073bfeb4 to", "from _addr_ to"},
		{"tx 0x" + strings.Repeat("ab", 32) + " failed", "tx _hash_ failed"},
		{"send 0.4001 eth", "send _num_ eth"},
		{"block 17474032 gone", "block _num_ gone"},
		{"code 4001 kept", "code 4001 kept"},
		{"to tr7nhqjekqxgtci8q8zy4pl8otszgjlj6t ok", "to _addr_ ok"},
		{"data 4163636f756e745265736f75726365 end", "data _hex_ end"},
	}
	for _, tt := range tests {
		if got := lib.explain().maskNoise(normalize(tt.in)); got != tt.want {
			t.Errorf("maskNoise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
