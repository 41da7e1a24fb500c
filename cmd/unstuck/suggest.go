package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// rootArgs refuses arguments after a bare `unstuck`, with a way forward: a
// hash or a link is meant for `check`, an address for `account`, and a
// mistyped command gets the commands it is close to.
func (a *app) rootArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return badInput("%s", a.suggest(cmd, args[0]))
}

// suggest says what to type instead of `unstuck <arg>`. The argument is
// repeated only when it cannot be a key: a bare 64-hex string may be a
// private key, so it is never echoed (the arguments were screened for
// secrets before cobra saw them).
func (a *app) suggest(cmd *cobra.Command, arg string) string {
	l := a.lang
	q, err := diagnose.ParseInput(arg, nil)
	echo := strings.HasPrefix(strings.ToLower(arg), "0x") || strings.Contains(arg, "://")
	shown := arg
	if !echo {
		shown = l.Pick("<tx-hash>", "<交易哈希>")
	}
	switch {
	case err == nil && q.Kind == diagnose.KindAddress:
		return fmt.Sprintf(l.Pick("that looks like an address: to see its nonces and balance, run\n  unstuck account %s",
			"这看起来是一个地址：要查看它的 nonce 和余额，请运行\n  unstuck account %s"), shown)
	case err == nil || looksLikeRef(arg):
		return fmt.Sprintf(l.Pick("to check a transaction, put check before it:\n  unstuck check %s",
			"要查询一笔交易，请在前面加上 check：\n  unstuck check %s"), shown)
	}
	name := arg
	if len(name) > 40 {
		name = name[:40] + "…"
	}
	msg := fmt.Sprintf(l.Pick("unknown command %q", "没有 %q 这个命令"), name)
	if s := cmd.SuggestionsFor(arg); len(s) > 0 {
		return msg + l.Pick("; did you mean this?\n  unstuck ", "；你是不是想输入：\n  unstuck ") + strings.Join(s, "\n  unstuck ")
	}
	return msg + l.Pick("; run `unstuck --help` to see the commands", "；运行 `unstuck --help` 查看所有命令")
}

// looksLikeRef: a (perhaps shortened or mistyped) hash, address or link,
// rather than a word — long, or starting like one.
func looksLikeRef(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "0x") || strings.Contains(l, "://") || len(s) >= 26
}
