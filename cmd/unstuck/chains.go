package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
)

func (a *app) chainsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "chains",
		Short: "List the networks unstuck knows and the public endpoints it asks",
		Args:  cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			reg, err := chains.Default()
			if err != nil {
				return err
			}
			if asJSON {
				type row struct {
					ID             uint64   `json:"id"`
					Name           string   `json:"name"`
					Symbol         string   `json:"symbol"`
					Aliases        []string `json:"aliases"`
					Explorer       string   `json:"explorer"`
					Endpoints      []string `json:"endpoints"`
					L2             string   `json:"l2,omitempty"`
					PrivateMempool bool     `json:"private_mempool"`
				}
				var rows []row
				for _, c := range reg.All() {
					rows = append(rows, row{c.ID, c.Name, c.Symbol, c.Aliases, c.Explorer, c.Endpoints, c.L2, c.PrivateMempool})
				}
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(rows)
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
			return writeTable(a.stdout, rows)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}
