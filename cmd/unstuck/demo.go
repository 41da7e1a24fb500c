package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/demo"
	"github.com/unstuck-dev/unstuck/tui"
)

// demoOptions are the inputs of `unstuck demo`.
type demoOptions struct {
	asJSON bool
	// lang is the language --lang forced, for the interactive app.
	lang string
}

func (a *app) demoCmd() *cobra.Command {
	var opts demoOptions
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "See unstuck work offline, on a built-in demo chain",
		Long: `Starts a demo chain inside unstuck, on this computer only, that answers from
recordings of a real node, and opens the app with example transactions: one
for every verdict (success, failed, pending, replaced, dropped, not found),
and TRON and Bitcoin ones (USDT out of energy, expired, blacklisted; an RBF
and CPFP speed-up) answered from recorded real TRON and Esplora answers.

Nothing is sent over the network. When output is not a terminal, or with
--json, every demo transaction and its diagnosis is printed instead.`,
		Example: `  unstuck demo
  unstuck demo --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.lang = a.forcedLang(cmd)
			return a.runDemo(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print every demo transaction and its diagnosis as JSON")
	return cmd
}

// demoResult is one example in `unstuck demo --json`.
type demoResult struct {
	Example string           `json:"example"`
	ID      string           `json:"id"`
	Input   string           `json:"input"`
	Report  *diagnose.Report `json:"report"`
	// bare is a 64-hex txid without 0x, which `unstuck check` takes
	// only with --txid.
	bare bool
}

func (a *app) runDemo(ctx context.Context, opts demoOptions) error {
	d, err := demo.Start()
	if err != nil {
		return err
	}
	defer d.Close()
	if opts.asJSON || !a.isTTY() {
		return a.printDemo(ctx, d, opts.asJSON)
	}
	lib, err := a.library()
	if err != nil {
		return err
	}
	var examples []tui.Example
	for _, ex := range d.Examples() {
		examples = append(examples, tui.Example{Label: ex.Label(string(a.lang)), Hash: ex.Input})
	}
	err = tui.Run(ctx, tui.Options{
		Engine:       d,
		Guides:       lib,
		Registry:     d.Registry(),
		Lang:         opts.lang,
		DefaultLang:  string(a.lang),
		SettingsPath: a.settingsPath(),
		Examples:     examples,
		Banner:       demo.Banner(string(a.lang)),
		Input:        a.stdin,
		Output:       a.stdout,
	})
	if errors.Is(err, context.Canceled) {
		return context.Canceled
	}
	return err
}

// printDemo checks every example and prints the reports: JSON, or text
// under a demo banner. A request the recordings cannot answer is an error,
// before anything is printed.
func (a *app) printDemo(ctx context.Context, d *demo.Demo, asJSON bool) error {
	examples := d.Examples()
	results := make([]demoResult, 0, len(examples))
	for _, ex := range examples {
		rep, err := d.Run(ctx, ex)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var stale *demo.NotRecordedError
		if errors.As(err, &stale) {
			return fmt.Errorf("the demo recordings are older than this unstuck: example %s asked for %s, which they do not hold (go generate ./diagnose/demo)",
				ex.ID, stale.Misses[0].Method)
		}
		if rep == nil {
			return fmt.Errorf("demo example %s: %w", ex.ID, err)
		}
		diagnose.Localize(rep, string(a.lang))
		r := demoResult{Example: ex.Label(string(a.lang)), ID: ex.ID, Input: ex.Input, Report: rep}
		if q, err := diagnose.ParseInput(ex.Input, d.Registry()); err == nil && q.NeedsConfirm {
			r.bare = true
		}
		results = append(results, r)
	}
	if asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(results)
	}
	return a.printDemoText(results)
}

func (a *app) printDemoText(results []demoResult) error {
	banner := demo.Banner(string(a.lang))
	if _, err := fmt.Fprintf(a.stdout, "== %s ==\n", banner); err != nil {
		return err
	}
	for i, r := range results {
		input := r.Input
		if r.bare {
			input += a.lang.Pick("  (a transaction ID: unstuck check --txid …)", "  （交易 ID：unstuck check --txid …）")
		}
		_, err := fmt.Fprintf(a.stdout, "\n── %d/%d · %s\n%s  %s\n\n%s", i+1, len(results), r.Example,
			a.lang.Pick("you paste:", "你粘贴："), input, diagnose.Text(r.Report, string(a.lang)))
		if err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(a.stdout, "\n== %s ==\n%s\n", banner,
		a.lang.Pick("Your own transaction: unstuck check <tx-hash>   ·   the app: unstuck",
			"查你自己的交易：unstuck check <交易哈希>   ·   打开应用：unstuck"))
	return err
}
