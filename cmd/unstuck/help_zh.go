package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// zhHelp is a command's help in Chinese: what `unstuck <cmd> --help`
// says under --lang zh. Examples stay as written: they are commands.
type zhHelp struct {
	short, long string
	flags       map[string]string // flag name → usage
}

// zhHelps holds the Chinese help of every command, by command path.
func zhHelps() map[string]zhHelp {
	return map[string]zhHelp{
		"unstuck": {
			short: "自托管钱包的自助服务台：卡住的转账、连不上的 DApp",
			long: `转账卡住、失败或找不到，或 DApp 连不上钱包时，unstuck 来帮你。
它到公共节点上核对交易哈希，并一步步带你找到下一步该做什么。

它从不索要你的助记词或私钥。任何正规的人都不会索要。`,
			flags: map[string]string{"lang": "语言：en 或 zh（默认取自 LC_ALL/LANG）", "version": "显示 unstuck 的版本"},
		},
		"unstuck check": {
			short: "在所有已知网络上诊断一笔交易",
			long: `同时在所有已知网络上查找这笔交易，并说明发生了什么：
成功、失败（以及原因）、等待中（以及它需要什么）、被替换、被丢弃或找不到。

只有交易哈希（以及用 --from 给出的公开地址）会发送给公共节点。`,
			flags: map[string]string{
				"chain": "你认为它是在哪条链上发送的（名称或 id）", "rpc": "只询问这个节点（可重复）；也可用 UNSTUCK_RPC=url,url",
				"from": "发送方地址，用来区分被丢弃和被替换", "json": "以 JSON 输出报告", "markdown": "输出一份可以贴到社区群里的报告",
				"watch": "持续关注一笔等待中的交易，直到它被打包或被替换", "timeout": "等节点多久后放弃",
				"interval": "配合 --watch：多久再查一次", "txid": "确认一个不带 0x 的 64 位十六进制串是交易 ID（TRON/比特币）",
			},
		},
		"unstuck chains": {
			short: "列出 unstuck 认识的网络和它询问的公共节点",
			flags: map[string]string{"json": "以 JSON 输出"},
		},
		"unstuck guide": {
			short: "打开一份排障指南（不在终端里时输出纯文本）",
			long: `不带 id 时列出所有指南。带指南 id（transfer、dapp、safety、help）或检查发现里的
步骤 id（例如 speed-up）时，在终端里一步步带你走，否则输出成文本。
--graph 输出一份指南的决策图（步骤 id、类型和走向），供审阅。`,
			flags: map[string]string{"graph": "输出指南的决策图（供审阅），而不是正文"},
		},
		"unstuck explain": {
			short: "说明钱包、DApp 或节点的报错是什么意思、该怎么办",
			long: `粘贴钱包或 DApp 显示的报错（中文英文都行，有没有错误码都行）。
unstuck 会找到解释它的指南步骤。不会发送任何内容。`,
			flags: map[string]string{"json": "以 JSON 输出匹配结果"},
		},
		"unstuck account": {
			short: "查看一个公开地址在每个网络上的 nonce、余额和委托",
			long: `向每个已知网络询问这个地址最新的和待处理的 nonce、余额、是否是合约，
以及是否被委托（EIP-7702）。只有这个公开地址会被发送出去。`,
			flags: map[string]string{"json": "以 JSON 输出", "rpc": "只询问这个节点（可重复）", "timeout": "等节点多久后放弃"},
		},
		"unstuck endpoint": {
			short: "检查一个自定义 RPC 节点：链对不对、是否最新、有多快、批量大小、历史状态",
			long: `向这个节点询问链 ID 和最新区块，以及一次交易查询会发出的调用（针对零哈希和零地址），
放在一个 10 个调用的批量里（被拒绝就减小），再查询零地址在 128 和 100,000 个区块之前的余额；
并把它的最新区块和这条网络的公共节点比较。
退出码：0 正常，4 有回应但有问题，3 无法连接，130 被中断。`,
			flags: map[string]string{"json": "以 JSON 输出", "chain": "这个节点应该服务的网络", "timeout": "等多久后放弃"},
		},
		"unstuck verify": {
			short: "核对一个客服联系方式、网站或 App 是不是钱包官方的",
			long: `把别人给你的链接、域名、邮箱、@账号、电话号码、App 包名或整段消息贴进来，
unstuck 会在本机对照内置的官方渠道名单（每一项都有来源）给出结论：官方、不在名单上、
仿冒、形似或诈骗话术。不在名单上不代表安全；真正的客服从不索要助记词或私钥。`,
			flags: map[string]string{"wallet": "只按这个钱包的官方渠道核对（imtoken、metamask、TP钱包 等）", "json": "以 JSON 输出结论"},
		},
		"unstuck demo": {
			short: "离线体验 unstuck：使用内置的演示链",
			long: `在 unstuck 里、只在这台电脑上启动一条演示链，它用真实节点的录音来回答，
并打开应用，附带示例交易：每种结论一个（成功、失败、等待中、被替换、被丢弃、找不到）。

不会通过网络发送任何内容。输出不是终端或使用 --json 时，改为输出每笔演示交易及其诊断。`,
			flags: map[string]string{"json": "以 JSON 输出每笔演示交易及其诊断"},
		},
		"unstuck completion": {short: "生成指定 shell 的自动补全脚本"},
		"unstuck help":       {short: "查看任一命令的帮助"},
	}
}

// zhUsage is cobra's default usage with its headings in Chinese. It is a
// function, not a template: a template would link text/template's
// reflection, which keeps every exported method in the binary (≈ 2.7 MB).
func zhUsage(c *cobra.Command) error {
	var b strings.Builder
	b.WriteString("用法：")
	if c.Runnable() {
		b.WriteString("\n  " + c.UseLine())
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n  " + c.CommandPath() + " [command]")
	}
	if len(c.Aliases) > 0 {
		b.WriteString("\n\n别名：\n  " + c.NameAndAliases())
	}
	if c.HasExample() {
		b.WriteString("\n\n示例：\n" + c.Example)
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n命令：")
		for _, s := range c.Commands() {
			if s.IsAvailableCommand() || s.Name() == "help" {
				fmt.Fprintf(&b, "\n  %-*s %s", s.NamePadding(), s.Name(), s.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\n选项：\n" + strings.TrimRightFunc(c.LocalFlags().FlagUsages(), unicode.IsSpace))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\n全局选项：\n" + strings.TrimRightFunc(c.InheritedFlags().FlagUsages(), unicode.IsSpace))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n运行 \"" + c.CommandPath() + " [command] --help\" 查看某个命令的详细说明。")
	}
	b.WriteString("\n")
	_, err := io.WriteString(c.OutOrStderr(), b.String())
	return err
}

// localizeHelp puts the Chinese help on root and every command below it.
// A command without a Chinese text keeps its English one.
func localizeHelp(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.InitDefaultVersionFlag()
	root.SetUsageFunc(zhUsage)
	helps := zhHelps()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if h, ok := helps[c.CommandPath()]; ok {
			c.Short = h.short
			if h.long != "" {
				c.Long = h.long
			}
			set := func(f *pflag.Flag) {
				if u, ok := h.flags[f.Name]; ok {
					f.Usage = u + zhDefault(f)
				}
			}
			c.LocalFlags().VisitAll(set)
			c.PersistentFlags().VisitAll(set)
		}
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = "显示 " + c.Name() + " 的帮助"
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// zhDefault says a flag's default in Chinese, and clears it from the flag
// so that pflag does not add its English " (default …)" as well.
func zhDefault(f *pflag.Flag) string {
	zero := map[string]string{"duration": "0s", "string": "", "bool": "false", "int": "0", "stringArray": "[]"}
	z, known := zero[f.Value.Type()]
	if !known || f.DefValue == z {
		return ""
	}
	def := f.DefValue
	f.DefValue = z
	return "（默认 " + def + "）"
}
