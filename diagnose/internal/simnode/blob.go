package simnode

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto/kzg4844"
	"github.com/holiman/uint256"
)

// Blob describes a blob (type 3) transaction carrying one empty blob.
// Nil fee fields get defaults: tip 1 gwei, fee cap 2 × base fee + tip,
// blob fee cap 1 gwei.
type Blob struct {
	From       int
	Nonce      *uint64
	FeeCap     *big.Int
	Tip        *big.Int
	BlobFeeCap *big.Int
}

// SendBlob signs and submits a blob transaction to account 3 and returns
// it. It does not mine.
func (n *Node) SendBlob(ctx context.Context, b Blob) (*types.Transaction, error) {
	c := n.Backend.Client()
	var nonce uint64
	if b.Nonce != nil {
		nonce = *b.Nonce
	} else {
		var err error
		if nonce, err = c.PendingNonceAt(ctx, n.Addrs[b.From]); err != nil {
			return nil, err
		}
	}
	if b.Tip == nil {
		b.Tip = big.NewInt(Gwei)
	}
	if b.FeeCap == nil {
		base, err := n.BaseFee(ctx)
		if err != nil {
			return nil, err
		}
		b.FeeCap = new(big.Int).Add(new(big.Int).Mul(base, big.NewInt(2)), b.Tip)
	}
	if b.BlobFeeCap == nil {
		b.BlobFeeCap = big.NewInt(Gwei)
	}
	tx, err := SignBlob(n.Keys[b.From], n.ChainID, nonce, n.Addrs[3], b.FeeCap, b.Tip, b.BlobFeeCap)
	if err != nil {
		return nil, err
	}
	if err := c.SendTransaction(ctx, tx); err != nil {
		return nil, fmt.Errorf("send blob tx: %w", err)
	}
	return tx, nil
}

// SignBlob signs a blob transaction with one empty blob and its sidecar
// (blob proofs, version 0), ready for eth_sendRawTransaction on any node.
func SignBlob(key *ecdsa.PrivateKey, chainID, nonce uint64, to common.Address, feeCap, tip, blobFeeCap *big.Int) (*types.Transaction, error) {
	var blob kzg4844.Blob
	commit, err := kzg4844.BlobToCommitment(&blob)
	if err != nil {
		return nil, err
	}
	proof, err := kzg4844.ComputeBlobProof(&blob, commit)
	if err != nil {
		return nil, err
	}
	sc := types.NewBlobTxSidecar(types.BlobSidecarVersion0, []kzg4844.Blob{blob}, []kzg4844.Commitment{commit}, []kzg4844.Proof{proof})
	signer := types.LatestSignerForChainID(new(big.Int).SetUint64(chainID))
	return types.SignNewTx(key, signer, &types.BlobTx{
		ChainID: uint256.NewInt(chainID), Nonce: nonce, GasTipCap: uint256.MustFromBig(tip),
		GasFeeCap: uint256.MustFromBig(feeCap), Gas: 21_000, To: to, Value: new(uint256.Int),
		BlobFeeCap: uint256.MustFromBig(blobFeeCap), BlobHashes: sc.BlobHashes(), Sidecar: sc})
}
