package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/guides"
)

// chainsOptions are the inputs of `unstuck chains`.
type chainsOptions struct {
	asJSON bool
}

func (a *app) chainsCmd() *cobra.Command {
	var opts chainsOptions
	cmd := &cobra.Command{
		Use:   "chains",
		Short: "List the networks unstuck knows and the public endpoints it asks",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runChains(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print as JSON")
	return cmd
}

// chainRow is one network in `unstuck chains --json`.
type chainRow struct {
	Family         diagnose.Family `json:"family"`
	Key            string          `json:"key,omitempty"`
	ID             uint64          `json:"id"`
	Name           string          `json:"name"`
	Symbol         string          `json:"symbol"`
	Aliases        []string        `json:"aliases"`
	Explorer       string          `json:"explorer"`
	Endpoints      []string        `json:"endpoints"`
	L2             string          `json:"l2,omitempty"`
	PrivateMempool bool            `json:"private_mempool"`
}

func (a *app) runChains(_ context.Context, opts chainsOptions) error {
	reg, err := a.registry()
	if err != nil {
		return err
	}
	eng, err := a.newEngine(nil, diagnose.DefaultTimeout)
	if err != nil {
		return err
	}
	var others []diagnose.Network // TRON and Bitcoin: the EVM rows come from the registry
	for _, n := range eng.Networks() {
		if n.Family != diagnose.FamilyEVM {
			others = append(others, n)
		}
	}
	if opts.asJSON {
		var rows []chainRow
		for _, c := range reg.All() {
			rows = append(rows, chainRow{diagnose.FamilyEVM, "", c.ID, c.Name, c.Symbol, c.Aliases, c.Explorer, c.Endpoints, c.L2, c.PrivateMempool})
		}
		for _, n := range others {
			rows = append(rows, chainRow{Family: n.Family, Key: n.Key, ID: n.ChainID, Name: n.Name, Symbol: n.Symbol,
				Aliases: []string{n.Key}, Endpoints: n.Endpoints})
		}
		return writeJSON(a.stdout, rows)
	}
	l := a.lang
	rows := [][]string{{"ID", l.Pick("NETWORK", "网络"), l.Pick("COIN", "币种"), l.Pick("NAMES", "名称"), l.Pick("ENDPOINTS", "节点数")}}
	for _, c := range reg.All() {
		names := ""
		if len(c.Aliases) > 0 {
			names = c.Aliases[0]
			if len(c.Aliases) > 1 {
				names += ", " + c.Aliases[1]
			}
		}
		rows = append(rows, []string{fmt.Sprint(c.ID), c.Name, c.Symbol, names, fmt.Sprint(len(c.Endpoints))})
	}
	for _, n := range others {
		rows = append(rows, []string{fmt.Sprint(n.ChainID), n.Name, n.Symbol, n.Key, fmt.Sprint(len(n.Endpoints))})
	}
	return writeTable(a.stdout, rows)
}

// chainFlag resolves a --chain value: a network the registry knows, or,
// when the endpoints are the user's own (custom), any chain id, which the
// engine then compares with the endpoints' eth_chainId.
func (a *app) chainFlag(reg *chains.Registry, value string, custom bool) (uint64, error) {
	c, err := reg.Lookup(value)
	if err == nil {
		return c.ID, nil
	}
	if id, ok := numericChainID(value); ok && custom {
		return id, nil
	}
	if isTRC20(value) {
		return 0, badInput("%s", a.lang.Pick("\"trc20\" names TRON's token standard, not an EVM network: TRC-20 tokens (USDT-TRC20) live on TRON, not on Ethereum's ERC-20: use --chain tron",
			"“trc20” 是 TRON 的代币标准，不是 EVM 网络：TRC-20 代币（USDT-TRC20）在 TRON 上，不是以太坊的 ERC-20：请用 --chain tron"))
	}
	if a.lang == guides.Zh && errors.Is(err, chains.ErrUnknownChain) {
		return 0, badInput("未知的网络 %q：运行 “unstuck chains” 查看 unstuck 认识的名称和 ID；其他网络请用 --rpc <url> 指定你自己的节点", value)
	}
	return 0, usageError{err}
}

// numericChainID reads a decimal or 0x-hex chain id.
func numericChainID(s string) (uint64, bool) {
	s = strings.TrimSpace(s)
	base := 10
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		s, base = s[2:], 16
	}
	id, err := strconv.ParseUint(s, base, 64)
	return id, err == nil && id > 0
}

// isTRC20 is "trc20" however written ("TRC-20", "trc 20").
func isTRC20(s string) bool {
	k := strings.NewReplacer("-", "", " ", "", "_", "").Replace(strings.ToLower(strings.TrimSpace(s)))
	return k == "trc20"
}
