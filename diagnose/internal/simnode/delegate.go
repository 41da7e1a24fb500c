package simnode

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"
)

// Delegate makes account `who` an EIP-7702 delegated account running the
// code at target: the sweeper pattern phishing sites set up. Account
// `payer` sends the type-4 transaction; the block is mined.
func (n *Node) Delegate(ctx context.Context, payer, who int, target common.Address) error {
	c := n.Backend.Client()
	whoNonce, err := c.PendingNonceAt(ctx, n.Addrs[who])
	if err != nil {
		return err
	}
	auth, err := types.SignSetCode(n.Keys[who], types.SetCodeAuthorization{
		ChainID: *uint256.NewInt(n.ChainID), Address: target, Nonce: whoNonce})
	if err != nil {
		return err
	}
	payerNonce, err := c.PendingNonceAt(ctx, n.Addrs[payer])
	if err != nil {
		return err
	}
	base, err := n.BaseFee(ctx)
	if err != nil {
		return err
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(base, big.NewInt(2)), big.NewInt(Gwei))
	tx, err := types.SignNewTx(n.Keys[payer], n.signer, &types.SetCodeTx{
		ChainID: uint256.NewInt(n.ChainID), Nonce: payerNonce, GasTipCap: uint256.NewInt(Gwei),
		GasFeeCap: uint256.MustFromBig(feeCap), Gas: 100_000, To: n.Addrs[who], Value: new(uint256.Int),
		AuthList: []types.SetCodeAuthorization{auth}})
	if err != nil {
		return err
	}
	if err := c.SendTransaction(ctx, tx); err != nil {
		return fmt.Errorf("send set-code tx: %w", err)
	}
	n.Commit()
	return nil
}
