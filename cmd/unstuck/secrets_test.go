package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/secret"
)

// The corpus is shared with package diagnose/secret (see its corpus_test.go).
const corpusDir = "../../diagnose/secret/testdata/secrets"

type secretInput struct{ name, text string }

// handCases is a lower bound of the hand-written cases, which loadSecrets
// returns first.
const handCases = 30

// loadSecrets reads both corpus files of secrets in any field, leaving
// out the known gaps.
func loadSecrets(t *testing.T) []secretInput {
	t.Helper()
	return loadCorpus(t, "corpus.txt", "generated.txt")
}

// loadRuns reads the runs of 4–11 wordlist words: secrets in every field
// that takes a hash, a link or an address.
func loadRuns(t *testing.T) []secretInput {
	t.Helper()
	return loadCorpus(t, "runs.txt")
}

func loadCorpus(t *testing.T, files ...string) []secretInput {
	t.Helper()
	gaps := map[string]bool{}
	data, err := os.ReadFile(filepath.Join(corpusDir, "known_gaps.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			gaps[line] = true
		}
	}
	var out []secretInput
	for _, file := range files {
		f, err := os.Open(filepath.Join(corpusDir, file))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			parts := strings.SplitN(sc.Text(), "\t", 3)
			if len(parts) != 3 || strings.HasPrefix(parts[0], "#") || gaps[parts[1]] {
				continue
			}
			text, err := strconv.Unquote(parts[2])
			if err != nil {
				t.Fatalf("%s: %s: %v", file, parts[1], err)
			}
			out = append(out, secretInput{name: parts[1], text: text})
		}
		_ = f.Close()
	}
	return out
}

// cli runs the command line in-process with a fixed environment.
type cli struct {
	env map[string]string
}

func (c cli) run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		getenv: func(k string) string { return c.env[k] }, isTTY: func() bool { return false }}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code = a.run(ctx, args)
	return code, out.String(), errb.String()
}

// sandbox points HOME, the cache and the config directories at a fresh
// directory, so that every file unstuck writes lands where the test looks.
func sandbox(t *testing.T, rpc string) (cli, string) {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, ".cache"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	return cli{env: map[string]string{"UNSTUCK_RPC": rpc, "UNSTUCK_CACHE_DIR": filepath.Join(home, "cache"),
		"HOME": home, "LANG": "en_US.UTF-8"}}, home
}

func scenarioVar(t *testing.T, s *scenario, name string) string {
	t.Helper()
	for _, v := range s.vars {
		if k, val, _ := strings.Cut(v, "="); k == name {
			return val
		}
	}
	t.Fatalf("scenario has no %s", name)
	return ""
}

// TestSecretsNeverLeave runs every corpus case through every command and
// every flag that takes text: exit 2, the fixed refusal on stderr and
// nothing else, no request reaches the node, and no file holds any piece
// of it. A bare 64-hex given to check alone is held instead (it may be a
// TRON or Bitcoin txid): exit 2 with how to confirm it, nothing echoed.
// The runs of 4–11 wordlist words are refused in every field that takes
// a hash, a link or an address.
func TestSecretsNeverLeave(t *testing.T) {
	s := newScenario(t)
	c, home := sandbox(t, scenarioVar(t, s, "RPC"))
	// A normal check first, so that there is a memory file to inspect.
	if code, _, stderr := c.run("check", scenarioVar(t, s, "PENDING_TX")); code != 0 {
		t.Fatalf("check pending: exit %d: %s", code, stderr)
	}
	s.requests.Store(0)
	tx := scenarioVar(t, s, "SUCCESS_TX")
	const addr = "0x52908400098527886E0F7030069857D2E4169EE7"
	held := "unstuck: " + diagnose.UnconfirmedTxIDError().(*diagnose.InputError).Message("en") + "\n"
	heldZH := "unstuck: " + diagnose.UnconfirmedTxIDError().(*diagnose.InputError).Message("zh") + "\n"
	secrets := loadSecrets(t)
	runs := 0
	try := func(name string, args []string, want string) {
		t.Helper()
		runs++
		code, stdout, stderr := c.run(args...)
		if code != exitBadInput || stdout != "" || stderr != want {
			t.Errorf("%s: %q: exit %d, stdout %q, stderr %q", name, args[:min(3, len(args))], code, stdout, stderr)
		}
	}
	publicFields := func(text string) [][]string {
		return [][]string{
			{"account", text}, {"endpoint", text}, {"check", tx, "--from", text}, {"check", "--from=" + text, tx},
			{"check", tx, "--rpc", text}, {"account", addr, "--rpc", text}, {"endpoint", text, "--chain", "bsc"},
		}
	}
	for _, sec := range secrets {
		bare := secret.IsBareHex64(sec.text)
		want, wantZH := secret.Refusal+"\n", secret.RefusalZH+"\n"
		checkWant, checkWantZH := want, wantZH
		if bare {
			checkWant, checkWantZH = held, heldZH
		}
		try(sec.name, []string{"check", sec.text}, checkWant)
		try(sec.name, []string{"check", "--json", sec.text}, checkWant)
		try(sec.name, []string{"--lang", "zh", "check", sec.text}, checkWantZH)
		for _, args := range append(publicFields(sec.text), []string{"explain", sec.text}, []string{"explain", "--json", sec.text}, []string{"guide", sec.text}) {
			try(sec.name, args, want)
		}
		try(sec.name, []string{"--lang", "zh", "account", sec.text}, wantZH)
		if words := strings.Fields(sec.text); len(words) > 1 {
			try(sec.name, append([]string{"check"}, words...), want)
			try(sec.name, append([]string{"explain"}, words...), want)
		}
		if n := s.requests.Load(); n != 0 {
			t.Fatalf("%s: the node saw %d requests", sec.name, n)
		}
	}
	wordRuns := loadRuns(t)
	for _, run := range wordRuns {
		args := append([][]string{{"check", run.text}, {"--lang", "zh", "endpoint", run.text}}, publicFields(run.text)...)
		if words := strings.Fields(run.text); len(words) > 1 {
			args = append(args, append([]string{"check"}, words...), append([]string{"account"}, words...))
		}
		for _, a := range args {
			want := secret.Refusal + "\n"
			if a[0] == "--lang" {
				want = secret.RefusalZH + "\n"
			}
			try(run.name, a, want)
		}
		if n := s.requests.Load(); n != 0 {
			t.Fatalf("%s: the node saw %d requests", run.name, n)
		}
	}
	files := scanFiles(t, home, append(secrets, wordRuns...))
	t.Logf("%d inputs and %d word runs, %d runs, 0 requests; %d files checked", len(secrets), len(wordRuns), runs, files)

	// The counter does count: a public hash reaches the node.
	if code, _, _ := c.run("check", tx); code != 0 || s.requests.Load() == 0 {
		t.Fatalf("a public check: exit %d, %d requests", code, s.requests.Load())
	}
}

// TestBareTxIDConfirmation: on a terminal, check asks before sending a
// bare 64-hex, showing the addresses such a key would control and nothing
// of the text itself; "n" (or no answer) sends nothing, "y" and --txid
// send it.
func TestBareTxIDConfirmation(t *testing.T) {
	s := newScenario(t)
	c, _ := sandbox(t, scenarioVar(t, s, "RPC"))
	const key = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318" // web3.js's example key
	run := func(tty bool, stdin string, args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		a := &app{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
			getenv: func(k string) string { return c.env[k] }, isTTY: func() bool { return tty }}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		return a.run(ctx, args), out.String(), errb.String()
	}
	for _, tt := range []struct {
		name, stdin, want string
		args              []string
	}{
		{"answer n", "n\n", "Is it a transaction ID?", []string{"check", key}},
		{"no answer", "", "Is it a transaction ID?", []string{"check", key}},
		{"answer n in Chinese", "n\n", "它是交易 ID 吗？", []string{"--lang", "zh", "check", key}},
	} {
		s.requests.Store(0)
		code, stdout, stderr := run(true, tt.stdin, tt.args...)
		if code != exitBadInput || stdout != "" || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", tt.name, code, stdout, stderr)
		}
		if !strings.Contains(stderr, "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23") || !strings.Contains(stderr, "TRON") {
			t.Errorf("%s: the prompt does not show the key's addresses: %q", tt.name, stderr)
		}
		if piece := newOutput(stderr).leak(key, 1); piece != "" {
			t.Errorf("%s: the prompt shows %q of the input", tt.name, piece)
		}
		if n := s.requests.Load(); n != 0 {
			t.Errorf("%s: the node saw %d requests", tt.name, n)
		}
	}
	for _, tt := range []struct {
		name, stdin string
		tty         bool
		args        []string
	}{
		{"answer y", "y\n", true, []string{"check", key}},
		{"answer 是", "是\n", true, []string{"--lang", "zh", "check", key}},
		{"--txid", "", false, []string{"check", "--txid", key}},
	} {
		s.requests.Store(0)
		code, _, stderr := run(tt.tty, tt.stdin, tt.args...)
		if code == exitBadInput || s.requests.Load() == 0 {
			t.Errorf("%s: exit %d, %d requests, stderr %q; want it looked up", tt.name, code, s.requests.Load(), stderr)
		}
	}
}

// scanFiles reads every file under dir and fails if one holds any piece
// of a secret; it returns how many files it read.
func scanFiles(t *testing.T, dir string, secrets []secretInput) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		out := newOutput(string(data))
		for _, sec := range secrets {
			if piece := out.leak(sec.text, 1); piece != "" {
				t.Errorf("%s holds %q of %s", path, piece, sec.name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestMemoryFileHoldsOnlyPublicData: after ordinary checks, the only file
// unstuck wrote is the memory of pending transactions, and it holds
// hashes, addresses, numbers and timestamps only.
func TestMemoryFileHoldsOnlyPublicData(t *testing.T) {
	s := newScenario(t)
	c, home := sandbox(t, scenarioVar(t, s, "RPC"))
	for _, tx := range []string{"PENDING_TX", "SUCCESS_TX", "FAILED_TX", "UNKNOWN_TX"} {
		for _, format := range []string{"--json", "--markdown", "--lang=zh"} {
			if code, _, stderr := c.run("check", format, scenarioVar(t, s, tx)); code != 0 {
				t.Fatalf("check %s %s: exit %d: %s", tx, format, code, stderr)
			}
		}
	}
	var files []string
	_ = filepath.WalkDir(home, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(home, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if len(files) != 1 || files[0] != "cache/memory.json" {
		t.Fatalf("files written: %v, want only cache/memory.json (a new file needs its own public-data check here)", files)
	}
	data, err := os.ReadFile(filepath.Join(home, "cache", "memory.json"))
	if err != nil {
		t.Fatal(err)
	}
	var byFamily map[string]map[string]struct {
		SeenAt string         `json:"seen_at"`
		Record map[string]any `json:"record"`
	}
	if err := json.Unmarshal(data, &byFamily); err != nil {
		t.Fatalf("memory.json: %v", err)
	}
	if len(byFamily) != 1 || byFamily["evm"] == nil {
		t.Fatalf("memory families %v, want evm only", byFamily)
	}
	mem := map[string]map[string]any{}
	for key, e := range byFamily["evm"] {
		if _, err := time.Parse(time.RFC3339Nano, e.SeenAt); err != nil {
			t.Errorf("entry %s seen_at %q", key, e.SeenAt)
		}
		mem[key] = e.Record
	}
	pending := strings.ToLower(scenarioVar(t, s, "PENDING_TX"))
	if _, ok := mem[pending]; !ok || len(mem) != 1 {
		t.Fatalf("memory = %v, want the pending transaction only", mem)
	}
	hash := regexp.MustCompile(`^0x[0-9a-fA-F]{64}$`)
	addr := regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)
	decimal := regexp.MustCompile(`^[0-9]+$`)
	for key, entry := range mem {
		if !hash.MatchString(key) {
			t.Errorf("key %q is not a transaction hash", key)
		}
		for field, v := range entry {
			str, isStr := v.(string)
			_, isNum := v.(float64)
			ok := false
			switch field {
			case "hash":
				ok = isStr && hash.MatchString(str)
			case "from", "to":
				ok = isStr && addr.MatchString(str)
			case "value_wei":
				ok = isStr && decimal.MatchString(str)
			case "chain_id", "nonce", "seen_block":
				ok = isNum
			case "seen_at":
				_, perr := time.Parse(time.RFC3339Nano, str)
				ok = isStr && perr == nil
			}
			if !ok {
				t.Errorf("memory field %s = %v: not a known public field of the right shape", field, v)
			}
		}
	}
}
