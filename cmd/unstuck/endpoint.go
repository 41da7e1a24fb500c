package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// exitProblem: `unstuck endpoint` reached the endpoint and found a problem.
const exitProblem = 4

// quietExit ends the process with a code after the report was printed:
// the report already says why.
type quietExit int

func (q quietExit) Error() string { return fmt.Sprintf("exit status %d", int(q)) }

// endpointOptions are the inputs of `unstuck endpoint`.
type endpointOptions struct {
	url     string
	chain   string
	asJSON  bool
	timeout time.Duration
}

func (a *app) endpointCmd() *cobra.Command {
	opts := endpointOptions{timeout: diagnose.DefaultTimeout}
	cmd := &cobra.Command{
		Use:   "endpoint <url>",
		Short: "Check a custom RPC endpoint: right chain, up to date, how fast, batches, old state",
		Long: `Asks the endpoint for its chain id and head, the calls a transaction check makes (about the
zero hash and the zero address), in one batch of 10 (smaller if it refuses), and the zero address's
balance 128 and 100,000 blocks back; compares its head with the network's public endpoints.
Exit status: 0 healthy, 4 it answered with a problem, 3 it could not be reached, 130 interrupted.`,
		Example: `  unstuck endpoint https://my-node.example/rpc --chain bsc`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return badInput("%s", a.lang.Pick("endpoint needs one URL, e.g. https://host/path", "endpoint 需要一个 URL，例如 https://host/path"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.url = args[0]
			return a.runEndpoint(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print as JSON")
	cmd.Flags().StringVar(&opts.chain, "chain", "", "the network this endpoint is supposed to serve")
	cmd.Flags().DurationVar(&opts.timeout, "timeout", opts.timeout, "give up after this long")
	return cmd
}

func (a *app) runEndpoint(ctx context.Context, opts endpointOptions) error {
	reg, err := a.registry()
	if err != nil {
		return err
	}
	var claimed uint64
	if opts.chain != "" {
		// The endpoint is the user's own: any chain id may be claimed.
		if claimed, err = a.chainFlag(reg, opts.chain, true); err != nil {
			return err
		}
	}
	eng, err := a.newEngine(nil, opts.timeout)
	if err != nil {
		return err
	}
	rep, err := eng.Endpoint(ctx, opts.url, claimed)
	if ctx.Err() != nil {
		return ctx.Err() // ctrl+c: no verdict, exit 130
	}
	if err != nil {
		return usageError{err}
	}
	diagnose.LocalizeFindings(rep.Findings, string(a.lang)) // English findings stay as written
	if opts.asJSON {
		if err := writeJSON(a.stdout, rep); err != nil {
			return err
		}
	} else {
		a.printEndpoint(rep)
	}
	switch {
	case !rep.Reachable:
		return quietExit(exitNoEndpoint)
	case !rep.OK:
		return quietExit(exitProblem)
	}
	return nil
}

func (a *app) printEndpoint(rep *diagnose.EndpointReport) {
	mark := "✓ " + a.lang.Pick("OK", "正常")
	switch {
	case !rep.Reachable:
		mark = "✗ " + a.lang.Pick("UNREACHABLE", "无法连接")
	case !rep.OK:
		mark = "✗ " + a.lang.Pick("PROBLEM", "有问题")
	case !rep.FreshnessChecked:
		mark = "✓ " + a.lang.Pick("ANSWERS (freshness not checked: no public endpoint to compare with)", "有回应（未检查是否最新：没有可比较的公共节点）")
	}
	fmt.Fprintf(a.stdout, "%s  %s\n", mark, rep.Endpoint)
	if rep.Reachable {
		fmt.Fprintf(a.stdout, "  %s  %s (%d)\n", a.lang.Pick("chain  ", "链     "), rep.Chain, rep.ChainID)
		fmt.Fprintf(a.stdout, "  %s  %d\n", a.lang.Pick("head   ", "最新块 "), rep.Head)
		if rep.BlocksBehind != nil {
			fmt.Fprintf(a.stdout, "  %s  %d\n", a.lang.Pick("behind ", "落后   "), *rep.BlocksBehind)
		}
		fmt.Fprintf(a.stdout, "  %s  %d ms\n", a.lang.Pick("latency", "延迟   "), rep.LatencyMS)
		fmt.Fprintf(a.stdout, "  %s  %s\n", a.lang.Pick("batches", "批量   "), a.batchWords(rep))
		fmt.Fprintf(a.stdout, "  %s  %s\n", a.lang.Pick("state  ", "历史状态"), a.archiveWords(rep.Archive))
	}
	for _, f := range rep.Findings {
		fmt.Fprintf(a.stdout, "  %s %s: %s\n", diagnose.SeverityGlyph(f.Severity), f.Title, f.Detail)
	}
}

func (a *app) batchWords(rep *diagnose.EndpointReport) string {
	switch {
	case !rep.BatchRefused:
		return fmt.Sprintf(a.lang.Pick("%d calls per request accepted (as many as unstuck sends)", "每个请求接受 %d 个调用（unstuck 最多发送这么多）"), rep.BatchCap)
	case rep.BatchCap == 1:
		return a.lang.Pick("no batches: one call per request (unstuck sends its questions side by side)", "不接受批量：每个请求一个调用（unstuck 会并行发送）")
	}
	return fmt.Sprintf(a.lang.Pick("at most %d calls per request (unstuck splits its questions and sends the parts together)", "每个请求最多 %d 个调用（unstuck 会拆分问题并同时发送）"), rep.BatchCap)
}

func (a *app) archiveWords(archive string) string {
	switch archive {
	case "full":
		return a.lang.Pick("served 100,000 blocks back (archive): a failed transaction's reason can be replayed", "可查询 100,000 个区块之前（归档）：可以重放失败交易的原因")
	case "recent":
		return a.lang.Pick("recent only (128 blocks back, not 100,000): older failures cannot be replayed through it", "只有最近的（128 个区块之前可以，100,000 个不行）：无法通过它重放较早的失败")
	case "none":
		return a.lang.Pick("none (refused even 128 blocks back): failures cannot be replayed through it", "没有（连 128 个区块之前都拒绝）：无法通过它重放失败")
	}
	return a.lang.Pick("unknown (the probe got no clear answer)", "未知（探测没有得到明确回答）")
}
