package simnode

import (
	"context"
	_ "embed" // fixture bytecode
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

//go:embed contracts/Token.bin
var tokenBin string

//go:embed contracts/Failer.bin
var failerBin string

// fixtureABI describes the fixture contracts' functions (Fixtures.sol).
const fixtureABI = `[
 {"type":"constructor","inputs":[{"name":"n","type":"string"},{"name":"s","type":"string"},{"name":"d","type":"uint8"},{"name":"supply","type":"uint256"}]},
 {"type":"function","name":"transfer","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}]},
 {"type":"function","name":"transferFrom","inputs":[{"name":"from","type":"address"},{"name":"to","type":"address"},{"name":"amount","type":"uint256"}]},
 {"type":"function","name":"approve","inputs":[{"name":"spender","type":"address"},{"name":"amount","type":"uint256"}]},
 {"type":"function","name":"swapExpired","inputs":[{"name":"deadline","type":"uint256"}]},
 {"type":"function","name":"divide","inputs":[{"name":"a","type":"uint256"},{"name":"b","type":"uint256"}]},
 {"type":"function","name":"burn","inputs":[]},
 {"type":"function","name":"swapV3","inputs":[]},
 {"type":"function","name":"execute","inputs":[]}
]`

// Calldata ABI-encodes a call to one of the fixture functions.
func Calldata(method string, args ...any) ([]byte, error) {
	a, err := abi.JSON(strings.NewReader(fixtureABI))
	if err != nil {
		return nil, err
	}
	return a.Pack(method, args...)
}

// MustCalldata is Calldata for fixed, known-good arguments in tests.
func MustCalldata(method string, args ...any) []byte {
	b, err := Calldata(method, args...)
	if err != nil {
		panic(err)
	}
	return b
}

// DeployToken deploys the fixture ERC-20, its whole supply to account from.
func (n *Node) DeployToken(ctx context.Context, from int, name, symbol string, decimals uint8, supply *big.Int) (common.Address, error) {
	code, err := TokenCreation(name, symbol, decimals, supply)
	if err != nil {
		return common.Address{}, err
	}
	return n.Deploy(ctx, from, code)
}

// TokenCreation is the creation code of the fixture ERC-20 with its
// constructor arguments, for deploying it on any node.
func TokenCreation(name, symbol string, decimals uint8, supply *big.Int) ([]byte, error) {
	a, err := abi.JSON(strings.NewReader(fixtureABI))
	if err != nil {
		return nil, err
	}
	args, err := a.Pack("", name, symbol, decimals, supply)
	if err != nil {
		return nil, fmt.Errorf("token constructor: %w", err)
	}
	return append(hexutil.MustDecode("0x"+strings.TrimSpace(tokenBin)), args...), nil
}

// DeployFailer deploys the contract whose functions fail in known ways.
func (n *Node) DeployFailer(ctx context.Context, from int) (common.Address, error) {
	return n.Deploy(ctx, from, hexutil.MustDecode("0x"+strings.TrimSpace(failerBin)))
}
