package diagnose

import (
	"fmt"
	"math/big"
	"strings"
)

// Glyph pairs each status with a mark that reads without colour.
func Glyph(s Status) string {
	switch s {
	case StatusSuccess:
		return "✓"
	case StatusFailed:
		return "✗"
	case StatusPending, StatusReplaced, StatusDropped:
		return "!"
	}
	return "?"
}

// StatusWord is a status in the user's language.
func StatusWord(s Status, lang string) string {
	en := map[Status]string{StatusSuccess: "SUCCESS", StatusFailed: "FAILED", StatusPending: "PENDING",
		StatusReplaced: "REPLACED", StatusDropped: "DROPPED", StatusNotFound: "NOT FOUND", StatusUnknown: "UNKNOWN"}
	zh := map[Status]string{StatusSuccess: "成功", StatusFailed: "失败", StatusPending: "等待中",
		StatusReplaced: "已被替换", StatusDropped: "已丢弃", StatusNotFound: "未找到", StatusUnknown: "未知"}
	if lang == "zh" {
		return zh[s]
	}
	return en[s]
}

// SeverityGlyph marks a finding's severity without colour.
func SeverityGlyph(s Severity) string {
	switch s {
	case SevError:
		return "✗"
	case SevWarn:
		return "!"
	}
	return "•"
}

// label is a field name in the user's language.
func label(lang, en, zh string) string {
	if lang == "zh" {
		return zh
	}
	return en
}

// Headline is the one-line verdict: glyph, word, chain, confirmations.
func Headline(rep *Report, lang string) string {
	h := Glyph(rep.Status) + " " + StatusWord(rep.Status, lang)
	if rep.Chain != nil {
		h += label(lang, " on ", " · ") + Sanitize(rep.Chain.Name)
	}
	if rep.Status == StatusSuccess || rep.Status == StatusFailed {
		switch {
		case lang == "zh":
			h += fmt.Sprintf(" · %d 个确认", rep.Confirmations)
		case rep.Confirmations == 1:
			h += " · 1 confirmation"
		default:
			h += fmt.Sprintf(" · %d confirmations", rep.Confirmations)
		}
	}
	if rep.Demo {
		h += label(lang, "  [DEMO CHAIN]", "  [演示链]")
	}
	return h
}

// KeyNumbers lists the key numbers of a report as label/value rows.
func KeyNumbers(rep *Report, lang string) [][2]string {
	if rep.Family == FamilyTron || rep.Family == FamilyBitcoin {
		return familyKeyNumbers(rep, lang)
	}
	var rows [][2]string
	add := func(en, zh, v string) {
		if v != "" {
			rows = append(rows, [2]string{label(lang, en, zh), v})
		}
	}
	sym := UnknownEVMCoin
	if rep.Chain != nil && rep.Chain.Symbol != "" {
		sym = rep.Chain.Symbol
	}
	if tx := rep.Tx; tx != nil {
		add("tx", "交易", tx.Hash)
		add("from", "发送方", tx.From)
		add("to", "接收方", tx.To)
		add("nonce", "nonce", fmt.Sprint(tx.Nonce))
		if v, ok := new(big.Int).SetString(tx.ValueWei, 10); ok && v.Sign() > 0 {
			add("value", "金额", FormatUnits(v, WeiDecimals)+" "+sym)
		}
		add("method", "调用", tx.Method)
		add("max fee", "最高费用", weiGwei(tx.MaxFeePerGasWei))
		add("tip", "小费", weiGwei(tx.MaxPriorityFeeWei))
		if tx.MaxFeePerGasWei == "" {
			add("gas price", "Gas 价格", weiGwei(tx.GasPriceWei))
		}
		add("blob fee cap", "Blob 费用上限", weiGwei(tx.MaxFeePerBlobGasWei))
	}
	if r := rep.Receipt; r != nil {
		add("block", "区块", fmt.Sprint(r.Block))
		add("gas used", "已用 Gas", fmt.Sprint(r.GasUsed))
		if v, ok := new(big.Int).SetString(r.FeeWei, 10); ok {
			add("fee paid", "矿工费", FormatUnits(v, WeiDecimals)+" "+sym)
		}
		if v, ok := new(big.Int).SetString(r.BlobFeeWei, 10); ok {
			add("blob fee", "Blob 费用", FormatUnits(v, WeiDecimals)+" "+sym)
		}
		add("contract created", "创建的合约", r.ContractAddress)
	}
	if f := rep.Fees; f != nil {
		add("next base fee", "下一区块基础费", weiGwei(f.NextBaseFeeWei))
		add("speed up: max fee ≥", "加速：最高费用 ≥", weiGwei(f.ReplacementMinMaxFeeWei))
		add("speed up: tip ≥", "加速：小费 ≥", weiGwei(f.ReplacementMinTipWei))
		add("speed up: blob fee cap ≥", "加速：Blob 费用上限 ≥", weiGwei(f.ReplacementMinBlobFeeCapWei))
		add("suggested max fee", "建议最高费用", weiGwei(f.SuggestedMaxFeeWei))
		add("suggested tip", "建议小费", weiGwei(f.SuggestedTipWei))
		add("blob base fee", "Blob 基础费", weiGwei(f.BlobBaseFeeWei))
	}
	if rv := rep.Revert; rv != nil {
		add("revert", "失败原因", revertLine(rv, lang))
	}
	for _, t := range rep.Transfers {
		amount := t.Amount
		switch {
		case t.Standard == "erc721":
			amount = "#" + t.TokenID
		case t.Decimals == nil:
			amount = t.RawValue + label(lang, " raw units (decimals unknown)", " 个最小单位（小数位未知）")
		}
		add("transfer", "代币转账", strings.TrimSpace(fmt.Sprintf("%s %s → %s", amount, Sanitize(t.Symbol), t.To)))
	}
	if rep.Chain != nil {
		add("explorer", "浏览器", rep.Chain.ExplorerTxURL)
	}
	return rows
}

// revertLine is the revert's name and reason, the name once: a custom
// error without arguments decodes to a reason that is its own name.
func revertLine(rv *Revert, lang string) string {
	name, reason := rv.Name, strings.TrimSpace(rv.Reason)
	if lang == "zh" && rv.ReasonZH != "" {
		reason = strings.TrimSpace(rv.ReasonZH)
	}
	switch {
	case name == "":
		return reason
	case reason == "":
		return name
	}
	if i := strings.IndexByte(name, '('); i > 0 && strings.HasPrefix(reason, name[:i+1]) {
		return reason // "V3TooLittleReceived()", "InsufficientBalance(1, 2)"
	}
	return name + ": " + reason
}

func weiGwei(s string) string {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return ""
	}
	return gwei(v)
}

// textColumns is the terminal width Text lines its key numbers up for.
const textColumns = 80

// Text renders a report as plain text: readable without colour, stable
// enough to paste.
func Text(rep *Report, lang string) string {
	var b strings.Builder
	b.WriteString(Headline(rep, lang) + "\n")
	rows := KeyNumbers(rep, lang)
	width := 0
	for _, r := range rows {
		width = max(width, cellWidth(r[0]))
	}
	for _, r := range rows {
		if !strings.ContainsAny(r[1], " \t") && width+cellWidth(r[1])+4 > textColumns {
			// A hash or link that would run past the terminal's edge
			// starts on its own line, so that it is never broken.
			fmt.Fprintf(&b, "  %s\n    %s\n", r[0], r[1])
			continue
		}
		fmt.Fprintf(&b, "  %s%s  %s\n", r[0], strings.Repeat(" ", width-cellWidth(r[0])), r[1])
	}
	if len(rep.Findings) > 0 {
		b.WriteString("\n" + label(lang, "What this means", "这意味着什么") + "\n")
	}
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "  %s %s\n", SeverityGlyph(f.Severity), f.Title)
		if f.Detail != "" {
			fmt.Fprintf(&b, "    %s\n", f.Detail)
		}
		if f.Guide != "" {
			fmt.Fprintf(&b, "    → unstuck guide %s\n", f.Guide)
		}
	}
	b.WriteString("\n" + searchedLine(rep, lang) + "\n")
	return b.String()
}

// cellWidth is how many terminal columns s takes: Chinese characters and
// full-width punctuation take two, so that zh labels line up.
func cellWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case r >= 0x1100 && (r <= 0x115f || r >= 0x2e80 && r <= 0xa4cf || r >= 0xac00 && r <= 0xd7a3 ||
			r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f || r >= 0xff00 && r <= 0xff60 || r >= 0xffe0 && r <= 0xffe6 ||
			r >= 0x20000 && r <= 0x3fffd):
			w += 2
		default:
			w++
		}
	}
	return w
}

// searchedLine summarizes what was asked.
func searchedLine(rep *Report, lang string) string {
	chainsSeen := map[uint64]bool{}
	counts := map[string]int{}
	for _, s := range rep.Searched {
		chainsSeen[s.ChainID] = true
		if s.Fault == "cancelled" {
			counts["skipped"]++
			continue
		}
		counts[s.Result]++
	}
	if lang == "zh" {
		return fmt.Sprintf("已查询：%d 条链，%d 个节点（找到 %d，没有 %d，出错 %d）",
			len(chainsSeen), len(rep.Searched), counts["found"], counts["absent"], counts["error"])
	}
	return fmt.Sprintf("Searched %d network(s), %d endpoint(s): %d found, %d absent, %d errors",
		len(chainsSeen), len(rep.Searched), counts["found"], counts["absent"], counts["error"])
}
