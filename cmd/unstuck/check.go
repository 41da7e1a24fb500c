package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

type checkFlags struct {
	chain    string
	rpc      []string
	from     string
	json     bool
	markdown bool
	watch    bool
	timeout  time.Duration
	interval time.Duration
}

func (a *app) checkCmd() *cobra.Command {
	var fl checkFlags
	cmd := &cobra.Command{
		Use:   "check <tx-hash|explorer-url>",
		Short: "Diagnose one transaction on every known network",
		Long: `Looks the transaction up on every known network at once and says what happened:
success, failed (and why), pending (and what it needs), replaced, dropped or not found.

Only the hash (and, with --from, a public address) is sent to public nodes.`,
		Example: `  unstuck check 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060
  unstuck check https://bscscan.com/tx/0x5c50…2060 --markdown
  unstuck check 0x5c50…2060 --chain bsc --watch`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return badInput("check needs one transaction hash or explorer link (got %d arguments)", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runCheck(cmd.Context(), args[0], fl)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.chain, "chain", "", "the network you believe it was sent on (name or id)")
	f.StringArrayVar(&fl.rpc, "rpc", nil, "ask only this endpoint (repeatable); also UNSTUCK_RPC=url,url")
	f.StringVar(&fl.from, "from", "", "the sender's address, to tell dropped from replaced")
	f.BoolVar(&fl.json, "json", false, "print the report as JSON")
	f.BoolVar(&fl.markdown, "markdown", false, "print a report to paste in a community chat")
	f.BoolVar(&fl.watch, "watch", false, "follow a pending transaction until it is mined or replaced")
	f.DurationVar(&fl.timeout, "timeout", diagnose.DefaultTimeout, "give up on the nodes after this long")
	f.DurationVar(&fl.interval, "interval", 5*time.Second, "with --watch, how often to look again")
	cmd.MarkFlagsMutuallyExclusive("json", "markdown")
	return cmd
}

// endpointsFrom is --rpc, else UNSTUCK_RPC, else nothing (the registry).
func (a *app) endpointsFrom(flag []string) []string {
	if len(flag) > 0 {
		return flag
	}
	var out []string
	for _, ep := range strings.Split(a.getenv("UNSTUCK_RPC"), ",") {
		if ep = strings.TrimSpace(ep); ep != "" {
			out = append(out, ep)
		}
	}
	return out
}

func (a *app) newEngine(reg *chains.Registry, rpc []string, timeout time.Duration) (*diagnose.Engine, error) {
	if timeout <= 0 {
		return nil, badInput("--timeout must be positive")
	}
	e, err := diagnose.NewEngine(diagnose.Config{
		Registry:  reg,
		Endpoints: a.endpointsFrom(rpc),
		Timeout:   timeout,
		Memory:    diagnose.NewMemory(a.memoryPath()),
		Caps:      noderpc.NewCapMemory(a.capsPath(), reg.IsPublicHost, nil),
	})
	if err != nil {
		return nil, usageError{err}
	}
	return e, nil
}

// capsPath is where the batch caps endpoints accept are remembered.
func (a *app) capsPath() string {
	if p := a.getenv("UNSTUCK_CACHE_DIR"); p != "" {
		return p + "/endpoints.json"
	}
	return noderpc.DefaultCapMemoryPath()
}

func (a *app) memoryPath() string {
	if p := a.getenv("UNSTUCK_CACHE_DIR"); p != "" {
		return p + "/pending.json"
	}
	return diagnose.DefaultMemoryPath()
}

func (a *app) runCheck(ctx context.Context, input string, fl checkFlags) error {
	reg, err := chains.Default()
	if err != nil {
		return err
	}
	q, err := diagnose.ParseInput(input, reg)
	if err != nil {
		return err
	}
	if q.Kind != diagnose.KindTxHash {
		return badInput("that is an address, not a transaction: try `unstuck account %s`", q.Raw)
	}
	opt := diagnose.CheckOptions{Chain: q.ChainHint}
	if fl.chain != "" {
		c, err := reg.Lookup(fl.chain)
		if err != nil {
			return usageError{err}
		}
		opt.Chain = c.ID
	}
	if fl.from != "" {
		if !common.IsHexAddress(fl.from) {
			return badInput("--from must be an address: 0x followed by 40 hex characters")
		}
		from := common.HexToAddress(fl.from)
		opt.From = &from
	}
	eng, err := a.newEngine(reg, fl.rpc, fl.timeout)
	if err != nil {
		return err
	}
	rep, err := eng.Check(ctx, q, opt)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if rep != nil && fl.watch && err == nil && rep.Status == diagnose.StatusPending {
		rep, err = a.watch(ctx, eng, q, opt, rep, fl.interval)
	}
	if rep != nil {
		if perr := a.printReport(rep, fl); perr != nil {
			return perr
		}
	}
	return err
}

// watch checks again every interval until the transaction is no longer
// pending. Progress goes to stderr; the final report to stdout.
func (a *app) watch(ctx context.Context, eng *diagnose.Engine, q diagnose.Query, opt diagnose.CheckOptions, rep *diagnose.Report, every time.Duration) (*diagnose.Report, error) {
	if rep.Chain != nil {
		opt.Only = rep.Chain.ID
	}
	for rep.Status == diagnose.StatusPending {
		fmt.Fprintf(a.stderr, "%s  %s\n", time.Now().Format("15:04:05"), a.word("still pending; checking again", "仍在等待；稍后再查"))
		select {
		case <-ctx.Done():
			return rep, ctx.Err()
		case <-time.After(every):
		}
		next, err := eng.Check(ctx, q, opt)
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
		if err != nil {
			fmt.Fprintf(a.stderr, "%s  %v\n", time.Now().Format("15:04:05"), err)
			continue
		}
		rep = next
	}
	fmt.Fprintf(a.stderr, "%s  %s: %s\n", time.Now().Format("15:04:05"), a.word("done", "完成"), rep.Status)
	return rep, nil
}

func (a *app) printReport(rep *diagnose.Report, fl checkFlags) error {
	if a.lang == "zh" {
		diagnose.Localize(rep, "zh")
	}
	switch {
	case fl.json:
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	case fl.markdown:
		_, err := fmt.Fprint(a.stdout, diagnose.Markdown(rep, a.lang))
		return err
	}
	_, err := fmt.Fprint(a.stdout, diagnose.Text(rep, a.lang))
	return err
}

func (a *app) word(en, zh string) string {
	if a.lang == "zh" {
		return zh
	}
	return en
}
