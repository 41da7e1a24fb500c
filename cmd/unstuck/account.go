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
			diagnose.LocalizeFindings(rep.Findings, string(a.lang))
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
	fmt.Fprintln(w, a.lang.Pick("NETWORK\tBALANCE\tNEXT NONCE\tWAITING\tKIND", "网络\t余额\t下一个 nonce\t等待中\t类型"))
	shown := 0
	for _, c := range rep.Chains {
		if !c.Active {
			continue
		}
		shown++
		kind := a.lang.Pick("wallet", "钱包")
		switch {
		case c.Delegate != "":
			kind = a.lang.Pick("! delegated to ", "! 委托给 ") + c.Delegate
		case c.IsContract:
			kind = a.lang.Pick("contract", "合约")
		}
		fmt.Fprintf(w, "%s\t%s %s\t%d\t%d\t%s\n", c.Chain, c.Balance, c.Symbol, c.LatestNonce, c.Waiting, kind)
	}
	_ = w.Flush()
	if shown == 0 {
		fmt.Fprintln(a.stdout, a.lang.Pick("No activity on any network that answered.", "在有回应的网络上都没有活动。"))
	}
	for _, f := range rep.Findings {
		fmt.Fprintf(a.stdout, "\n%s %s\n  %s\n  → unstuck guide %s\n", diagnose.SeverityGlyph(f.Severity), f.Title, f.Detail, f.Guide)
	}
}

func (a *app) endpointCmd() *cobra.Command {
	var (
		asJSON  bool
		chain   string
		timeout = diagnose.DefaultTimeout
	)
	cmd := &cobra.Command{
		Use:     "endpoint <url>",
		Short:   "Check a custom RPC endpoint: right chain, up to date, how fast",
		Example: `  unstuck endpoint https://my-node.example/rpc --chain bsc`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return badInput("endpoint needs one URL, e.g. https://host/path")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := chains.Default()
			if err != nil {
				return err
			}
			var claimed uint64
			if chain != "" {
				c, err := reg.Lookup(chain)
				if err != nil {
					return usageError{err}
				}
				claimed = c.ID
			}
			eng, err := a.newEngine(reg, nil, timeout)
			if err != nil {
				return err
			}
			rep, err := eng.Endpoint(cmd.Context(), args[0], claimed)
			if err != nil {
				return usageError{err}
			}
			if asJSON {
				return writeJSON(a.stdout, rep)
			}
			a.printEndpoint(rep)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	cmd.Flags().StringVar(&chain, "chain", "", "the network this endpoint is supposed to serve")
	cmd.Flags().DurationVar(&timeout, "timeout", timeout, "give up after this long")
	return cmd
}

func (a *app) printEndpoint(rep *diagnose.EndpointReport) {
	mark := "✓ " + a.lang.Pick("OK", "正常")
	if !rep.OK {
		mark = "✗ " + a.lang.Pick("PROBLEM", "有问题")
	}
	fmt.Fprintf(a.stdout, "%s  %s\n", mark, rep.Endpoint)
	if rep.Reachable {
		fmt.Fprintf(a.stdout, "  %s  %s (%d)\n", a.lang.Pick("chain  ", "链     "), rep.Chain, rep.ChainID)
		fmt.Fprintf(a.stdout, "  %s  %d\n", a.lang.Pick("head   ", "最新块 "), rep.Head)
		if rep.BlocksBehind != nil {
			fmt.Fprintf(a.stdout, "  %s  %d\n", a.lang.Pick("behind ", "落后   "), *rep.BlocksBehind)
		}
		fmt.Fprintf(a.stdout, "  %s  %d ms\n", a.lang.Pick("latency", "延迟   "), rep.LatencyMS)
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(a.stdout, "  ! %s\n", p)
	}
}
