package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// accountOptions are the inputs of `unstuck account`.
type accountOptions struct {
	address string
	asJSON  bool
	rpc     []string
	timeout time.Duration
}

func (a *app) accountCmd() *cobra.Command {
	opts := accountOptions{timeout: diagnose.DefaultTimeout}
	cmd := &cobra.Command{
		Use:   "account <address>",
		Short: "Show a public address's nonces, balance and delegation on every network",
		Long: `Asks every known network for the address's latest and pending nonce, balance, whether
it is a contract, and whether it is delegated (EIP-7702). Only the public address is sent.`,
		Example: "  unstuck account 0x00000000219ab540356cBB839Cbe05303d7705Fa --json",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return badInput("%s", a.lang.Pick("account needs one public address (0x…, T… or a Bitcoin address)", "account 需要一个公开地址（0x…、T… 或比特币地址）"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.address = args[0]
			return a.runAccount(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print as JSON")
	cmd.Flags().StringArrayVar(&opts.rpc, "rpc", nil, "ask only this endpoint (repeatable)")
	cmd.Flags().DurationVar(&opts.timeout, "timeout", opts.timeout, "give up on the nodes after this long")
	return cmd
}

func (a *app) runAccount(ctx context.Context, opts accountOptions) error {
	q, err := diagnose.ParseAddress(opts.address)
	if err != nil {
		return err
	}
	eng, err := a.newEngine(opts.rpc, opts.timeout)
	if err != nil {
		return err
	}
	rep, err := eng.AccountOf(ctx, q)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if rep == nil {
		return err
	}
	diagnose.LocalizeFindings(rep.Findings, string(a.lang))
	if opts.asJSON {
		if werr := writeJSON(a.stdout, rep); werr != nil {
			return werr
		}
		return err
	}
	var noAnswer *diagnose.NoAnswerError
	if errors.As(err, &noAnswer) {
		return err // no network answered: no table to show, and the error says why
	}
	a.printAccount(rep)
	return err
}

func (a *app) printAccount(rep *diagnose.AccountReport) {
	fmt.Fprintln(a.stdout, rep.Address)
	l := a.lang
	if len(rep.Tron) > 0 || rep.Bitcoin != nil {
		var rows [][]string
		for _, r := range diagnose.FamilyAccountRows(rep, string(l)) {
			rows = append(rows, []string{r[0], r[1]})
		}
		_ = writeTable(a.stdout, rows)
		a.printAccountFindings(rep)
		return
	}
	rows := [][]string{{l.Pick("NETWORK", "网络"), l.Pick("BALANCE", "余额"), l.Pick("NEXT NONCE", "下一个 nonce"), l.Pick("WAITING", "等待中"), l.Pick("KIND", "类型")}}
	for _, c := range rep.Chains {
		if !c.Active {
			continue
		}
		kind := l.Pick("wallet", "钱包")
		switch {
		case c.Delegate != "":
			kind = l.Pick("! delegated to ", "! 委托给 ") + c.Delegate
		case c.IsContract:
			kind = l.Pick("contract", "合约")
		}
		symbol := c.Symbol
		if symbol == "" { // a custom endpoint's chain: the registry does not know its coin
			symbol = l.Pick("(native coin)", "（原生币）")
		}
		rows = append(rows, []string{c.Chain, c.Balance + " " + symbol, fmt.Sprint(c.LatestNonce), fmt.Sprint(c.Waiting), kind})
	}
	if len(rows) == 1 {
		fmt.Fprintf(a.stdout, l.Pick("No activity on the %d network(s) that answered.\n", "有回应的 %d 个网络上都没有活动。\n"), len(rep.Chains))
	} else {
		_ = writeTable(a.stdout, rows)
	}
	a.printAccountFindings(rep)
}

func (a *app) printAccountFindings(rep *diagnose.AccountReport) {
	for _, f := range rep.Findings {
		fmt.Fprintf(a.stdout, "\n%s %s\n  %s\n  → unstuck guide %s\n", diagnose.SeverityGlyph(f.Severity), f.Title, f.Detail, f.Guide)
	}
}
