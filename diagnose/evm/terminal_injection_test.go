package evm

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/internal/faultproxy"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// hostile is node-supplied text that tries to take over the terminal: an
// OSC title change, a screen clear, a C1 CSI (as a rune and as a raw
// byte), bidi overrides and isolates, C0 controls. Its visible letters,
// once cleaned, read "ABCDEF": their presence in the output proves the
// text did reach it (cleaned) rather than being lost on the way.
const hostile = "A\x1b]0;pwned\x07B\x1b[2JC\u009b31mD\u202eE\u2066F\u2069\x07\r\x08\x00\x7f\x1b[0m"

// hostileRaw adds a lone C1 byte (invalid UTF-8), as a raw revert string
// can carry.
const hostileRaw = hostile + "\x9b31m"

// marker is what remains visible of hostile.
const marker = "ABCDEF"

func TestTerminalInjection(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, 0)

	t.Run("token symbol", func(t *testing.T) {
		token, err := n.DeployToken(ctx, 0, "Evil", hostile, 6, big.NewInt(1e9))
		if err != nil {
			t.Fatal(err)
		}
		tx, err := n.Mine(ctx, simnode.Tx{From: 0, To: &token, Data: simnode.MustCalldata("transfer", n.Addrs[1], big.NewInt(1e6))})
		if err != nil {
			t.Fatal(err)
		}
		rep := newEnv(t, n.URL).check(tx.Hash(), diagnose.CheckOptions{})
		wantStatus(t, rep, diagnose.StatusSuccess)
		if len(rep.Transfers) != 1 || !strings.Contains(rep.Transfers[0].Symbol, marker) {
			t.Fatalf("transfers = %+v, want the cleaned symbol", rep.Transfers)
		}
		assertClean(t, rep, nil, true)
	})

	t.Run("revert reason", func(t *testing.T) {
		hash := failWith(t, n, 0, "swapExpired", big.NewInt(1))
		p := injector(t, n.URL, func(c faultproxy.Call, a *faultproxy.Answer) {
			if c.Method == "eth_call" && a.Error != nil {
				a.Error.Message = "execution reverted: " + hostileRaw
				a.Error.Data = json.RawMessage(`"` + faultproxy.ErrorString(hostileRaw) + `"`)
			}
		})
		rep := newEnv(t, p).check(hash, diagnose.CheckOptions{})
		wantStatus(t, rep, diagnose.StatusFailed)
		if rep.Revert == nil || !strings.Contains(rep.Revert.Reason, marker) {
			t.Fatalf("revert = %+v, want the cleaned reason", rep.Revert)
		}
		assertClean(t, rep, nil, true)
	})

	t.Run("error messages", func(t *testing.T) {
		hash := failWith(t, n, 0, "swapExpired", big.NewInt(1))
		p := injector(t, n.URL, func(_ faultproxy.Call, a *faultproxy.Answer) {
			a.Result, a.Error = nil, &faultproxy.ErrorObject{Code: -32000, Message: hostileRaw, Data: json.RawMessage(`"` + hostile + `"`)}
		})
		env := newEnv(t, p)
		rep, err := env.engine.Check(ctx, diagnose.Query{Kind: diagnose.KindTxHash, Ref: hash.Hex(), Raw: hash.Hex()}, diagnose.CheckOptions{})
		if err == nil {
			t.Fatal("every call failed, yet no error")
		}
		assertClean(t, rep, err, false)
		acc, err := env.engine.account(ctx, n.Addrs[0])
		if err == nil {
			t.Fatal("account: every call failed, yet no error")
		}
		assertCleanJSON(t, "account", acc)
		cleanText(t, "account error", err.Error())
		ep, err := env.engine.Endpoint(ctx, p, 1337)
		if err != nil {
			t.Fatal(err)
		}
		assertCleanJSON(t, "endpoint", ep)
	})
}

// injector is a fault injector in front of the node that rewrites answers.
func injector(t *testing.T, node string, fn faultproxy.RewriteFunc) string {
	t.Helper()
	p, err := faultproxy.New(node, faultproxy.WithRewrite(fn))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p.URL()
}

// assertClean renders the report every way a user can see it and checks
// that no escape or control character and no bidi control survives, and,
// when visible is set, that the cleaned marker did reach the text.
func assertClean(t *testing.T, rep *diagnose.Report, checkErr error, visible bool) {
	t.Helper()
	if rep == nil {
		t.Fatal("no report")
	}
	for _, lang := range []string{"en", "zh"} {
		diagnose.Localize(rep, lang)
		outputs := map[string]string{"text": diagnose.Text(rep, lang), "markdown": diagnose.Markdown(rep, lang), "headline": diagnose.Headline(rep, lang)}
		for _, kv := range diagnose.KeyNumbers(rep, lang) {
			outputs["key numbers"] += kv[0] + " " + kv[1] + "\n"
		}
		for name, out := range outputs {
			cleanText(t, lang+" "+name, out)
		}
		for _, f := range rep.Findings {
			if unfilled.MatchString(f.Title) || unfilled.MatchString(f.Detail) {
				t.Errorf("finding %s (%s) has an unfilled placeholder: %q", f.Code, lang, f.Detail)
			}
		}
		if visible && !strings.Contains(outputs["text"], marker) {
			t.Errorf("%s text lacks %q: the node text never reached it\n%s", lang, marker, outputs["text"])
		}
	}
	assertCleanJSON(t, "report", rep)
	if checkErr != nil {
		cleanText(t, "error", checkErr.Error())
	}
}

// cleanText fails on any ESC, C0 (but newline), DEL, C1 or bidi control,
// and on invalid UTF-8.
func cleanText(t *testing.T, where, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s: invalid UTF-8: %q", where, s)
	}
	for i, r := range s {
		if isTerminalControl(r) && r != '\n' {
			t.Errorf("%s: control %U at byte %d: %q", where, r, i, s)
			return
		}
	}
	if strings.Contains(s, "pwned") {
		t.Errorf("%s: the OSC payload leaked as text: %q", where, s)
	}
}

func isTerminalControl(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// assertCleanJSON encodes v as the CLI does, decodes it again and checks
// every string in it, keys included.
func assertCleanJSON(t *testing.T, where string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case string:
			cleanText(t, where+" JSON "+path, x)
		case []any:
			for i, e := range x {
				walk(fmt.Sprintf("%s[%d]", path, i), e)
			}
		case map[string]any:
			for k, e := range x {
				cleanText(t, where+" JSON key", k)
				walk(path+"."+k, e)
			}
		}
	}
	walk("", doc)
}
