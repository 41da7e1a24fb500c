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
)

// The corpus is shared with package diagnose (see its secrets_corpus_test.go).
const corpusDir = "../../diagnose/testdata/secrets"

type secretInput struct{ name, text string }

// handCases is a lower bound of the hand-written cases, which loadSecrets
// returns first.
const handCases = 30

// loadSecrets reads both corpus files, leaving out the known gaps.
func loadSecrets(t *testing.T) []secretInput {
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
	for _, file := range []string{"corpus.txt", "generated.txt"} {
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

// TestSecretsNeverLeave runs every corpus case through check, explain,
// guide and account: exit 2, the fixed refusal on stderr and nothing else,
// no request reaches the node, and no file holds any piece of it.
func TestSecretsNeverLeave(t *testing.T) {
	s := newScenario(t)
	c, home := sandbox(t, scenarioVar(t, s, "RPC"))
	// A normal check first, so that there is a memory file to inspect.
	if code, _, stderr := c.run("check", scenarioVar(t, s, "PENDING_TX")); code != 0 {
		t.Fatalf("check pending: exit %d: %s", code, stderr)
	}
	s.requests.Store(0)
	secrets := loadSecrets(t)
	runs := 0
	for _, sec := range secrets {
		invocations := [][]string{
			{"check", sec.text}, {"check", "--json", sec.text}, {"explain", sec.text}, {"explain", "--json", sec.text},
			{"guide", sec.text}, {"account", sec.text}, {"--lang", "zh", "check", sec.text},
		}
		if words := strings.Fields(sec.text); len(words) > 1 {
			invocations = append(invocations, append([]string{"check"}, words...), append([]string{"explain"}, words...))
		}
		for _, args := range invocations {
			runs++
			code, stdout, stderr := c.run(args...)
			want := diagnose.SecretRefusal + "\n"
			if args[0] == "--lang" {
				want = diagnose.SecretRefusalZH + "\n"
			}
			if code != exitBadInput || stdout != "" || stderr != want {
				t.Errorf("%s: %s: exit %d, stdout %q, stderr %q", sec.name, args[0], code, stdout, stderr)
			}
		}
		if n := s.requests.Load(); n != 0 {
			t.Fatalf("%s: the node saw %d requests", sec.name, n)
		}
	}
	files := scanFiles(t, home, secrets)
	t.Logf("%d inputs, %d runs, 0 requests; %d files checked", len(secrets), runs, files)

	// The counter does count: a public hash reaches the node.
	if code, _, _ := c.run("check", scenarioVar(t, s, "SUCCESS_TX")); code != 0 || s.requests.Load() == 0 {
		t.Fatalf("a public check: exit %d, %d requests", code, s.requests.Load())
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
	if len(files) != 1 || files[0] != "cache/pending.json" {
		t.Fatalf("files written: %v, want only cache/pending.json (a new file needs its own public-data check here)", files)
	}
	data, err := os.ReadFile(filepath.Join(home, "cache", "pending.json"))
	if err != nil {
		t.Fatal(err)
	}
	var mem map[string]map[string]any
	if err := json.Unmarshal(data, &mem); err != nil {
		t.Fatalf("pending.json: %v", err)
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
