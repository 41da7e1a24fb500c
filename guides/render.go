package guides

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// words are the renderer's own labels in both languages.
func words(lang Lang) map[string]string {
	if lang == Zh {
		return map[string]string{
			"sep":      "：",
			"index":    "求助指南（运行 `unstuck guide <id>` 打开其中一个）：",
			"tree":     "指南",
			"start":    "起点",
			"nodes":    "个节点",
			"question": "问题",
			"check":    "检查",
			"answer":   "解答",
			"status":   "状态",
			"finding":  "发现",
			"skip":     "没有可粘贴的内容",
			"next":     "下一步：",
			"related":  "相关：",
			"findings": "对应的检查发现：",
			"codes":    "匹配错误码：",
			"phrases":  "匹配短语：",
		}
	}
	return map[string]string{
		"sep":      ": ",
		"index":    "Guides (open one with `unstuck guide <id>`):",
		"tree":     "guide",
		"start":    "start",
		"nodes":    "nodes",
		"question": "QUESTION",
		"check":    "CHECK",
		"answer":   "ANSWER",
		"status":   "status",
		"finding":  "finding",
		"skip":     "nothing to paste",
		"next":     "Next: ",
		"related":  "Related: ",
		"findings": "For findings: ",
		"codes":    "Matches codes: ",
		"phrases":  "Matches phrases: ",
	}
}

// RenderIndex writes the list of trees: id, title and summary.
func (l *Library) RenderIndex(w io.Writer, lang Lang) error {
	bw := bufio.NewWriter(w)
	wd := words(lang)
	fmt.Fprintln(bw, wd["index"])
	width := 0
	for _, t := range l.trees {
		width = max(width, len(t.ID))
	}
	for _, t := range l.trees {
		fmt.Fprintf(bw, "\n  %-*s  %s\n", width, t.ID, oneLine(t.Title.Get(lang)))
		fmt.Fprintf(bw, "  %-*s  %s\n", width, "", oneLine(t.Summary.Get(lang)))
	}
	return bw.Flush()
}

// RenderGraph writes one tree as its graph, for reviewers: every node in
// file order with its id and kind, numbered options with where each goes,
// check routes, and answers' Markdown as written (placeholders unfilled).
// It contains no escape codes; `unstuck guide <id> --graph` prints it.
func (l *Library) RenderGraph(w io.Writer, treeID string, lang Lang) error {
	t, ok := l.byID[treeID]
	if !ok {
		return fmt.Errorf("no guide %q (try `unstuck guide` for the list)", treeID)
	}
	wd := words(lang)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n%s\n\n", oneLine(t.Title.Get(lang)), strings.TrimSpace(t.Summary.Get(lang)))
	fmt.Fprintf(bw, "%s%s%s · %s%s%s · %d %s\n", wd["tree"], wd["sep"], t.ID, wd["start"], wd["sep"], t.Start, len(t.Nodes), wd["nodes"])
	for _, n := range t.Nodes {
		fmt.Fprintln(bw)
		renderNode(bw, l, n, lang, wd)
	}
	return bw.Flush()
}

func renderNode(w io.Writer, l *Library, n *Node, lang Lang, wd map[string]string) {
	arrow := func(id string) string {
		if target, ok := l.nodes[id]; ok && target.Tree != n.Tree {
			return "→ " + target.Tree + "/" + id
		}
		return "→ " + id
	}
	switch n.Kind {
	case KindQuestion:
		fmt.Fprintf(w, "## [%s] %s\n\n%s\n\n", n.ID, wd["question"], strings.TrimSpace(n.Text.Get(lang)))
		for i, o := range n.Options {
			fmt.Fprintf(w, "  %d. %s %s\n", i+1, oneLine(o.Label.Get(lang)), arrow(o.Next))
		}
	case KindCheck:
		fmt.Fprintf(w, "## [%s] %s%s%s\n\n%s\n\n", n.ID, wd["check"], wd["sep"], n.Check, strings.TrimSpace(n.Prompt.Get(lang)))
		for _, s := range routeStatusOrder(n.Routes.Status) {
			fmt.Fprintf(w, "  %s %s %s\n", wd["status"], s, arrow(n.Routes.Status[s]))
		}
		for _, c := range sortedKeys(n.Routes.Findings) {
			fmt.Fprintf(w, "  %s %s %s\n", wd["finding"], c, arrow(n.Routes.Findings[c]))
		}
		if n.Skip != "" {
			fmt.Fprintf(w, "  (%s) %s\n", wd["skip"], arrow(n.Skip))
		}
	default:
		fmt.Fprintf(w, "## [%s] %s%s%s\n\n", n.ID, wd["answer"], wd["sep"], oneLine(n.Title.Get(lang)))
		fmt.Fprintf(w, "%s\n\n", strings.TrimSpace(n.Body.Get(lang)))
		fmt.Fprintf(w, "%s%s\n", wd["next"], strings.TrimSpace(n.Action.Get(lang)))
		if len(n.Related) > 0 {
			var rel []string
			for _, id := range n.Related {
				rel = append(rel, strings.TrimPrefix(arrow(id), "→ "))
			}
			fmt.Fprintf(w, "%s%s\n", wd["related"], strings.Join(rel, ", "))
		}
		if len(n.Finding) > 0 {
			fmt.Fprintf(w, "%s%s\n", wd["findings"], strings.Join(n.Finding, ", "))
		}
		if n.Match != nil && len(n.Match.Codes) > 0 {
			fmt.Fprintf(w, "%s%s\n", wd["codes"], strings.Join(n.Match.Codes, ", "))
		}
		if n.Match != nil && len(n.Match.Phrases) > 0 {
			q := make([]string, len(n.Match.Phrases))
			for i, p := range n.Match.Phrases {
				q[i] = fmt.Sprintf("%q", p)
			}
			fmt.Fprintf(w, "%s%s\n", wd["phrases"], strings.Join(q, ", "))
		}
	}
}

// oneLine collapses a text to a single line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
