package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common/hexutil"
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
	transfer, err := n.Mine(ctx, simTx{From: 0, To: &token, Data: calldata(t, "transfer", n.Addrs[1], big.NewInt(1e6))})
	if err != nil {
		t.Fatal(err)
	}
	p := hostileReverts(t, n.URL, hostileText)

	c, home := sandbox(t, p)
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

// hostileReverts is a fault injector in front of a node: every eth_call
// the node refuses comes back with reason as its revert message and its
// Error(string) data. It returns the injector's URL.
func hostileReverts(t *testing.T, node, reason string) string {
	t.Helper()
	data, err := errorString(reason)
	if err != nil {
		t.Fatal(err)
	}
	type message struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id,omitempty"`
		Method  string          `json:"method,omitempty"`
		Params  json.RawMessage `json:"params,omitempty"`
		Result  json.RawMessage `json:"result,omitempty"`
		Error   *struct {
			Code    int             `json:"code"`
			Message string          `json:"message"`
			Data    json.RawMessage `json:"data,omitempty"`
		} `json:"error,omitempty"`
	}
	// decode reads one message or a batch of them.
	decode := func(b []byte) ([]message, bool, error) {
		var batch []message
		if b = bytes.TrimSpace(b); len(b) > 0 && b[0] == '[' {
			return batch, true, json.Unmarshal(b, &batch)
		}
		var one message
		err := json.Unmarshal(b, &one)
		return []message{one}, false, err
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return
		}
		resp, err := http.Post(node, "application/json", bytes.NewReader(body))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		answer, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK {
			http.Error(w, "node: "+resp.Status, http.StatusBadGateway)
			return
		}
		calls, _, cerr := decode(body)
		answers, batch, aerr := decode(answer)
		if cerr != nil || aerr != nil {
			t.Errorf("hostileReverts: unreadable exchange %s → %s", body, answer)
			http.Error(w, "unreadable", http.StatusBadGateway)
			return
		}
		method := map[string]string{}
		for _, c := range calls {
			method[string(c.ID)] = c.Method
		}
		for i, a := range answers {
			if method[string(a.ID)] == "eth_call" && a.Error != nil {
				answers[i].Error.Message = "execution reverted: " + reason
				answers[i].Error.Data = json.RawMessage(`"` + data + `"`)
			}
		}
		var out any = answers
		if !batch {
			out = answers[0]
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// errorString ABI-encodes Error(string) revert data as 0x-hex.
func errorString(reason string) (string, error) {
	typ, err := abi.NewType("string", "", nil)
	if err != nil {
		return "", err
	}
	body, err := abi.Arguments{{Type: typ}}.Pack(reason)
	if err != nil {
		return "", err
	}
	return hexutil.Encode(append(hexutil.MustDecode("0x08c379a0"), body...)), nil
}
