package guides

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// readWords are the readable renderer's own words in both languages.
func readWords(lang Lang) map[string]string {
	if lang == Zh {
		return map[string]string{
			"open":     "在终端里运行 `unstuck guide %s`，会一次问你一个问题。",
			"goto":     "→ 见 `unstuck guide %s`",
			"check_tx": "运行 `unstuck check <交易哈希>`，然后按结果继续：",
			"check_ac": "运行 `unstuck account <地址>`，然后按结果继续：",
			"check_ep": "运行 `unstuck endpoint <RPC 地址>`，然后按结果继续：",
			"check_ex": "运行 `unstuck explain <报错内容>`，然后按结果继续：",
			"finding":  "查出 %s 时",
			"skip":     "没有可粘贴的内容时",
			"next":     "下一步：",
			"related":  "另见：",
			"sep":      "、",
			"success":  "成功时", "failed": "失败时", "pending": "等待中时", "replaced": "被替换时",
			"dropped": "被丢弃时", "not_found": "找不到时", "unknown": "无法判断时", "ok": "查完没有特别发现时",
			"no_match": "没有匹配到时",
		}
	}
	return map[string]string{
		"open":     "On a terminal, `unstuck guide %s` asks you one question at a time.",
		"goto":     "→ see `unstuck guide %s`",
		"check_tx": "Run `unstuck check <tx-hash>`, then go on by what it says:",
		"check_ac": "Run `unstuck account <address>`, then go on by what it says:",
		"check_ep": "Run `unstuck endpoint <rpc-url>`, then go on by what it says:",
		"check_ex": "Run `unstuck explain <error text>`, then go on by what it says:",
		"finding":  "if it finds %s",
		"skip":     "if you have nothing to paste",
		"next":     "Next: ",
		"related":  "See also: ",
		"sep":      ", ",
		"success":  "if it succeeded", "failed": "if it failed", "pending": "if it is pending", "replaced": "if it was replaced",
		"dropped": "if it was dropped", "not_found": "if it was not found", "unknown": "if it cannot tell", "ok": "if nothing stands out",
		"no_match": "if nothing matched",
	}
}

// RenderText writes one tree as a guide to read: its title and summary,
// then every step in file order — questions with their choices, checks
// with the command to run and where each result leads, answers with their
// steps — placeholders filled with readable fallbacks. Each step says the
// `unstuck guide <id>` that opens it. It contains no escape codes; it is
// what `unstuck guide <id>` prints when stdout is not a terminal.
func (l *Library) RenderText(w io.Writer, treeID string, lang Lang) error {
	t, ok := l.byID[treeID]
	if !ok {
		return fmt.Errorf("no guide %q (try `unstuck guide` for the list)", treeID)
	}
	wd := readWords(lang)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n%s\n\n%s\n", oneLine(t.Title.Get(lang)), strings.TrimSpace(t.Summary.Get(lang)), fmt.Sprintf(wd["open"], t.ID))
	for _, n := range t.Nodes {
		fmt.Fprintln(bw)
		l.readNode(bw, n, lang, wd)
	}
	return bw.Flush()
}

// RenderNode writes one step as RenderText does.
func (l *Library) RenderNode(w io.Writer, id string, lang Lang) error {
	n, ok := l.nodes[id]
	if !ok {
		return fmt.Errorf("no guide step %q (try `unstuck guide` for the list)", id)
	}
	bw := bufio.NewWriter(w)
	l.readNode(bw, n, lang, readWords(lang))
	return bw.Flush()
}

func (l *Library) readNode(w io.Writer, n *Node, lang Lang, wd map[string]string) {
	fill := func(t Text) string { return strings.TrimSpace(Expand(t.Get(lang), lang, nil)) }
	see := func(id string) string { return fmt.Sprintf(wd["goto"], id) }
	switch n.Kind {
	case KindQuestion:
		fmt.Fprintf(w, "## %s\n   (`unstuck guide %s`)\n\n", oneLine(fill(n.Text)), n.ID)
		for i, o := range n.Options {
			fmt.Fprintf(w, "  %d. %s\n     %s\n", i+1, oneLine(fill(o.Label)), see(o.Next))
		}
	case KindCheck:
		fmt.Fprintf(w, "## %s\n   (`unstuck guide %s`)\n\n", oneLine(fill(n.Prompt)), n.ID)
		run := map[string]string{CheckTx: "check_tx", CheckAccount: "check_ac", CheckEndpoint: "check_ep"}[n.Check]
		if run == "" {
			run = "check_ex"
		}
		fmt.Fprintln(w, wd[run])
		for _, s := range routeStatusOrder(n.Routes.Status) {
			when := wd[s]
			if when == "" {
				when = s
			}
			fmt.Fprintf(w, "  - %s %s\n", when, see(n.Routes.Status[s]))
		}
		for _, c := range sortedKeys(n.Routes.Findings) {
			fmt.Fprintf(w, "  - %s %s\n", fmt.Sprintf(wd["finding"], c), see(n.Routes.Findings[c]))
		}
		if n.Skip != "" {
			fmt.Fprintf(w, "  - %s %s\n", wd["skip"], see(n.Skip))
		}
	default:
		fmt.Fprintf(w, "## %s\n   (`unstuck guide %s`)\n\n%s\n", oneLine(fill(n.Title)), n.ID, fill(n.Body))
		if a := fill(n.Action); a != "" {
			fmt.Fprintf(w, "\n%s%s\n", wd["next"], a)
		}
		if len(n.Related) > 0 {
			rel := make([]string, len(n.Related))
			for i, id := range n.Related {
				rel[i] = "`unstuck guide " + id + "`"
			}
			fmt.Fprintf(w, "%s%s\n", wd["related"], strings.Join(rel, wd["sep"]))
		}
	}
}
