package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// scenario is one transaction a user might ask about, and how to tell that
// unstuck and cast gave the same answer about it.
type scenario struct {
	name   string
	hash   common.Hash
	status string // unstuck's JSON status
	// replay: cast needs `cast run` as well to say why it failed.
	replay bool
	// castSays checks cast's joined output for the same answer.
	castSays func(out string) bool
	// unstuckSays checks unstuck's JSON report beyond its status.
	unstuckSays func(r jsonReport) error
	// facts are the further cast commands that give the facts unstuck's
	// report holds besides the status (nil: tx and receipt are enough).
	facts func(cast, url string) [][]string
}

// parties are the addresses of the fixture transactions.
type parties struct {
	from, to                  common.Address // the plain transfer
	token, tokenFrom, tokenTo common.Address
	pendingFrom, pendingTo    common.Address
}

// jsonReport is the part of `unstuck check --json` the bench reads.
type jsonReport struct {
	Status    string            `json:"status"`
	Revert    *json.RawMessage  `json:"revert"`
	Transfers []json.RawMessage `json:"transfers"`
	Searched  []struct {
		Requests int `json:"requests"`
	} `json:"searched"`
}

func scenarios(ok, token, failed, pending common.Hash, p parties) []scenario {
	mined := func(status string) func(string) bool {
		return func(out string) bool { return strings.Contains(out, status) }
	}
	return []scenario{
		{name: "success", hash: ok, status: "success", castSays: mined("1 (success)"),
			facts: func(cast, url string) [][]string {
				return casts(cast, url, []string{"block-number"}, []string{"code", hex(p.to)}, []string{"code", hex(p.from)})
			}},
		{name: "token transfer", hash: token, status: "success", castSays: mined("1 (success)"),
			facts: func(cast, url string) [][]string {
				return casts(cast, url, []string{"block-number"}, []string{"code", hex(p.token)}, []string{"code", hex(p.tokenFrom)},
					[]string{"code", hex(p.tokenTo)}, []string{"call", hex(p.token), "symbol()(string)"}, []string{"call", hex(p.token), "decimals()(uint8)"})
			},
			unstuckSays: func(r jsonReport) error {
				if len(r.Transfers) == 0 {
					return fmt.Errorf("no token transfer in the report")
				}
				return nil
			}},
		{name: "failed + replay", hash: failed, status: "failed", replay: true,
			castSays: func(out string) bool {
				return strings.Contains(out, "0 (failed)") && strings.Contains(out, "Revert") && strings.Contains(out, "EXPIRED")
			},
			unstuckSays: func(r jsonReport) error {
				if r.Revert == nil || !strings.Contains(string(*r.Revert), "EXPIRED") {
					return fmt.Errorf("no revert reason in the report")
				}
				return nil
			}},
		{name: "pending", hash: pending, status: "pending",
			castSays: func(out string) bool {
				return strings.Contains(out, "blockNumber") && strings.Contains(out, "not found")
			},
			facts: func(cast, url string) [][]string {
				from := hex(p.pendingFrom)
				return casts(cast, url, []string{"nonce", from}, []string{"nonce", from, "--block", "pending"}, []string{"balance", from},
					[]string{"base-fee"}, []string{"gas-price"}, []string{"code", from}, []string{"code", hex(p.pendingTo)},
					[]string{"rpc", "eth_feeHistory", "0x5", "latest", "[10,50,90]"})
			}},
		{name: "not found", hash: crypto.Keccak256Hash([]byte("unstuck bench: never sent")), status: "not_found",
			castSays: func(out string) bool { return strings.Contains(out, "tx not found") }},
	}
}

func hex(a common.Address) string { return a.Hex() }

// casts builds cast commands against one endpoint.
func casts(cast, url string, args ...[]string) [][]string {
	out := make([][]string, len(args))
	for i, a := range args {
		out[i] = append(append([]string{cast}, a...), "--rpc-url", url)
	}
	return out
}

// castCommands is what a developer types for the same answer: the
// transaction, its receipt (--async: return at once when there is none)
// and, for a failure, a replay.
func castCommands(cast, rpcURL string, sc scenario) [][]string {
	h := sc.hash.Hex()
	cmds := [][]string{
		{cast, "tx", h, "--rpc-url", rpcURL},
		{cast, "receipt", h, "--async", "--rpc-url", rpcURL},
	}
	if sc.replay {
		cmds = append(cmds, []string{cast, "run", h, "--rpc-url", rpcURL})
	}
	return cmds
}

// checkUnstuck reads unstuck's JSON output and holds it to the scenario.
func checkUnstuck(sc scenario, out string) (jsonReport, error) {
	var r jsonReport
	start := strings.IndexByte(out, '{')
	if start < 0 {
		return r, fmt.Errorf("%s: no JSON in unstuck's output: %.300s", sc.name, out)
	}
	if err := json.NewDecoder(strings.NewReader(out[start:])).Decode(&r); err != nil {
		return r, fmt.Errorf("%s: unstuck's JSON: %w", sc.name, err)
	}
	if r.Status != sc.status {
		return r, fmt.Errorf("%s: unstuck said %q, want %q", sc.name, r.Status, sc.status)
	}
	if sc.unstuckSays != nil {
		if err := sc.unstuckSays(r); err != nil {
			return r, fmt.Errorf("%s: %w", sc.name, err)
		}
	}
	return r, nil
}
