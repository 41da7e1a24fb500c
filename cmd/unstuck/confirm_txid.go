package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/evm"
)

// confirmTxID settles a query that holds a bare 64-hex string (a TRON or
// Bitcoin txid, or a raw private key): --txid confirms it; on a terminal
// the user is asked, after being shown the addresses such a key would
// control; otherwise it is not sent (exit 2, with how to check a txid).
func (a *app) confirmTxID(q diagnose.Query, flagged bool) (diagnose.Query, error) {
	if !q.NeedsConfirm {
		return q, nil
	}
	keys, couldBeKey := evm.PossibleKeyAddresses(q)
	switch {
	case flagged, !couldBeKey:
		return q.ConfirmTxID(), nil
	case !a.isTTY():
		return q, diagnose.UnconfirmedTxIDError()
	}
	fmt.Fprint(a.stderr, a.lang.Pick(
		"This is 64 hex characters without 0x: a TRON or Bitcoin transaction ID looks like this, and so does a raw private key.\n"+
			"Nothing has been sent. If it were a private key, it would control these addresses (worked out on this computer):\n",
		"这是 64 个不带 0x 的十六进制字符：TRON 或比特币的交易 ID 是这样的，原始私钥也是这样的。\n"+
			"还没有发送任何内容。如果它是私钥，它控制的是下面这些地址（在这台电脑上算出）：\n"))
	fmt.Fprintf(a.stderr, "  %-30s %s\n  %-30s %s\n", a.lang.Pick("EVM (Ethereum, BNB Chain …)", "EVM（以太坊、BNB Chain …）"), keys.EVM, "TRON", keys.Tron)
	fmt.Fprint(a.stderr, a.lang.Pick(
		"If one of them is your wallet's address, this is your private key: answer n and do not paste it anywhere.\n"+
			"Is it a transaction ID? [y/N] ",
		"如果其中一个是你钱包的地址，那它就是你的私钥：请回答 n，并且不要把它粘贴到任何地方。\n"+
			"它是交易 ID 吗？[y/N] "))
	line, _ := bufio.NewReader(a.stdin).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "是", "是的", "对":
		return q.ConfirmTxID(), nil
	}
	return q, diagnose.UnconfirmedTxIDError()
}
