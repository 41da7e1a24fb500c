package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/guides"
)

func (a *app) guideCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "guide [<id>]",
		Short: "Open a troubleshooting guide (plain text when not on a terminal)",
		Long: `Without an id, lists the guides. With a guide id (transfer, dapp, safety, help)
or a step id from a finding (e.g. speed-up), walks it on a terminal, or prints it as text.`,
		Example: `  unstuck guide
  unstuck guide transfer
  unstuck guide speed-up | less`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := guides.Load()
			if err != nil {
				return fmt.Errorf("the built-in guides are damaged: %w", err)
			}
			lang := guides.Lang(a.lang)
			if len(args) == 0 {
				return lib.RenderIndex(a.stdout, lang)
			}
			id := strings.TrimSpace(args[0])
			_, isTree := lib.Tree(id)
			node, isNode := lib.Node(id)
			if !isTree && !isNode {
				return badInput("no guide or step called %q: run `unstuck guide` to list them", id)
			}
			if a.isTTY() {
				return a.runTUIAt(cmd, id)
			}
			if isTree {
				return lib.RenderText(a.stdout, id, lang)
			}
			_, err = fmt.Fprintf(a.stdout, "%s\n\n%s\n", node.Heading(lang), strings.TrimSpace(node.Fill(lang, nil)))
			if err == nil && node.Action.Get(lang) != "" {
				_, err = fmt.Fprintf(a.stdout, "\n→ %s\n", node.Action.Get(lang))
			}
			return err
		},
	}
}

func (a *app) explainCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "explain <error text>...",
		Short: "Say what a wallet, DApp or node error means and what to do",
		Long: `Paste the error your wallet or DApp shows (English or Chinese, with or without its
code). unstuck finds the guide step that explains it. Nothing is sent anywhere.`,
		Example: `  unstuck explain "replacement transaction underpriced"
  unstuck explain '{"code":4902,"message":"Unrecognized chain ID"}'
  unstuck explain 用户拒绝了请求 --json`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return badInput("explain needs the error text, e.g. unstuck explain \"nonce too low\"")
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			lib, err := guides.Load()
			if err != nil {
				return fmt.Errorf("the built-in guides are damaged: %w", err)
			}
			text := strings.Join(args, " ")
			matches := lib.Explain(text, guides.Lang(a.lang))
			if asJSON {
				type match struct {
					Guide string  `json:"guide"`
					Title string  `json:"title"`
					Why   string  `json:"why"`
					Score float64 `json:"score"`
				}
				out := struct {
					Input   string  `json:"input"`
					Matches []match `json:"matches"`
				}{Input: text, Matches: []match{}}
				for _, m := range matches {
					out.Matches = append(out.Matches, match{m.Guide, m.Title, m.Why, m.Score})
				}
				return writeJSON(a.stdout, out)
			}
			if len(matches) == 0 {
				_, err := fmt.Fprintln(a.stdout, a.word(
					"No known error matched. Try `unstuck guide` to find your problem step by step.",
					"没有匹配到已知错误。试试 `unstuck guide` 一步步找到你的问题。"))
				return err
			}
			for i, m := range matches {
				if i == 3 {
					break
				}
				fmt.Fprintf(a.stdout, "%s  %s\n   %s · %.2f · unstuck guide %s\n", bullet(i), m.Title, m.Why, m.Score, m.Guide)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the matches as JSON")
	return cmd
}

func bullet(i int) string {
	if i == 0 {
		return ">"
	}
	return " "
}
