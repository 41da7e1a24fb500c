package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// guideOptions are the inputs of `unstuck guide`.
type guideOptions struct {
	// id is the guide or step to open; index lists the guides instead
	// (no id was given).
	id    string
	index bool
	graph bool
	// lang is the language --lang forced, for the interactive app.
	lang string
}

func (a *app) guideCmd() *cobra.Command {
	var opts guideOptions
	cmd := &cobra.Command{
		Use:   "guide [<id>]",
		Short: "Open a troubleshooting guide (plain text when not on a terminal)",
		Long: `Without an id, lists the guides. With a guide id (transfer, dapp, safety, help)
or a step id from a finding (e.g. speed-up), walks it on a terminal, or prints it as text.
--graph prints a guide's decision graph (step ids, kinds and routes) for review.`,
		Example: `  unstuck guide
  unstuck guide transfer
  unstuck guide speed-up | less
  unstuck guide transfer --graph`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.index = len(args) == 0
			if !opts.index {
				opts.id = args[0]
			}
			opts.lang = a.forcedLang(cmd)
			return a.runGuide(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.graph, "graph", false, "print the guide's decision graph (for review) instead of its text")
	return cmd
}

func (a *app) runGuide(ctx context.Context, opts guideOptions) error {
	lib, err := a.library()
	if err != nil {
		return fmt.Errorf("the built-in guides are damaged: %w", err)
	}
	lang := a.lang
	if opts.index {
		return lib.RenderIndex(a.stdout, lang)
	}
	id := strings.TrimSpace(opts.id)
	_, isTree := lib.Tree(id)
	_, isNode := lib.Node(id)
	switch {
	case !isTree && !isNode:
		return badInput(lang.Pick("no guide or step called %q: run `unstuck guide` to list them",
			"没有叫 %q 的指南或步骤：运行 `unstuck guide` 查看列表"), id)
	case opts.graph && !isTree:
		return badInput(lang.Pick("--graph draws a whole guide (transfer, dapp, safety, help), not the step %q",
			"--graph 只能用于整个指南（transfer、dapp、safety、help），不能用于步骤 %q"), id)
	case opts.graph:
		return lib.RenderGraph(a.stdout, id, lang)
	case a.isTTY():
		return a.runTUI(ctx, tuiOptions{lang: opts.lang, start: id})
	case isTree:
		return lib.RenderText(a.stdout, id, lang)
	}
	return lib.RenderNode(a.stdout, id, lang)
}

// explainOptions are the inputs of `unstuck explain`.
type explainOptions struct {
	// text is the error, its words joined again.
	text   string
	asJSON bool
}

func (a *app) explainCmd() *cobra.Command {
	var opts explainOptions
	cmd := &cobra.Command{
		Use:   "explain <error text>...",
		Short: "Say what a wallet, DApp or node error means and what to do",
		Long: `Paste the error your wallet or DApp shows (English or Chinese, with or without its
code). unstuck finds the guide step that explains it. Nothing is sent anywhere.`,
		Example: `  unstuck explain "replacement transaction underpriced"
  unstuck explain '{"code":4902,"message":"Unrecognized chain ID"}'
  unstuck explain 用户拒绝了请求 --json`,
		Args: func(_ *cobra.Command, args []string) error {
			if strings.TrimSpace(strings.Join(args, " ")) == "" {
				return badInput("%s", a.lang.Pick("explain needs the error text your wallet or DApp shows, e.g. unstuck explain \"nonce too low\"",
					"explain 需要钱包或 DApp 显示的报错内容，例如 unstuck explain \"nonce too low\""))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.text = strings.Join(args, " ")
			return a.runExplain(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print the matches as JSON")
	return cmd
}

// explainJSON is `unstuck explain --json`.
type explainJSON struct {
	Input   string         `json:"input"`
	Matches []explainMatch `json:"matches"`
}

type explainMatch struct {
	Guide string  `json:"guide"`
	Title string  `json:"title"`
	Why   string  `json:"why"`
	Score float64 `json:"score"`
}

func (a *app) runExplain(_ context.Context, opts explainOptions) error {
	lib, err := a.library()
	if err != nil {
		return fmt.Errorf("the built-in guides are damaged: %w", err)
	}
	matches := lib.Explain(opts.text, a.lang)
	if opts.asJSON {
		out := explainJSON{Input: opts.text, Matches: []explainMatch{}}
		for _, m := range matches {
			out.Matches = append(out.Matches, explainMatch{m.Guide, m.Title, m.Why, m.Score})
		}
		return writeJSON(a.stdout, out)
	}
	if len(matches) == 0 {
		_, err := fmt.Fprintln(a.stdout, a.lang.Pick(
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
}

func bullet(i int) string {
	if i == 0 {
		return ">"
	}
	return " "
}
