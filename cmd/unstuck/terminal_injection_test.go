package main

import (
	"context"
	"encoding/json"
	"io"
	"math/big"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/unstuck-dev/unstuck/diagnose/faultproxy"
	"github.com/unstuck-dev/unstuck/diagnose/simnode"
)

// hostileText is node text that tries to take over the terminal (see
// diagnose/terminal_injection_test.go); cleaned, it reads "ABCDEF".
const hostileText = "A\x1b]0;pwned\x07B\x1b[2JC\u009b31mD\u202eE\u2066F\u2069\x07\r\x08\x1b[0m"

// TestTUIShowsNodeTextCleaned drives the interactive app to the result of
// a failed transaction whose node answers with a hostile revert reason,
// and of a transfer of a token whose symbol is hostile: the cleaned text
// is shown, no piece of the sequences reaches the terminal.
func TestTUIShowsNodeTextCleaned(t *testing.T) {
	ctx := context.Background()
	s := newScenario(t)
	n := s.node
	token, err := n.DeployToken(ctx, 0, "Evil", hostileText, 6, big.NewInt(1e9))
	if err != nil {
		t.Fatal(err)
	}
	transfer, err := n.Mine(ctx, simnode.Tx{From: 0, To: &token, Data: simnode.MustCalldata("transfer", n.Addrs[1], big.NewInt(1e6))})
	if err != nil {
		t.Fatal(err)
	}
	reason := faultproxy.ErrorString(hostileText)
	p, err := faultproxy.New(n.URL, faultproxy.WithRewrite(func(c faultproxy.Call, a *faultproxy.Answer) {
		if c.Method == "eth_call" && a.Error != nil {
			a.Error.Message = "execution reverted: " + hostileText
			a.Error.Data = json.RawMessage(`"` + reason + `"`)
		}
	}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)

	c, home := sandbox(t, p.URL())
	c.env["UNSTUCK_CONFIG_DIR"] = home + "/config"
	in, keys := io.Pipe()
	term := &terminal{changed: make(chan struct{}, 1)}
	a := &app{stdin: in, stdout: term, stderr: io.Discard, getenv: func(k string) string { return c.env[k] }, isTTY: func() bool { return true }}
	exit := make(chan int, 1)
	go func() { exit <- a.run(ctx, nil) }()
	seen := 0
	await := func(what string) {
		t.Helper()
		timeout := time.After(10 * time.Second)
		for {
			out := term.from(seen)
			if strings.Contains(escapes.ReplaceAllString(out, ""), what) {
				seen += len(out)
				return
			}
			select {
			case <-term.changed:
			case <-timeout:
				t.Fatalf("the app never showed %q; it shows:\n%s", what, escapes.ReplaceAllString(out, ""))
			}
		}
	}
	send := func(b string) {
		if _, err := io.WriteString(keys, b); err != nil {
			t.Fatal(err)
		}
	}
	await("unstuck · home")
	send("4")
	await("unstuck · check")
	send("\x1b[200~" + scenarioVar(t, s, "FAILED_TX") + "\x1b[201~\r")
	await("refused it (ABCDEF") // the revert reason, cleaned, in the finding's title
	send("n")                   // check another
	await("unstuck · check")
	send("\x1b[200~" + transfer.Hash().Hex() + "\x1b[201~\r")
	await("Token transfer: 1 ABCDEF") // the symbol, cleaned
	send("\x03")
	<-exit

	drawn := term.from(0)
	for _, bad := range []string{"pwned", "B\x1b[2JC", "\x1b]0;", "\u009b", "\u202e", "\u2066", "\u2069", "\x07\r\x08"} {
		if strings.Contains(drawn, bad) {
			t.Errorf("the terminal received %q", bad)
		}
	}
	if !utf8.ValidString(drawn) {
		t.Error("the terminal received invalid UTF-8")
	}
}
