package main

import (
	"strings"
	"testing"
)

// TestCheckInputShapes: what users paste into check, account and --from,
// as the command line sees it.
func TestCheckInputShapes(t *testing.T) {
	s := newScenario(t)
	c, _ := sandbox(t, scenarioVar(t, s, "RPC"))
	tx := scenarioVar(t, s, "SUCCESS_TX")
	sender := scenarioVar(t, s, "SENDER")
	for _, args := range [][]string{
		{"check", "--json", tx[:30], tx[30:]},         // wrapped and pasted unquoted
		{"check", "--json", tx[:40] + "\n" + tx[40:]}, // wrapped and quoted
		{"check", "--json", "my tx", tx, "is stuck"},  // a sentence
		{"check", "--json", tx, "--from", sender},     // --from, checksummed
		{"check", "--json", tx, "--from", strings.ToLower(sender)},
	} {
		if code, stdout, stderr := c.run(args...); code != exitOK || !strings.Contains(stdout, `"status": "success"`) {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
	i := strings.IndexAny(sender[2:], "abcdefABCDEF") + 2
	badSum := sender[:i] + swapCase(sender[i:i+1]) + sender[i+1:]
	s.requests.Store(0)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"check", tx[:6] + "…" + tx[62:]}, "this hash is shortened"},
		{[]string{"check", tx[:6] + "..." + tx[62:]}, "this hash is shortened"},
		{[]string{"--lang", "zh", "check", tx[:6] + "…" + tx[62:]}, "这个哈希是缩略显示的"},
		{[]string{"check", "https://bscscan.com/tx/" + tx[:6] + "…" + tx[62:]}, "this hash is shortened"},
		{[]string{"account", "0x123"}, "this is not an address"},
		{[]string{"account", tx}, "this is a transaction hash, not an address"},
		{[]string{"check", tx, "--from", "0x123"}, "this is not an address"},
		{[]string{"check", tx, "--from", tx}, "this is a transaction hash, not an address"},
		{[]string{"check", tx, "--from", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"}, "--from takes the sender's EVM address"},
		{[]string{"--lang", "zh", "account", "0x123"}, "这不是地址"},
	} {
		code, stdout, stderr := c.run(tt.args...)
		if code != exitBadInput || stdout != "" || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want %q", tt.args, code, stderr, tt.want)
		}
	}
	// A wrong EIP-55 checksum is refused the same way by account and --from.
	_, _, accountErr := c.run("account", badSum)
	_, _, fromErr := c.run("check", tx, "--from", badSum)
	if !strings.Contains(accountErr, "checksum") || accountErr != fromErr {
		t.Errorf("account says %q, --from says %q: want one message about the checksum", accountErr, fromErr)
	}
	if n := s.requests.Load(); n != 0 {
		t.Errorf("refused inputs reached the node: %d requests", n)
	}
}

func swapCase(s string) string {
	if strings.ToUpper(s) == s {
		return strings.ToLower(s)
	}
	return strings.ToUpper(s)
}
