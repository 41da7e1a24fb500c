package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/bitcoin"
	"github.com/unstuck-dev/unstuck/diagnose/evm"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
	"github.com/unstuck-dev/unstuck/diagnose/tron"
)

// checkOptions are the inputs of `unstuck check`.
type checkOptions struct {
	// input is the hash, txid or link; a hash wrapped across lines and
	// pasted unquoted arrives as several arguments, joined again here.
	input    string
	chain    string
	rpc      []string
	from     string
	json     bool
	markdown bool
	watch    bool
	txid     bool
	timeout  time.Duration
	interval time.Duration
}

func (a *app) checkCmd() *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use:   "check <tx-hash|txid|explorer-url>",
		Short: "Diagnose one transaction on every known network",
		Long: `Looks the transaction up on every known network at once and says what happened:
success, failed (and why), pending (and what it needs), replaced, dropped or not found.

Only the hash (and, with --from, a public address) is sent to public nodes.`,
		Example: `  unstuck check 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060
  unstuck check https://bscscan.com/tx/0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 --markdown
  unstuck check 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 --chain bsc --watch
  unstuck check https://tronscan.org/#/transaction/01b4cde4197b9d1a1ff09ef5d2b1d939d3ec2401b3f002ebd0802c0f30a6e4ca
  unstuck check --txid 1f6cf526064454b745f9fe40b1d673e512b226278811af433b1c8f022c600747`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return badInput(a.lang.Pick("check needs one transaction hash or explorer link (got %d arguments)", "check 需要一个交易哈希或区块浏览器链接（收到了 %d 个参数）"), len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.input = strings.Join(args, " ")
			return a.runCheck(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.chain, "chain", "", "the network you believe it was sent on (name or id)")
	f.StringArrayVar(&opts.rpc, "rpc", nil, "ask only this endpoint (repeatable); also UNSTUCK_RPC=url,url")
	f.StringVar(&opts.from, "from", "", "the sender's address, to tell dropped from replaced")
	f.BoolVar(&opts.json, "json", false, "print the report as JSON")
	f.BoolVar(&opts.markdown, "markdown", false, "print a report to paste in a community chat")
	f.BoolVar(&opts.watch, "watch", false, "follow a pending transaction until it is mined or replaced")
	f.BoolVar(&opts.txid, "txid", false, "confirm that a bare 64-hex string is a transaction ID (TRON, Bitcoin)")
	f.DurationVar(&opts.timeout, "timeout", diagnose.DefaultTimeout, "give up on the nodes after this long")
	f.DurationVar(&opts.interval, "interval", 5*time.Second, "with --watch, how often to look again (at least 1s)")
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

// newEngine builds the engine a command run uses, over the built-in
// registry, asking rpc (else UNSTUCK_RPC, else the registry's endpoints).
func (a *app) newEngine(rpc []string, timeout time.Duration) (*diagnose.Engine, error) {
	reg, err := a.registry()
	if err != nil {
		return nil, err
	}
	if timeout <= 0 {
		return nil, badInput("%s", a.lang.Pick("--timeout must be positive", "--timeout 必须大于 0"))
	}
	specs, err := diagnose.ParseEndpointSpecs(a.endpointsFrom(rpc))
	if err != nil {
		return nil, usageError{err}
	}
	mem := diagnose.NewMemory(a.memoryPath()) // one file, a namespace per family
	chainsEVM, err := evm.New(evm.Config{
		Registry:  reg,
		Endpoints: diagnose.URLsFor(specs, diagnose.TransportEVM),
		Timeout:   timeout,
		Memory:    mem,
		Caps:      noderpc.NewCapMemory(a.capsPath(), reg.IsPublicHost, nil),
	})
	if err != nil {
		return nil, usageError{err}
	}
	trx, err := tron.New(tron.Config{Endpoints: diagnose.URLsFor(specs, diagnose.TransportTron), Timeout: timeout})
	if err != nil {
		return nil, usageError{err}
	}
	btc := bitcoin.New(bitcoin.Config{Esplora: diagnose.URLsFor(specs, diagnose.TransportEsplora),
		RPC: diagnose.URLsFor(specs, diagnose.TransportBitcoin), Timeout: timeout, Memory: mem})
	cfg := diagnose.Config{Backends: []diagnose.Backend{chainsEVM, trx, btc}, Timeout: timeout}
	if len(specs) > 0 {
		// --rpc names the only endpoints to ask: a family without one
		// is not searched.
		cfg.Families = []diagnose.Family{}
		for _, sp := range specs {
			if f := sp.Transport.Family(); !slices.Contains(cfg.Families, f) {
				cfg.Families = append(cfg.Families, f)
			}
		}
	}
	e, err := diagnose.NewEngine(cfg)
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
		return p + "/memory.json"
	}
	return diagnose.DefaultMemoryPath()
}

// minInterval is the shortest --interval: faster would flood the node.
const minInterval = time.Second

func (a *app) runCheck(ctx context.Context, opts checkOptions) error {
	if opts.interval < minInterval {
		return badInput(a.lang.Pick("--interval must be at least 1s (got %s): checking faster would flood the node", "--interval 至少为 1s（收到 %s）：查得更快会让节点不堪重负"), opts.interval)
	}
	reg, err := a.registry()
	if err != nil {
		return err
	}
	q, err := diagnose.ParseInput(opts.input, reg)
	if err != nil {
		return err
	}
	if q, err = a.confirmTxID(q, opts.txid); err != nil {
		return err
	}
	if q.Kind != diagnose.KindTxHash {
		return badInput(a.lang.Pick("that is an address, not a transaction: try `unstuck account %s`", "这是一个地址，不是交易：试试 `unstuck account %s`"), q.Raw)
	}
	eng, err := a.newEngine(opts.rpc, opts.timeout)
	if err != nil {
		return err
	}
	co := diagnose.CheckOptions{Chain: q.ChainHint}
	switch b := eng.BackendFor(opts.chain); {
	case opts.chain != "" && b != nil && b.Family() != diagnose.FamilyEVM: // an EVM chain is named by id
		co.Chain, co.Network = 0, strings.ToLower(strings.TrimSpace(opts.chain))
	case opts.chain != "":
		id, err := a.chainFlag(reg, opts.chain, len(a.endpointsFrom(opts.rpc)) > 0)
		if err != nil {
			return err
		}
		co.Chain = id
	}
	if opts.from != "" {
		from, err := diagnose.ParseAddress(opts.from)
		if err != nil {
			return err
		}
		if from.Family != diagnose.FamilyEVM {
			return badInput("%s", a.lang.Pick("--from takes the sender's EVM address (0x followed by 40 hex characters); TRON and Bitcoin checks do not need it",
				"--from 需要发送方的 EVM 地址（0x 加 40 个十六进制字符）；TRON 和比特币的查询不需要它"))
		}
		co.From = from.Ref
	}
	rep, err := eng.Check(ctx, q, co)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if rep != nil && opts.watch && err == nil && rep.Status == diagnose.StatusPending {
		rep, err = a.watch(ctx, eng, q, co, rep, opts.interval)
	}
	if rep != nil {
		if perr := a.printReport(rep, opts); perr != nil {
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
		fmt.Fprintf(a.stderr, "%s  %s\n", time.Now().Format("15:04:05"), a.lang.Pick("still pending; checking again", "仍在等待；稍后再查"))
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
	fmt.Fprintf(a.stderr, "%s  %s: %s\n", time.Now().Format("15:04:05"), a.lang.Pick("done", "完成"), rep.Status)
	return rep, nil
}

func (a *app) printReport(rep *diagnose.Report, opts checkOptions) error {
	diagnose.Localize(rep, string(a.lang))
	switch {
	case opts.json:
		return writeJSON(a.stdout, rep)
	case opts.markdown:
		_, err := fmt.Fprint(a.stdout, diagnose.Markdown(rep, string(a.lang)))
		return err
	}
	_, err := fmt.Fprint(a.stdout, diagnose.Text(rep, string(a.lang)))
	return err
}
