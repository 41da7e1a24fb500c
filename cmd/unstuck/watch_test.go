package main

import (
	"bytes"
	"context"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose/simnode"
)

// lockedBuffer is a bytes.Buffer safe for a writer and a reader, which
// says when a line containing a word was written.
type lockedBuffer struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	word string
	seen chan struct{}
	once sync.Once
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n, err := b.buf.Write(p)
	if b.word != "" && strings.Contains(b.buf.String(), b.word) {
		b.once.Do(func() { close(b.seen) })
	}
	return n, err
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestCheckWatchFollowsUntilMined(t *testing.T) {
	ctx := context.Background()
	n, err := simnode.Start(0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = n.Close() })
	to := n.Addrs[2]
	// Nonce 1 waits for nonce 0: pending with a gap until the gap is filled.
	gap, err := n.Send(ctx, simnode.Tx{From: 1, To: &to, Value: big.NewInt(1), Nonce: simnode.Ptr(uint64(1))})
	if err != nil {
		t.Fatal(err)
	}
	n.Commit()
	stdout := &lockedBuffer{}
	stderr := &lockedBuffer{word: "still pending", seen: make(chan struct{})}
	dir := t.TempDir()
	env := map[string]string{"UNSTUCK_RPC": n.URL, "UNSTUCK_CACHE_DIR": dir, "LANG": "en"}
	a := &app{stdout: stdout, stderr: stderr, getenv: func(k string) string { return env[k] }, isTTY: func() bool { return false }}
	done := make(chan int, 1)
	go func() { done <- a.run(ctx, []string{"check", gap.Hash().Hex(), "--watch", "--interval", "1s"}) }()
	select {
	case <-stderr.seen:
	case <-time.After(10 * time.Second):
		t.Fatalf("no progress on stderr: %q", stderr.String())
	}
	if _, err := n.Mine(ctx, simnode.Tx{From: 1, To: &to, Value: big.NewInt(1), Nonce: simnode.Ptr(uint64(0))}); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d; stderr %q", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("watch did not end after the transaction was mined")
	}
	if !strings.HasPrefix(stdout.String(), "✓ SUCCESS") {
		t.Errorf("stdout = %q", stdout.String())
	}
	if strings.Contains(stdout.String(), "still pending") {
		t.Error("progress leaked to stdout")
	}
}
