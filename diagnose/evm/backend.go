package evm

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// Family is the EVM family.
func (e *Backend) Family() diagnose.Family { return diagnose.FamilyEVM }

// Account looks a 0x address up on every EVM network at once.
func (e *Backend) Account(ctx context.Context, q diagnose.Query) (*diagnose.AccountReport, error) {
	if !common.IsHexAddress(q.Ref) {
		return nil, fmt.Errorf("not an EVM address: %q", q.Ref)
	}
	return e.account(ctx, common.HexToAddress(q.Ref))
}

// Networks lists the registry's networks (or none with --rpc: custom
// endpoints name their chain by eth_chainId).
func (e *Backend) Networks() []diagnose.Network {
	var out []diagnose.Network
	for _, c := range e.reg.All() {
		key := ""
		if len(c.Aliases) > 0 {
			key = c.Aliases[0]
		}
		out = append(out, diagnose.Network{Family: diagnose.FamilyEVM, Key: key, Name: c.Name, ChainID: c.ID,
			Symbol: c.Symbol, Decimals: diagnose.WeiDecimals, Endpoints: c.Endpoints})
	}
	return out
}

var _ diagnose.Backend = (*Backend)(nil)
var _ diagnose.EndpointProber = (*Backend)(nil)
var _ diagnose.KeyViewer = (*Backend)(nil)
