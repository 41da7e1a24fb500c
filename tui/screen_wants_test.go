package tui

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// screenWant is what one screen must show, in one language, at the sizes
// given (none: 80×24 and 120×40): the key lines a full-frame golden used
// to hold, kept as text so that a layout change does not churn them.
type screenWant struct {
	screen string
	lang   string
	sizes  [][2]int
	want   []string   // in the frame
	line   [][]string // each group on one line, left to right
	absent []string   // never in the frame
}

// screenWants lists, for every screen of allScreens, what it shows. The
// canonical screens are goldens too; their rows hold what only a taller
// or wider frame shows.
func screenWants() []screenWant {
	std := [][2]int{{80, 24}, {120, 40}}
	tall := [][2]int{{120, 40}}
	edges := [][2]int{{40, 12}, {80, 24}, {200, 60}}
	return []screenWant{
		{screen: "home", lang: "en", sizes: [][2]int{{80, 24}, {200, 60}}, want: []string{"What do you need help with?",
			"> 1. My transfer is stuck, failed or missing", "8. I can't get into my wallet", "Language: English · press l for 中文",
			"↑/↓ move • enter open • l 中文 • ? help • q quit"}},
		{screen: "home", lang: "zh", sizes: [][2]int{{80, 24}, {200, 60}}, want: []string{"你需要什么帮助？",
			"> 1. 我的转账卡住了、失败了或找不到", "8. 我进不去我的钱包", "语言：中文 · 按 l 切换到 English",
			"↑/↓ 移动 • enter 打开 • l English • ? 帮助 • q 退出"}},
		{screen: "home_banner", lang: "en", sizes: std, line: [][]string{{"unstuck · home", "[DEMO CHAIN]"}},
			want: []string{"> 1. My transfer is stuck, failed or missing"}},
		{screen: "home_banner", lang: "zh", sizes: std, line: [][]string{{"unstuck · 首页", "[DEMO CHAIN]"}},
			want: []string{"> 1. 我的转账卡住了、失败了或找不到"}},
		{screen: "home_help", lang: "en", sizes: std, want: []string{"8. I can't get into my wallet"},
			line: [][]string{{"↑/k   up", "esc    close help"}, {"↓/j   down", "l      中文"}, {"enter open", "?      close help"},
				{"q      quit"}, {"ctrl+c exit now"}}},
		{screen: "home_help", lang: "zh", sizes: std, want: []string{"8. 我进不去我的钱包"},
			line: [][]string{{"↑/k   上", "esc    关闭帮助"}, {"↓/j   下", "l      English"}, {"enter 打开", "?      关闭帮助"},
				{"q      退出"}, {"ctrl+c 立即退出"}}},
		{screen: "question", lang: "en", sizes: std, want: []string{"unstuck · guide", "My transfer is stuck, failed or missing",
			"What does your wallet show for this transfer?", "  1. I'm not sure — check my transaction hash for me",
			"> 2. It is still pending / waiting", "8. My wallet showed an error and did not send it",
			"↑/↓ move • enter choose • 1-9 pick • esc back • ? help • q quit"}},
		{screen: "question", lang: "zh", sizes: std, want: []string{"unstuck · 指南", "钱包里这笔转账现在显示什么？",
			"> 2. 一直显示“打包中”或“等待中”", "8. 钱包报错，没有发出去", "↑/↓ 移动 • enter 选择 • 1-9 选择 • esc 返回 • ? 帮助 • q 退出"}},
		{screen: "answer", lang: "en", sizes: tall, want: []string{"! PENDING", "Speed up a stuck transfer",
			"That is normal.", `Next: Tap "Speed up" on the oldest pending transfer and raise both fees by at least 10%.`,
			"1-9 pick • esc back • ? help • q quit"}, absent: []string{"↑/↓ scroll"}},
		{screen: "answer", lang: "zh", sizes: tall, want: []string{"! 等待中", "给卡住的转账加速",
			"下一步：在最早那笔等待中的转账上点“加速”，两项费用都提高至少 10%。", "1-9 选择 • esc 返回 • ? 帮助 • q 退出"},
			absent: []string{"↑/↓ 滚动"}},
		{screen: "check_idle", lang: "en", sizes: std, want: []string{"unstuck · check", "Check a transaction",
			"Paste the transaction hash (0x followed by 64 characters)", "> 0x… hash or explorer link",
			"enter check • esc back • ? help • ctrl+c exit now"}},
		{screen: "check_idle", lang: "zh", sizes: std, want: []string{"unstuck · 查询", "查询一笔交易",
			"粘贴交易哈希（0x 开头，后面 64 个字符）", "> 0x… 哈希或浏览器链接", "enter 查询 • esc 返回 • ? 帮助 • ctrl+c 立即退出"}},
		{screen: "check_node", lang: "en", sizes: [][2]int{{80, 24}}, want: []string{"unstuck · guide",
			"…r is stuck, failed or missing › I'm not sure — check my transaction hash for me",
			"> 1. Paste the transaction hash", "  2. I don't have a hash", "↑/↓ move • enter choose • 1-9 pick • esc back • ? help • q quit"}},
		{screen: "check_node", lang: "en", sizes: tall, want: []string{
			"My transfer is stuck, failed or missing › I'm not sure — check my transaction hash for me", "> 1. Paste the transaction hash"}},
		{screen: "check_node", lang: "zh", sizes: std, want: []string{"我的转账卡住了、失败了或者找不到 › 我不确定，帮我查一下交易哈希",
			"> 1. 粘贴交易哈希", "  2. 我没有交易哈希", "↑/↓ 移动 • enter 选择 • 1-9 选择 • esc 返回 • ? 帮助 • q 退出"}},
		{screen: "check_examples", lang: "en", sizes: std, want: []string{"[DEMO CHAIN · offline · recorded answers, not real transactions or funds]",
			"> " + testHash, "Examples (↑/↓ to pick one):", "> Pending, fee too low  0x5c504e…2060", "  Failed swap           0xababab…abab",
			"enter check • ↑/↓ examples • esc back • ctrl+c exit now"}},
		{screen: "check_examples", lang: "en", sizes: tall, line: [][]string{{"unstuck · check", "[DEMO CHAIN · offline"}}},
		{screen: "check_examples", lang: "zh", sizes: std, want: []string{"示例（用 ↑/↓ 选择）：", "> Pending, fee too low  0x5c504e…2060",
			"enter 查询 • ↑/↓ 示例 • esc 返回 • ctrl+c 立即退出"}},
		{screen: "check_error", lang: "en", sizes: std, want: []string{"> 0x1234",
			"✗ a transaction hash is 0x followed by 64 hex characters (an address, 40);", "enter check • esc back • ctrl+c exit now"},
			absent: []string{"? help"}},
		{screen: "check_error", lang: "zh", sizes: std, want: []string{"> 0x1234",
			"✗ 交易哈希是 0x 加 64 个十六进制字符（地址是 40 个）；这里有 4 个", "enter 查询 • esc 返回 • ctrl+c 立即退出"},
			absent: []string{"? 帮助"}},
		{screen: "check_running", lang: "en", sizes: [][2]int{{80, 24}}, want: []string{"Looking on every network at once:",
			"esc back • ? help • q quit"},
			line: [][]string{{"| Ethereum        searching", "– OP Mainnet      absent"},
				{"– BNB Smart Chain absent", "| Base            searching"}, {"✗ Polygon PoS     endpoint error"}}},
		{screen: "check_running", lang: "en", sizes: tall, line: [][]string{
			{"| Ethereum        searching", "✗ Polygon PoS     endpoint error", "| Base            searching"},
			{"– BNB Smart Chain absent", "– OP Mainnet      absent"}}},
		{screen: "check_running", lang: "zh", sizes: [][2]int{{80, 24}}, want: []string{"同时在所有网络上查找：", "esc 返回 • ? 帮助 • q 退出"},
			line: [][]string{{"| Ethereum        查询中", "– OP Mainnet      没有"}, {"– BNB Smart Chain 没有", "| Base            查询中"},
				{"✗ Polygon PoS     节点出错"}}},
		{screen: "check_running", lang: "zh", sizes: tall, line: [][]string{
			{"| Ethereum        查询中", "✗ Polygon PoS     节点出错", "| Base            查询中"}, {"– BNB Smart Chain 没有", "– OP Mainnet      没有"}}},
		{screen: "result_pending", lang: "en", sizes: std, want: []string{"unstuck · result", "! PENDING on Ethereum", "What this means",
			"✗ Fee too low: the network asks more than this transaction offers  [underpriced]", "Key numbers", testHash,
			"> 1. Continue: Speed up a stuck transfer  underpriced", "  2. Write a message for support",
			"enter open • w watch • s save • c copy • n another • esc back • ? help • q quit"}},
		{screen: "result_pending", lang: "en", sizes: [][2]int{{80, 24}}, want: []string{"Next steps:   (scroll: pgup/pgdn, 0%)"}},
		{screen: "result_pending", lang: "en", sizes: tall, want: []string{"  from                 0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
			"  value                0.25 ETH", "  next base fee        9.5 gwei", "  speed up: max fee ≥  4.4 gwei", "  speed up: tip ≥      1.1 gwei",
			"  suggested max fee    20.1 gwei", "  explorer             https://etherscan.io/tx/" + testHash,
			"Asked 2 network(s), 2 endpoint(s): 1 found, 1 absent, 0 errors."}, absent: []string{"scroll: pgup/pgdn"}},
		{screen: "result_pending", lang: "zh", sizes: std, want: []string{"unstuck · 结果", "! 等待中 · Ethereum", "这意味着什么",
			"✗ 矿工费太低：网络要求的费用高于这笔交易给出的  [underpriced]", "关键数字", "> 1. 继续：给卡住的转账加速  underpriced",
			"  2. 写一条发给客服的消息", "enter 打开 • w 关注 • s 保存 • c 复制 • n 再查 • esc 返回 • ? 帮助 • q 退出"}},
		{screen: "result_pending", lang: "zh", sizes: tall, want: []string{"  下一区块基础费    9.5 gwei", "  加速：最高费用 ≥  4.4 gwei",
			"  加速：小费 ≥      1.1 gwei", "  建议最高费用      20.1 gwei", "  浏览器            https://etherscan.io/tx/" + testHash,
			"共询问 2 条链、2 个节点：找到 1，没有 1，出错 0。"}},
		{screen: "result_failed", lang: "en", sizes: tall, want: []string{
			"✗ Failed: the contract refused it (PancakeRouter: INSUFFICIENT_OUTPUT_AMOUNT)  [reverted]",
			"  fee paid   0.000393 BNB", "  revert     Error(string): PancakeRouter: INSUFFICIENT_OUTPUT_AMOUNT",
			"  explorer   https://bscscan.com/tx/" + testHash, "Asked 1 network(s), 1 endpoint(s): 1 found, 0 absent, 0 errors."},
			absent: []string{"scroll: pgup/pgdn"}},
		{screen: "result_failed", lang: "zh", sizes: tall, want: []string{"  浏览器    https://bscscan.com/tx/" + testHash,
			"共询问 1 条链、1 个节点：找到 1，没有 0，出错 0。"}, absent: []string{"滚动：pgup/pgdn"}},
		{screen: "refusal", lang: "en", sizes: std, want: []string{"unstuck · not sent",
			"✗ Not sent: that looked like a recovery phrase or a private key",
			"✓ The field has been cleared. Nothing was sent, saved or shown.", "! Real support never asks for a recovery phrase or a private key.",
			"enter back to the input • g I already shared it • esc back • ? help • q quit"}, absent: []string{"abandon"}},
		{screen: "refusal", lang: "zh", sizes: std, want: []string{"unstuck · 未发送", "✗ 没有发送：这看起来像助记词或私钥",
			"✓ 输入框已清空。没有发送、保存或显示任何内容。", "! 真正的客服永远不会索要助记词或私钥。",
			"enter 返回输入 • g 我已经泄露了 • esc 返回 • ? 帮助 • q 退出"}, absent: []string{"abandon"}},
		{screen: "explain", lang: "en", sizes: std, want: []string{"unstuck · error decoder", "Decode an error message",
			`> MetaMask - RPC Error: Unrecognized chain ID "0x38". code 4902`, "✓ What this error means:",
			"> 1. Wrong network, or the network needs to be added (4902)  code 4902", "enter open answer • esc back • ctrl+c exit now"}},
		{screen: "explain", lang: "en", sizes: tall, want: []string{`code 4902, phrase "unrecognized chain id"`}},
		{screen: "explain", lang: "zh", sizes: std, want: []string{"unstuck · 报错解读", "解读一条报错", "✓ 这条报错的意思：",
			"> 1. 网络不对，或者需要先添加网络（4902）  错误码 4902", "enter 打开解答 • esc 返回 • ctrl+c 立即退出"}},
		{screen: "explain", lang: "zh", sizes: tall, want: []string{"错误码 4902、短语“unrecognized chain id”"}},
		{screen: "account", lang: "en", sizes: tall, want: []string{
			"  Ethereum  nonce 8 · 0.25 ETH · 1 waiting · ! delegated to 0x0000000000000000000000000000000000c0ffee"}},
		{screen: "account", lang: "zh", sizes: tall, want: []string{
			"  Ethereum  nonce 8 · 0.25 ETH · 1 笔等待中 · ! 已委托给 0x0000000000000000000000000000000000c0ffee"}},
		{screen: "endpoint", lang: "en", sizes: std, want: []string{"! checked: something needs your attention",
			"  endpoint      https://rpc.example.org", "  network       BNB Smart Chain (56)", "  latest block  41000000",
			"  public nodes  41000250 (250 blocks behind)", "  latency       120 ms",
			"! The endpoint is behind: It is 250 blocks behind the public endpoints", "> 1. Continue: The custom network points at the wrong chain",
			"enter open • esc back • ? help • q quit"}},
		{screen: "endpoint", lang: "zh", sizes: std, want: []string{"! 已检查：有需要注意的地方", "  节点      https://rpc.example.org",
			"  网络      BNB Smart Chain (56)", "  公共节点  41000250（落后 250 个区块）", "  延迟      120 ms",
			"! 该节点落后了：它比公共节点落后 250 个区块：它显示的余额和 nonce 已经过时。", "> 1. 继续：自定义网络指向了错误的链"}},
		{screen: "verify", lang: "en", sizes: tall, want: []string{"✗ IMPERSONATION · imToken", "this link opens evil.example",
			"What to do", "> 1. Continue: A look-alike — do not use it"}},
		{screen: "verify", lang: "zh", sizes: tall, want: []string{"✗ 冒充 · imToken", "这个链接实际打开的是 evil.example",
			"该怎么做", "> 1. 继续：这是仿冒的——不要使用"}},
		{screen: "result_unknown", lang: "en", sizes: std, want: []string{"? UNKNOWN", "✗ no node could be asked right now",
			"Asked 2 network(s), 2 endpoint(s): 0 found, 0 absent, 2 errors.", "> 1. Continue: The check could not get an answer"}},
		{screen: "result_unknown", lang: "zh", sizes: std, want: []string{"? 未知", "✗ 现在没有任何节点能回答",
			"共询问 2 条链、2 个节点：找到 0，没有 0，出错 2。", "> 1. 继续：检查没能得到结果"}},
		{screen: "check_no_answer", lang: "en", sizes: std, want: []string{"unstuck · check", "> " + testHash,
			"✗ no node could be asked right now", "enter check • esc back • ctrl+c exit now"}},
		{screen: "check_no_answer", lang: "zh", sizes: std, want: []string{"unstuck · 查询", "> " + testHash,
			"✗ 现在没有任何节点能回答", "enter 查询 • esc 返回 • ctrl+c 立即退出"}},
		{screen: "result_copy_unconfirmed", lang: "en", sizes: std, want: []string{"! asked your terminal to copy the hash (it cannot confirm)"},
			absent: []string{"✓ hash copied"}},
		{screen: "result_copy_unconfirmed", lang: "zh", sizes: std, want: []string{"! 已请终端复制哈希（终端无法确认）"}},
		{screen: "result_saved", lang: "en", sizes: std, want: []string{"✓ report saved to", "unstuck-0x5c504ed4.md"}},
		{screen: "result_saved", lang: "zh", sizes: std, want: []string{"unstuck-0x5c504ed4.md"}},
		// The edge flows of issue 18, at their sizes.
		{screen: "result_resized", lang: "en", sizes: [][2]int{{40, 12}}, want: []string{"✗ FAILED on BNB Smart Chain · 42",
			"Next steps:   (scroll: pgup/pgdn, 100%)", "> 1. Continue: What \"failed\" means  rev…"}},
		{screen: "result_resized", lang: "en", sizes: [][2]int{{80, 24}}, want: []string{"(scroll: pgup/pgdn, 100%)",
			"  revert     Error(string): PancakeRouter: INSUFFICIENT_OUTPUT_AMOUNT", "  https://bscscan.com/tx/\n  " + testHash,
			"Asked 1 network(s), 1 endpoint(s): 1 found, 0 absent, 0 errors."}},
		{screen: "result_resized", lang: "en", sizes: [][2]int{{200, 60}}, want: []string{"What this means", "Key numbers",
			"  explorer   https://bscscan.com/tx/" + testHash}, absent: []string{"scroll: pgup/pgdn"}},
		{screen: "result_resized", lang: "zh", sizes: [][2]int{{80, 24}}, want: []string{"（滚动：pgup/pgdn，100%）",
			"  失败原因  Error(string): PancakeRouter: INSUFFICIENT_OUTPUT_AMOUNT", "共询问 1 条链、1 个节点：找到 1，没有 0，出错 0。"}},
		{screen: "result_resized", lang: "zh", sizes: [][2]int{{200, 60}}, want: []string{"这意味着什么", "关键数字"},
			absent: []string{"滚动：pgup/pgdn"}},
		{screen: "result_end", lang: "en", sizes: [][2]int{{40, 12}}, want: []string{"(scroll: pgup/pgdn, 100%)",
			"enter open • s save • c copy • n another\nesc back • ? help • q quit"}},
		{screen: "result_end", lang: "en", sizes: [][2]int{{80, 24}, {200, 60}}, want: []string{"https://bscscan.com/tx/", testHash}},
		{screen: "result_end", lang: "zh", sizes: [][2]int{{40, 12}}, want: []string{"（滚动：pgup/pgdn，100%）",
			"enter 打开 • s 保存 • c 复制 • n 再查\nesc 返回 • ? 帮助 • q 退出"}},
		{screen: "result_end", lang: "zh", sizes: [][2]int{{80, 24}}, want: []string{"  浏览器\n  https://bscscan.com/tx/\n  " + testHash}},
		{screen: "result_help", lang: "en", sizes: [][2]int{{40, 12}}, want: []string{"! PENDING on Ethereum", "pgdn  scroll down", "end   bottom"},
			line: [][]string{{"↑/k   up", "w watch"}}},
		{screen: "result_help", lang: "en", sizes: [][2]int{{80, 24}, {200, 60}},
			line: [][]string{{"↑/k   up", "w watch", "esc    close help"}, {"n another", "ctrl+c exit now"}}},
		{screen: "result_help", lang: "en", sizes: [][2]int{{200, 60}}, want: []string{"Asked 2 network(s), 2 endpoint(s)"},
			absent: []string{"pgdn", "scroll"}},
		{screen: "result_help", lang: "zh", sizes: edges, line: [][]string{{"↑/k   上", "w 关注", "esc    关闭帮助"},
			{"↓/j   下", "t 目标", "l      English"}, {"n 再查", "ctrl+c 立即退出"}}},
	}
}

// TestScreenContent draws each screen at the sizes of its rows and checks
// what it shows; every screen has rows in both languages.
func TestScreenContent(t *testing.T) {
	has := map[string]bool{}
	for _, w := range screenWants() {
		has[w.screen+"/"+w.lang] = true
		sizes := w.sizes
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d/%s", w.screen, size[0], size[1], w.lang), func(t *testing.T) {
				env := newEnv(t)
				build, ok := allScreens(t, env)[w.screen]
				if !ok {
					t.Fatalf("no screen %q", w.screen)
				}
				view := build(sized(t, env, w.lang, size[0], size[1])).View()
				trimmed := trimLines(view)
				for _, s := range w.want {
					if !strings.Contains(trimmed, s) {
						t.Errorf("lacks %q", s)
					}
				}
				for _, group := range w.line {
					if !onOneLine(trimmed, group) {
						t.Errorf("no line has %q in this order", group)
					}
				}
				for _, s := range w.absent {
					if strings.Contains(view, s) {
						t.Errorf("shows %q", s)
					}
				}
				if t.Failed() {
					t.Logf("the frame:\n%s", view)
				}
			})
		}
	}
	for _, name := range slices.Sorted(maps.Keys(allScreens(t, newEnv(t)))) {
		for _, lang := range []string{"en", "zh"} {
			if !has[name+"/"+lang] {
				t.Errorf("screen %s has no content rows in %s", name, lang)
			}
		}
	}
}

// trimLines drops the padding at the end of each line, so that a want
// spanning lines reads as the user sees it.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// onOneLine reports whether one line of s holds every part, in order.
func onOneLine(s string, parts []string) bool {
	for _, l := range strings.Split(s, "\n") {
		rest, ok := l, true
		for _, p := range parts {
			i := strings.Index(rest, p)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(p):]
		}
		if ok {
			return true
		}
	}
	return false
}
