package simnode

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
)

// Accounts is how many funded accounts a node has.
const Accounts = 4

// Node is a running simulated chain reachable over HTTP.
type Node struct {
	Backend *simulated.Backend
	URL     string
	ChainID uint64
	Keys    []*ecdsa.PrivateKey
	Addrs   []common.Address
	signer  types.Signer
}

// Start launches a simulated node for chainID (1337 when 0) with HTTP on
// a free loopback port, and commits one block.
func Start(chainID uint64) (*Node, error) {
	if chainID == 0 {
		chainID = 1337
	}
	n := &Node{ChainID: chainID}
	alloc := types.GenesisAlloc{}
	for i := 0; i < Accounts; i++ {
		// Deterministic keys so that recordings are stable.
		key, err := crypto.ToECDSA(crypto.Keccak256([]byte("unstuck-simnode-" + strconv.Itoa(i))))
		if err != nil {
			return nil, err
		}
		addr := crypto.PubkeyToAddress(key.PublicKey)
		n.Keys, n.Addrs = append(n.Keys, key), append(n.Addrs, addr)
		alloc[addr] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))}
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	var startErr error
	func() {
		defer func() {
			if r := recover(); r != nil {
				startErr = fmt.Errorf("simulated node: %v", r)
			}
		}()
		n.Backend = simulated.NewBackend(alloc, func(nc *node.Config, ec *ethconfig.Config) {
			nc.HTTPHost = "127.0.0.1"
			nc.HTTPPort = port
			nc.HTTPModules = []string{"eth", "net", "web3", "txpool"}
			nc.HTTPVirtualHosts = []string{"*"}
			cfg := *ec.Genesis.Config
			cfg.ChainID = new(big.Int).SetUint64(chainID)
			ec.Genesis.Config = &cfg
			ec.NetworkId = chainID
		})
	}()
	if startErr != nil {
		return nil, startErr
	}
	n.URL = "http://127.0.0.1:" + strconv.Itoa(port)
	n.signer = types.LatestSignerForChainID(new(big.Int).SetUint64(chainID))
	n.Backend.Commit()
	if err := n.waitIndexed(); err != nil {
		_ = n.Close()
		return nil, err
	}
	return n, nil
}

// waitIndexed waits until the node's transaction indexer has finished its
// first run: before that, geth answers lookups of unknown hashes with
// "transaction indexing is in progress" (as mainnet nodes do after start).
func (n *Node) waitIndexed() error {
	// A bound, not a speed: on a loaded 2-core machine running several
	// test binaries the first indexer run has taken over 10 s.
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	for {
		_, _, err := n.Backend.Client().TransactionByHash(ctx, common.Hash{1})
		if err == nil || errors.Is(err, ethereum.NotFound) {
			return nil
		}
		if !strings.Contains(err.Error(), "indexing") {
			return fmt.Errorf("simulated node: %w", err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("simulated node still indexing: %w", ctx.Err())
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// Close stops the node.
func (n *Node) Close() error {
	if n.Backend == nil {
		return nil
	}
	return n.Backend.Close()
}

// Commit mines the pending transactions into a block.
func (n *Node) Commit() common.Hash { return n.Backend.Commit() }

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	addr, ok := l.Addr().(*net.TCPAddr)
	if !ok {
		return 0, errors.New("no tcp port")
	}
	return addr.Port, nil
}
