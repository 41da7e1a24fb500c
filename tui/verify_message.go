package tui

import (
	"fmt"
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/guides"
)

// supportMessageGuide is the help answer that shows the message.
const supportMessageGuide = "ask-for-help"

// supportMessage writes a ready-to-send request for help from a report,
// in lang, on one line (it fills a guide placeholder). It uses public facts
// only — network, hash, status, addresses, findings, the explorer link —
// never anything the user typed besides the hash.
func supportMessage(lang guides.Lang, rep *diagnose.Report) string {
	if rep == nil {
		return ""
	}
	var parts []string
	add := func(en, zh string, args ...any) {
		parts = append(parts, fmt.Sprintf(lang.Pick(en, zh), args...))
	}
	add("Hello, I need help with a transaction.", "你好，我有一笔交易需要帮助。")
	if rep.Chain != nil && rep.Chain.Name != "" {
		add("Network: %s.", "网络：%s。", clean(rep.Chain.Name))
	}
	hash := ""
	if rep.Tx != nil {
		hash = rep.Tx.Hash
	}
	if hash == "" {
		hash = rep.Input
	}
	if hash != "" {
		add("Transaction: %s.", "交易哈希：%s。", clean(hash))
	}
	add("Status: %s.", "状态：%s。", statusWords(lang, rep.Status))
	if rep.Tx != nil {
		if rep.Tx.From != "" {
			add("From: %s.", "发送方：%s。", clean(rep.Tx.From))
		}
		if rep.Tx.To != "" {
			add("To: %s.", "接收方：%s。", clean(rep.Tx.To))
		}
	}
	for _, t := range rep.Transfers {
		if t.Amount != "" && t.Symbol != "" {
			add("Token transfer: %s %s.", "代币转账：%s %s。", clean(t.Amount), clean(t.Symbol))
			break
		}
	}
	var titles []string
	for _, f := range rep.Findings {
		if f.Title != "" {
			titles = append(titles, clean(f.Title))
		}
	}
	if len(titles) > 0 {
		add("unstuck (a local checker) found: %s.", "unstuck（本地检查工具）发现：%s。", strings.Join(titles, lang.Pick("; ", "；")))
	}
	if rep.Chain != nil && rep.Chain.ExplorerTxURL != "" {
		add("Explorer: %s", "区块浏览器：%s", clean(rep.Chain.ExplorerTxURL))
	}
	add("What I expected: (one sentence). What happened: (one sentence).", "我预期：（一句话）。实际发生：（一句话）。")
	sep := " "
	if lang == guides.Zh {
		sep = ""
	}
	return strings.Join(parts, sep)
}

// statusWords is a report status in words.
func statusWords(lang guides.Lang, s diagnose.Status) string {
	switch s {
	case diagnose.StatusSuccess:
		return lang.Pick("confirmed, succeeded", "已确认，成功")
	case diagnose.StatusFailed:
		return lang.Pick("confirmed, failed", "已确认，失败")
	case diagnose.StatusPending:
		return lang.Pick("pending", "等待中")
	case diagnose.StatusReplaced:
		return lang.Pick("replaced by another transaction", "已被另一笔交易替换")
	case diagnose.StatusDropped:
		return lang.Pick("dropped from the pool", "已被交易池丢弃")
	case diagnose.StatusNotFound:
		return lang.Pick("not found on the network", "在网络上找不到")
	}
	return lang.Pick("unknown", "未知")
}
