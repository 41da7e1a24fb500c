package main

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tyler-smith/go-bip39/wordlists"

	"github.com/unstuck-dev/unstuck/diagnose/secret"
)

// TestSecretsNeverLeaveTUI pastes every corpus case into the check and
// explain inputs of the interactive app (the real one, on a pipe and a
// buffer as the terminal): each is refused on the spot, nothing reaches
// the node, and no run of the secret is ever drawn.
func TestSecretsNeverLeaveTUI(t *testing.T) {
	s := newScenario(t)
	c, home := sandbox(t, scenarioVar(t, s, "RPC"))
	c.env["UNSTUCK_CONFIG_DIR"] = filepath.Join(home, "config")
	in, keys := io.Pipe()
	term := &terminal{changed: make(chan struct{}, 1)}
	a := &app{stdin: in, stdout: term, stderr: io.Discard, getenv: func(k string) string { return c.env[k] }, isTTY: func() bool { return true }}
	exit := make(chan int, 1)
	go func() { exit <- a.run(context.Background(), nil) }()
	seen := 0 // how much of the terminal output has been read
	await := func(what string) {
		t.Helper()
		timeout := time.After(5 * time.Second)
		for {
			if i := term.find(seen, what); i >= 0 {
				seen = i + len(what)
				return
			}
			select {
			case <-term.changed:
			case <-timeout:
				t.Fatalf("the app never showed %q; it shows:\n%s", what, term.from(seen))
			}
		}
	}
	send := func(b string) {
		if _, err := io.WriteString(keys, b); err != nil {
			t.Fatal(err)
		}
	}
	// Every hand-written case and every 8th generated one (each shape and
	// length is among them) on the check screen; a third of those on the
	// error decoder. Every 4th run of 4–11 wordlist words on the check
	// screen (the error decoder takes free text, where they are prose).
	// Two screen changes per paste make each one slow.
	var secrets, runs []secretInput
	for i, sec := range loadSecrets(t) {
		if i < handCases || i%8 == 0 {
			secrets = append(secrets, sec)
		}
	}
	for i, run := range loadRuns(t) {
		if i%4 == 0 {
			runs = append(runs, run)
		}
	}
	s.requests.Store(0)
	held := 0
	for i, screen := range []struct{ key, title string }{{"4", "unstuck · check"}, {"5", "unstuck · error decoder"}} {
		await("unstuck · home")
		send(screen.key)
		await(screen.title)
		pasted := secrets
		if i == 0 {
			pasted = append(append([]secretInput(nil), secrets...), runs...)
		}
		for j, sec := range pasted {
			if i == 1 && j%3 != 0 {
				continue
			}
			send("\x1b[200~" + sec.text + "\x1b[201~") // a bracketed paste, as terminals send one
			if i == 0 && secret.IsBareHex64(sec.text) {
				// Maybe a TRON or Bitcoin txid: held, with the
				// addresses it would control if it were a key.
				await("Not sent yet: is this a transaction ID?")
				await("TRON")
				send("n")
				await("hash or explorer link")
				held++
				continue
			}
			await("Not sent")
			send("\r") // back to the input
			await(screen.title)
		}
		if i == 0 {
			send("\x1b") // esc: back to the menu
		}
	}
	if held == 0 {
		t.Error("no bare 64-hex case reached the confirmation")
	}
	send("\x03")
	select {
	case code := <-exit:
		if code != exitInterrupted {
			t.Errorf("ctrl+c: exit %d, want %d", code, exitInterrupted)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the app did not quit on ctrl+c")
	}
	if n := s.requests.Load(); n != 0 {
		t.Fatalf("the node saw %d requests", n)
	}
	drawn := newOutput(term.from(0))
	for _, sec := range append(secrets, runs...) {
		if piece := drawn.leak(sec.text, 3); piece != "" {
			t.Errorf("%s: the terminal showed %q", sec.name, piece)
		}
	}
	files := scanFiles(t, home, append(secrets, runs...))
	t.Logf("%d inputs and %d word runs pasted (%d held as possible txids), 0 requests, %d bytes drawn, %d files checked",
		len(secrets), len(runs), held, len(drawn.raw), files)
}

// terminal is the app's output: written by the app, read by the test,
// which hears of every write.
type terminal struct {
	mu      sync.Mutex
	buf     []byte
	changed chan struct{}
}

func (t *terminal) Write(p []byte) (int, error) {
	t.mu.Lock()
	t.buf = append(t.buf, p...)
	t.mu.Unlock()
	select {
	case t.changed <- struct{}{}:
	default:
	}
	return len(p), nil
}

// find is the offset of s in the output from off on, or -1.
func (t *terminal) find(off int, s string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	if i := bytes.Index(t.buf[off:], []byte(s)); i >= 0 {
		return off + i
	}
	return -1
}

func (t *terminal) from(off int) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf[off:])
}

var (
	// escapes are terminal control sequences (CSI, OSC and two-byte ESC):
	// the app's styling splits the words it draws.
	escapes   = regexp.MustCompile(`\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-_])`)
	letterRun = regexp.MustCompile(`[A-Za-z]+`)
	alnumRun  = regexp.MustCompile(`[0-9A-Za-z]{16,}`)
	notHan    = regexp.MustCompile(`\P{Han}`)
)

// output is text unstuck showed or wrote, ready to be searched for
// pieces of a secret.
type output struct {
	raw   string
	words string // its letter runs, lower-cased, between single spaces
	list  map[string]bool
}

func newOutput(raw string) output {
	raw = escapes.ReplaceAllString(raw, "")
	o := output{raw: raw, words: " " + strings.Join(letterRun.FindAllString(strings.ToLower(raw), -1), " ") + " ",
		list: make(map[string]bool, len(wordlists.English))}
	for _, w := range wordlists.English {
		o.list[w] = true
	}
	return o
}

// leak returns a piece of secret found in the output, or "": a run of
// `window` wordlist words (the sentence around a secret is not secret;
// single words of 4+ letters for files, three in a row for the screen,
// whose own words are English), two Chinese characters in a row, or 8 characters
// of a run of 16+ letters and digits.
func (o output) leak(secret string, window int) string {
	words := letterRun.FindAllString(strings.ToLower(secret), -1)
	for i := 0; i+window <= len(words); i++ {
		run := words[i : i+window]
		ok := len(run[0]) >= 4 || window > 1
		for _, w := range run {
			ok = ok && o.list[w]
		}
		if piece := " " + strings.Join(run, " ") + " "; ok && strings.Contains(o.words, piece) {
			return strings.TrimSpace(piece)
		}
	}
	han := []rune(notHan.ReplaceAllString(secret, ""))
	for i := 0; i+1 < len(han); i++ {
		if strings.Contains(o.raw, string(han[i:i+2])) {
			return string(han[i : i+2])
		}
	}
	for _, run := range alnumRun.FindAllString(secret, -1) {
		for i := 0; i+8 <= len(run); i += 8 {
			if strings.Contains(o.raw, run[i:i+8]) {
				return run[i : i+8]
			}
		}
	}
	return ""
}

// TestOutputLeak: the leak finder the tests above rely on does find
// pieces of a secret, and not the words around them.
func TestOutputLeak(t *testing.T) {
	const phrase = "Abandon ability able about above absent absorb abstract absurd abuse access accident"
	tests := []struct {
		name, out, secret string
		window            int
		want              string
	}{
		{name: "three words on screen", out: "\x1b[H> abandon\x1b[7m \x1b[0mABILITY able", secret: phrase, window: 3, want: "abandon ability able"},
		{name: "app's own words", out: "Check the address above", secret: phrase, window: 3},
		{name: "one word in a file", out: `{"note":"absurd"}`, secret: phrase, window: 1, want: "absurd"},
		{name: "short word in a file", out: `{"x":"add"}`, secret: "act actual adapt add addict address", window: 1},
		{name: "sentence around a key", out: `{"from":"0x1"}`, secret: "exported from electrum: xprv9s21ZrQH143K3QTDL4LXw2F7HEK3", window: 1},
		{name: "key chunk", out: "…3QTDL4LXw2F7…", secret: "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3", window: 3, want: "3QTDL4LX"},
		{name: "chinese pair", out: "输入框：一是", secret: "的一是在不了有和人这中大", window: 3, want: "一是"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newOutput(tt.out).leak(tt.secret, tt.window); got != tt.want {
				t.Errorf("leak = %q, want %q", got, tt.want)
			}
		})
	}
}
