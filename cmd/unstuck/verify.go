package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/diagnose/secret"
	"github.com/unstuck-dev/unstuck/guides"
	"github.com/unstuck-dev/unstuck/guides/verify"
)

// verifyOptions are the inputs of `unstuck verify`.
type verifyOptions struct {
	input  string
	wallet string
	asJSON bool
}

func (a *app) verifyCmd() *cobra.Command {
	var opts verifyOptions
	cmd := &cobra.Command{
		Use:   "verify <url|email|@handle|phone|text>... [--wallet <name>]",
		Short: "Check whether a support contact, site or app is a wallet's real one",
		Long: `Paste what "support" gave you — a link, a domain, an e-mail address, an @handle or t.me
link, a phone number, an app id, or their whole message. unstuck compares it with the
wallets' official channels (each with its source) and the scam patterns real support
never uses. Everything is checked on this computer; nothing is sent anywhere.

"not on our list" is not "safe": reach support only through the wallet's own site or app.`,
		Example: `  unstuck verify https://token.im
  unstuck verify support@token.im
  unstuck verify @imTokenOfficial --wallet imtoken
  unstuck verify "+1-(530)-447-2879" --wallet "Trust Wallet"
  unstuck verify "Kindly validate your wallet at https://dapps-fix.pages.dev" --json`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return badInput("%s", a.lang.Pick("verify needs what you were given, e.g. unstuck verify https://token.im", "verify 需要对方给你的内容，例如 unstuck verify https://token.im"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.input = strings.Join(args, " ")
			return a.runVerify(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.wallet, "wallet", "", "only this wallet's channels count (imtoken, metamask, TP钱包, …)")
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print the verdict as JSON")
	return cmd
}

// verifyJSON is the `verify --json` contract (DESIGN.md); fields are added,
// never renamed.
type verifyJSON struct {
	Input    string       `json:"input"`
	Kind     string       `json:"kind"`
	Verdict  string       `json:"verdict"`
	Severity string       `json:"severity"`
	Wallet   string       `json:"wallet"`
	Official []string     `json:"official"`
	Why      []string     `json:"why"`
	Guide    string       `json:"guide"`
	Parts    []verifyJSON `json:"parts,omitempty"`
	Unknown  []string     `json:"unknown,omitempty"`
}

func (a *app) runVerify(_ context.Context, opts verifyOptions) error {
	// Screened before anything else looks at it, like every input.
	if kind, found := secret.Detect(opts.input); found {
		return &secret.RefusalError{Kind: kind}
	}
	reg, err := a.channels()
	if err != nil {
		return fmt.Errorf("the built-in channel list is damaged: %w", err)
	}
	lang := guides.Lang(a.lang)
	var vo verify.Options
	if opts.wallet != "" {
		w, ok := reg.Wallet(opts.wallet)
		if !ok {
			var ids []string
			for _, w := range reg.Wallets() {
				ids = append(ids, w.ID)
			}
			return badInput(a.lang.Pick("no wallet called %q; known wallets: %s", "没有叫 %q 的钱包；已知的钱包：%s"), opts.wallet, strings.Join(ids, ", "))
		}
		vo.Wallet = w
	}
	res, err := reg.Check(opts.input, vo)
	var inErr *verify.InputError
	if errors.As(err, &inErr) {
		return badInput("%s", inErr.Reason.Get(lang))
	}
	if err != nil {
		return err
	}
	if opts.asJSON {
		return writeJSON(a.stdout, toVerifyJSON(res, lang))
	}
	return writeVerifyText(a.stdout, res, lang)
}

func toVerifyJSON(r verify.Result, lang guides.Lang) verifyJSON {
	out := verifyJSON{Input: r.Input, Kind: string(r.Kind), Verdict: string(r.Verdict), Severity: string(r.Severity),
		Official: []string{}, Why: r.WhyIn(lang), Guide: r.Guide}
	if r.Wallet != nil {
		out.Wallet = r.Wallet.ID
		out.Official = r.Wallet.Official()
		out.Unknown = r.Wallet.Unknown
	}
	for _, p := range r.Parts {
		out.Parts = append(out.Parts, toVerifyJSON(p, lang))
	}
	return out
}

// verdictMark pairs a glyph with the verdict so it reads without colour.
func verdictMark(v verify.Verdict) string {
	switch v {
	case verify.Official:
		return "✓"
	case verify.NotListed, verify.Lookalike:
		return "!"
	}
	return "✗"
}

func writeVerifyText(w io.Writer, r verify.Result, lang guides.Lang) error {
	tr := func(en, zh string) string {
		if lang == guides.Zh {
			return zh
		}
		return en
	}
	head := verdictMark(r.Verdict) + " " + strings.ToUpper(verify.VerdictName(r.Verdict, lang))
	if r.Wallet != nil {
		head += " · " + r.Wallet.Name
	}
	fmt.Fprintln(w, head)
	for _, why := range r.WhyIn(lang) {
		fmt.Fprintln(w, "  • "+why)
	}
	if r.Wallet != nil {
		fmt.Fprintln(w)
		fmt.Fprintf(w, tr("%s's official channels (from unstuck's list, each with a source):\n", "%s 的官方渠道（来自 unstuck 的名单，每条都有来源）：\n"), r.Wallet.Name)
		for _, c := range r.Wallet.Channels {
			fmt.Fprintln(w, "  "+c.DisplayIn(lang))
		}
		if len(r.Wallet.Unknown) > 0 {
			var names []string
			for _, k := range r.Wallet.Unknown {
				names = append(names, verify.KindName(k, lang))
			}
			fmt.Fprintf(w, tr("  We know of no official %s.\n", "  我们不知道它有官方的%s。\n"), strings.Join(names, tr(", ", "、")))
		}
	}
	fmt.Fprintln(w)
	_, err := fmt.Fprintf(w, tr("Next: unstuck guide %s\n", "下一步：unstuck guide %s\n"), r.Guide)
	return err
}
