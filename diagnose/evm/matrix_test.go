package evm

import (
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
	"github.com/unstuck-dev/unstuck/guides"
)

// The scenario matrix: per sender, each state a user is really in, built
// from real transactions on a real node, checked three ways — remembered
// from an earlier check while pending, with --from, and with neither.

const (
	modeRemembered = "remembered"
	modeFrom       = "from"
	modeNeither    = "neither"
)

// sent is what a scenario did: the hash the user checks and the
// transaction that took its nonce, if any.
type sent struct {
	hash, repl common.Hash
}

type scenario struct {
	name string
	// run sends the transactions; remember is called where the user's
	// first check would have seen the transaction pending.
	run func(t *testing.T, n matrixNode, remember func(common.Hash)) sent
	// alive: after run, a transaction with the checked one's nonce is
	// pending or mined (the checked one itself counts).
	alive bool
	want  func(mode string, pool bool, s sent) rowWant
}

type rowWant struct {
	status diagnose.Status
	codes  []diagnose.Code
	// data are key numbers each finding must carry.
	data map[diagnose.Code]map[string]string
}

// Fees: a fee cap far above the dev chains' base fee, so only the nonce
// decides; replacements double both fields (past geth's +10% and anvil's
// +1 wei rules).
var (
	fineCap, fineTip = big.NewInt(10 * simnode.Gwei), big.NewInt(simnode.Gwei)
	replCap, replTip = big.NewInt(20 * simnode.Gwei), big.NewInt(2 * simnode.Gwei)
)

const matrixSender = 1

func transfer(n matrixNode, nonce *uint64) sendTx {
	return sendTx{from: matrixSender, to: n.addr(3), value: ether(1), nonce: nonce, feeCap: fineCap, tip: fineTip}
}

// replacing sends, with nonce 0, a speed-up (same payment, higher fees) or
// a cancel (0 to yourself, higher fees).
func replacing(t *testing.T, n matrixNode, cancel bool) common.Hash {
	tx := sendTx{from: matrixSender, to: n.addr(3), value: ether(1), nonce: simnode.Ptr(uint64(0)), feeCap: replCap, tip: replTip}
	if cancel {
		tx.to, tx.value = n.addr(matrixSender), new(big.Int)
	}
	return n.send(t, tx)
}

func notFound(mode string, latest, pending uint64) rowWant {
	w := rowWant{status: diagnose.StatusNotFound, codes: []diagnose.Code{diagnose.CodeNotFound}}
	if mode == modeFrom {
		variant := "with_sender"
		if pending > latest {
			variant = "sender_waiting"
		}
		w.data = map[diagnose.Code]map[string]string{diagnose.CodeNotFound: {"variant": variant, "latest_nonce": u64(latest),
			"pending_nonce": u64(pending), "waiting": u64(pending - latest)}}
	}
	return w
}

func matrixScenarios() []scenario {
	pendingReplacement := func(cancel bool) func(string, bool, sent) rowWant {
		return func(mode string, pool bool, s sent) rowWant {
			if mode != modeRemembered {
				return notFound(mode, 0, 1)
			}
			w := rowWant{status: diagnose.StatusReplaced, codes: []diagnose.Code{diagnose.CodeReplaced},
				data: map[diagnose.Code]map[string]string{diagnose.CodeReplaced: {"replacement_state": "pending", "nonce": "0",
					"latest_nonce": "0", "pending_nonce": "1", "variant": "pending"}}}
			if pool { // the pool names the replacing transaction
				code := diagnose.CodeReplaced
				if cancel {
					code = diagnose.CodeCancelled
				}
				w.codes = []diagnose.Code{code}
				w.data = map[diagnose.Code]map[string]string{code: {"replacement_state": "pending", "nonce": "0",
					"replacement": s.repl.Hex(), "variant": "pending_known"}}
			}
			return w
		}
	}
	minedReplacement := func(cancel bool) func(string, bool, sent) rowWant {
		return func(mode string, _ bool, s sent) rowWant {
			if mode != modeRemembered {
				return notFound(mode, 1, 1)
			}
			code := diagnose.CodeReplaced
			if cancel {
				code = diagnose.CodeCancelled
			}
			return rowWant{status: diagnose.StatusReplaced, codes: []diagnose.Code{code},
				data: map[diagnose.Code]map[string]string{code: {"replacement": s.repl.Hex(), "nonce": "0", "latest_nonce": "1"}}}
		}
	}
	return []scenario{
		{name: "one pending", alive: true,
			run: func(t *testing.T, n matrixNode, remember func(common.Hash)) sent {
				h := n.send(t, transfer(n, nil))
				remember(h)
				return sent{hash: h}
			},
			want: func(string, bool, sent) rowWant {
				return rowWant{status: diagnose.StatusPending, codes: []diagnose.Code{diagnose.CodeWaiting},
					data: map[diagnose.Code]map[string]string{diagnose.CodeWaiting: {"nonce": "0", "fee_cap": "10 gwei", "tip": "1 gwei",
						"min_tip": "1.1 gwei", "min_max_fee": "11 gwei", "suggested_tip": "1.1 gwei", "minutes": "10"}}}
			}},
		{name: "consecutive pending", alive: true,
			run: func(t *testing.T, n matrixNode, remember func(common.Hash)) sent {
				n.send(t, transfer(n, simnode.Ptr(uint64(0))))
				h := n.send(t, transfer(n, simnode.Ptr(uint64(1))))
				remember(h)
				return sent{hash: h}
			},
			want: func(string, bool, sent) rowWant {
				return rowWant{status: diagnose.StatusPending, codes: []diagnose.Code{diagnose.CodeQueuedBehind},
					data: map[diagnose.Code]map[string]string{diagnose.CodeQueuedBehind: {"nonce": "1", "ahead": "1", "lowest_nonce": "0", "latest_nonce": "0"}}}
			}},
		{name: "gap above pending", alive: true,
			run: func(t *testing.T, n matrixNode, remember func(common.Hash)) sent {
				n.send(t, transfer(n, simnode.Ptr(uint64(0))))
				h := n.send(t, transfer(n, simnode.Ptr(uint64(2))))
				remember(h)
				return sent{hash: h}
			},
			want: func(string, bool, sent) rowWant {
				return rowWant{status: diagnose.StatusPending, codes: []diagnose.Code{diagnose.CodeNonceGap},
					data: map[diagnose.Code]map[string]string{diagnose.CodeNonceGap: {"nonce": "2", "missing_nonce": "1", "latest_nonce": "0", "missing_count": "1"}}}
			}},
		{name: "speed-up pending", alive: true,
			run: func(t *testing.T, n matrixNode, remember func(common.Hash)) sent {
				h := n.send(t, transfer(n, nil))
				remember(h)
				return sent{hash: h, repl: replacing(t, n, false)}
			},
			want: pendingReplacement(false)},
		{name: "cancel pending", alive: true,
			run: func(t *testing.T, n matrixNode, remember func(common.Hash)) sent {
				h := n.send(t, transfer(n, nil))
				remember(h)
				return sent{hash: h, repl: replacing(t, n, true)}
			},
			want: pendingReplacement(true)},
		{name: "speed-up mined", alive: true,
			run: func(t *testing.T, n matrixNode, remember func(common.Hash)) sent {
				h := n.send(t, transfer(n, nil))
				remember(h)
				r := replacing(t, n, false)
				n.mine(t)
				return sent{hash: h, repl: r}
			},
			want: minedReplacement(false)},
		{name: "cancel mined", alive: true,
			run: func(t *testing.T, n matrixNode, remember func(common.Hash)) sent {
				h := n.send(t, transfer(n, nil))
				remember(h)
				r := replacing(t, n, true)
				n.mine(t)
				return sent{hash: h, repl: r}
			},
			want: minedReplacement(true)},
		{name: "dropped",
			run: func(t *testing.T, n matrixNode, remember func(common.Hash)) sent {
				h := n.send(t, transfer(n, nil))
				remember(h)
				n.drop(t, h)
				return sent{hash: h}
			},
			want: func(mode string, _ bool, _ sent) rowWant {
				if mode != modeRemembered {
					return notFound(mode, 0, 0)
				}
				return rowWant{status: diagnose.StatusDropped, codes: []diagnose.Code{diagnose.CodeDropped},
					data: map[diagnose.Code]map[string]string{diagnose.CodeDropped: {"nonce": "0", "latest_nonce": "0", "pending_nonce": "0"}}}
			}},
	}
}

// scenarioRow is one checked cell, kept for the invariant test.
type scenarioRow struct {
	name  string
	alive bool
	rep   *diagnose.Report
}

// runMatrix runs every scenario on fresh nodes from start and returns the
// rows, each already checked against its expectation.
func runMatrix(t *testing.T, start func(t *testing.T) matrixNode) []scenarioRow {
	var rows []scenarioRow
	for _, sc := range matrixScenarios() {
		t.Run(sc.name, func(t *testing.T) {
			n := start(t)
			mem := newEnv(t, n.url())
			s := sc.run(t, n, func(h common.Hash) {
				wantStatus(t, mem.check(h, diagnose.CheckOptions{}), diagnose.StatusPending)
			})
			from := n.addr(matrixSender)
			for _, mode := range []string{modeRemembered, modeFrom, modeNeither} {
				env, opt := mem, diagnose.CheckOptions{}
				switch mode {
				case modeFrom:
					env, opt = newEnv(t, n.url()), diagnose.CheckOptions{From: from.Hex()}
				case modeNeither:
					env = newEnv(t, n.url())
				}
				rep := env.check(s.hash, opt)
				rows = append(rows, scenarioRow{name: sc.name + "/" + mode, alive: sc.alive, rep: rep})
				t.Logf("row %s · %s · %s %v", sc.name, mode, rep.Status, variantsOf(rep))
				checkRow(t, mode, rep, sc.want(mode, n.poolView(), s))
			}
		})
	}
	return rows
}

func checkRow(t *testing.T, mode string, rep *diagnose.Report, w rowWant) {
	t.Helper()
	got := codesOf(rep)
	if rep.Status != w.status || !sameCodes(got, w.codes) {
		t.Errorf("%s: status %s codes %v, want %s %v", mode, rep.Status, got, w.status, w.codes)
		return
	}
	for code, data := range w.data {
		f := findingOf(rep, code)
		for k, v := range data {
			if f.Data[k] != v {
				t.Errorf("%s: %s data[%s] = %q, want %q (all: %v)", mode, code, k, f.Data[k], v, f.Data)
			}
		}
	}
	for _, lang := range []string{"en", "zh"} {
		fs := slices.Clone(rep.Findings)
		diagnose.LocalizeFindings(fs, lang)
		for _, f := range fs {
			if unfilled.MatchString(f.Title + " " + f.Detail) {
				t.Errorf("%s (%s): %s has an unfilled value: %q %q", mode, lang, f.Code, f.Title, f.Detail)
			}
		}
	}
	if rep.Chain == nil || rep.Chain.ID == 0 || rep.Chain.Name == "" {
		if rep.Status != diagnose.StatusNotFound {
			t.Errorf("%s: chain = %+v, want the chain learnt from eth_chainId", mode, rep.Chain)
		}
	}
}

// variantsOf lists the codes with their message variants, for the log.
func variantsOf(rep *diagnose.Report) []string {
	var out []string
	for _, f := range rep.Findings {
		c := string(f.Code)
		if v := f.Data["variant"]; v != "" && v != "suggested" {
			c += "/" + v
		}
		out = append(out, c)
	}
	return out
}

func sameCodes(got, want []diagnose.Code) bool {
	a, b := slices.Clone(got), slices.Clone(want)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// checkNoResend is the invariant over every row: while a transaction with
// the same nonce is pending or mined, nothing tells the user to send again —
// no dropped verdict, no finding (English or Chinese) and no linked guide's
// call to action that says so.
func checkNoResend(t *testing.T, rows []scenarioRow) {
	t.Helper()
	lib, err := guides.Load()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, row := range rows {
		if !row.alive {
			continue
		}
		checked++
		if row.rep.Status == diagnose.StatusDropped {
			t.Errorf("%s: status dropped while a same-nonce transaction lives", row.name)
		}
		for _, lang := range []string{"en", "zh"} {
			fs := slices.Clone(row.rep.Findings)
			diagnose.LocalizeFindings(fs, lang)
			for _, f := range fs {
				if f.Code == diagnose.CodeDropped || f.Code == diagnose.CodePrivateMempool {
					t.Errorf("%s: finding %s says send again", row.name, f.Code)
				}
				if s := resendAdvice(f.Title + ". " + f.Detail); s != "" {
					t.Errorf("%s (%s): %s advises resending: %q", row.name, lang, f.Code, s)
				}
				node, ok := lib.Node(f.Guide)
				if !ok {
					t.Errorf("%s: %s links to missing guide %q", row.name, f.Code, f.Guide)
					continue
				}
				if s := resendAdvice(node.Action.Get(guides.ParseLang(lang))); s != "" {
					t.Errorf("%s (%s): guide %s advises resending: %q", row.name, lang, f.Guide, s)
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no row where a same-nonce transaction lives")
	}
	t.Logf("no-resend invariant held over %d rows (%d in the matrix)", checked, len(rows))
}

func TestMatrixGeth(t *testing.T) {
	rows := runMatrix(t, func(t *testing.T) matrixNode { return gethNode{startNode(t, 0)} })
	checkNoResend(t, rows)
}

func TestMatrixAnvil(t *testing.T) {
	anvilPath(t)
	rows := runMatrix(t, func(t *testing.T) matrixNode {
		return anvilMatrix{a: startAnvil(t, 31337), chainID: 31337}
	})
	checkNoResend(t, rows)
}

// TestResendAdvice keeps the invariant's detector honest.
func TestResendAdvice(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Nothing was sent and no fee was paid. Send it again (your wallet may need its activity reset first).", true},
		{"Do not send the payment again until it does.", false},
		{"请重新发送（钱包可能需要先重置活动记录）。", true},
		{"在它成交之前，不要再发一次这笔付款。", false},
		{"Wait, and check again in about ten minutes.", false},
	}
	for _, tt := range tests {
		if got := resendAdvice(tt.text) != ""; got != tt.want {
			t.Errorf("resendAdvice(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
