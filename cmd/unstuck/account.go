package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
)

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func (a *app) accountCmd() *cobra.Command {
	var (
		asJSON  bool
		rpc     []string
		timeout = diagnose.DefaultTimeout
	)
	cmd := &cobra.Command{
		Use:   "account <address>",
		Short: "Show a public address's nonces, balance and delegation on every network",
		Long: `Asks every known network for the address's latest and pending nonce, balance, whether
it is a contract, and whether it is delegated (EIP-7702). Only the public address is sent.`,
		Example: "  unstuck account 0x00000000219ab540356cBB839Cbe05303d7705Fa --json",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return badInput("account needs one address (0x followed by 40 hex characters)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := chains.Default()
			if err != nil {
				return err
			}
			q, err := diagnose.ParseInput(args[0], reg)
			if err != nil {
				return err
			}
			if q.Kind != diagnose.KindAddress {
				return badInput("that is a transaction hash: try `unstuck check %s`", q.Raw)
			}
			eng, err := a.newEngine(reg, rpc, timeout)
			if err != nil {
				return err
			}
			rep, err := eng.Account(cmd.Context(), common.HexToAddress(q.Raw))
			if cmd.Context().Err() != nil {
				return cmd.Context().Err()
			}
			if a.lang == "zh" {
				diagnose.LocalizeFindings(rep.Findings, "zh")
			}
			if asJSON {
				if werr := writeJSON(a.stdout, rep); werr != nil {
					return werr
				}
				return err
			}
			a.printAccount(rep)
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	cmd.Flags().StringArrayVar(&rpc, "rpc", nil, "ask only this endpoint (repeatable)")
	cmd.Flags().DurationVar(&timeout, "timeout", timeout, "give up on the nodes after this long")
	return cmd
}

func (a *app) printAccount(rep *diagnose.AccountReport) {
	fmt.Fprintln(a.stdout, rep.Address)
	w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, a.word("NETWORK\tBALANCE\tNEXT NONCE\tWAITING\tKIND", "网络\t余额\t下一个 nonce\t等待中\t类型"))
	shown := 0
	for _, c := range rep.Chains {
		if !c.Active {
			continue
		}
		shown++
		kind := a.word("wallet", "钱包")
		switch {
		case c.Delegate != "":
			kind = a.word("! delegated to ", "! 委托给 ") + c.Delegate
		case c.IsContract:
			kind = a.word("contract", "合约")
		}
		fmt.Fprintf(w, "%s\t%s %s\t%d\t%d\t%s\n", c.Chain, c.Balance, c.Symbol, c.LatestNonce, c.Waiting, kind)
	}
	_ = w.Flush()
	if shown == 0 {
		fmt.Fprintln(a.stdout, a.word("No activity on any network that answered.", "在有回应的网络上都没有活动。"))
	}
	for _, f := range rep.Findings {
		fmt.Fprintf(a.stdout, "\n%s %s\n  %s\n  → unstuck guide %s\n", diagnose.SeverityGlyph(f.Severity), f.Title, f.Detail, f.Guide)
	}
}
