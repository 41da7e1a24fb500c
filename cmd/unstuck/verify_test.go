package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose/secret"
)

// TestVerifySecretsRefused runs every secrets-corpus case through verify,
// as one argument and as many, in both languages and with --json: exit 2,
// the fixed refusal and nothing else, never a piece of the secret.
func TestVerifySecretsRefused(t *testing.T) {
	c, _ := sandbox(t, "http://127.0.0.1:1")
	runs := 0
	for _, sec := range loadSecrets(t) {
		invocations := [][]string{{"verify", sec.text}, {"verify", "--json", sec.text},
			{"verify", "--wallet", "imtoken", sec.text}, {"--lang", "zh", "verify", sec.text}}
		if words := strings.Fields(sec.text); len(words) > 1 {
			invocations = append(invocations, append([]string{"verify"}, words...))
		}
		for _, args := range invocations {
			runs++
			code, stdout, stderr := c.run(args...)
			want := secret.Refusal + "\n"
			if args[0] == "--lang" {
				want = secret.RefusalZH + "\n"
			}
			if code != exitBadInput || stdout != "" || stderr != want {
				t.Errorf("%s: %v: exit %d, stdout %q, stderr %q", sec.name, args[:len(args)-1], code, stdout, stderr)
			}
		}
	}
	t.Logf("%d refused runs", runs)
}

// TestVerifyJSONContract checks the field names DESIGN.md fixes for
// `verify --json`, for every kind of input.
func TestVerifyJSONContract(t *testing.T) {
	c, _ := sandbox(t, "http://127.0.0.1:1")
	for _, tc := range []struct{ input, kind, verdict string }{
		{"https://token.im", "url", "official"},
		{"support@token.im", "email", "official"},
		{"@imTokenOfficial", "handle", "official"},
		{"+1-833-534-1729", "phone", "scam_pattern"},
		{"im.token.app", "text", "official"},
		{"please validate your wallet at https://x.pages.dev", "text", "scam_pattern"},
	} {
		code, stdout, stderr := c.run("verify", "--json", tc.input)
		if code != exitOK {
			t.Fatalf("%q: exit %d: %s", tc.input, code, stderr)
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatalf("%q: %v", tc.input, err)
		}
		for _, field := range []string{"input", "kind", "verdict", "wallet", "official", "why", "guide"} {
			if _, ok := got[field]; !ok {
				t.Errorf("%q: no %q field", tc.input, field)
			}
		}
		if got["kind"] != tc.kind || got["verdict"] != tc.verdict || got["input"] != tc.input {
			t.Errorf("%q: kind %v verdict %v input %v, want %s %s", tc.input, got["kind"], got["verdict"], got["input"], tc.kind, tc.verdict)
		}
		if _, ok := got["official"].([]any); !ok {
			t.Errorf("%q: official is not a list: %v", tc.input, got["official"])
		}
	}
}
