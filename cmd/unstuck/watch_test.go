package main

import (
	"bytes"
	"context"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"
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
	n := startSimNode(t)
	to := n.Addrs[2]
	// Nonce 1 waits for nonce 0: pending with a gap until the gap is filled.
	gap, err := n.Send(ctx, simTx{From: 1, To: &to, Value: big.NewInt(1), Nonce: ptr(uint64(1))})
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
	if _, err := n.Mine(ctx, simTx{From: 1, To: &to, Value: big.NewInt(1), Nonce: ptr(uint64(0))}); err != nil {
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

// TestCheckWatchEndsOnPendingSpeedUp is the usual flow: watch a stuck
// transfer, then press "speed up" in the wallet. The replacement waits in
// the pool; the watch must end with "replaced", never "dropped … send it
// again".
func TestCheckWatchEndsOnPendingSpeedUp(t *testing.T) {
	ctx := context.Background()
	n := startSimNode(t)
	stuck, err := n.SendUnderpriced(ctx, 1, nil, big.NewInt(1))
	if err != nil {
		t.Fatal(err)
	}
	stdout := &lockedBuffer{}
	stderr := &lockedBuffer{word: "still pending", seen: make(chan struct{})}
	env := map[string]string{"UNSTUCK_RPC": n.URL, "UNSTUCK_CACHE_DIR": t.TempDir(), "LANG": "en"}
	a := &app{stdout: stdout, stderr: stderr, getenv: func(k string) string { return env[k] }, isTTY: func() bool { return false }}
	done := make(chan int, 1)
	go func() { done <- a.run(ctx, []string{"check", stuck.Hash().Hex(), "--watch", "--interval", "1s"}) }()
	select {
	case <-stderr.seen:
	case <-time.After(10 * time.Second):
		t.Fatalf("no progress on stderr: %q", stderr.String())
	}
	// The speed-up: +10% on both fees, still below the base fee, so it waits.
	to := n.Addrs[3]
	bump := func(v *big.Int) *big.Int {
		return new(big.Int).Div(new(big.Int).Mul(v, big.NewInt(111)), big.NewInt(100))
	}
	speedUp, err := n.Send(ctx, simTx{From: 1, To: &to, Value: big.NewInt(1), Nonce: ptr(uint64(0)),
		FeeCap: bump(stuck.GasFeeCap()), Tip: bump(stuck.GasTipCap())})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d; stderr %q", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("watch did not end after the speed-up")
	}
	out := stdout.String()
	if !strings.HasPrefix(out, "! REPLACED") || !strings.Contains(out, speedUp.Hash().Hex()) || !strings.Contains(out, "waiting to be mined") {
		t.Errorf("stdout = %q, want replaced by the pending speed-up", out)
	}
	if strings.Contains(out, "DROPPED") || strings.Contains(out, "Send it again") {
		t.Errorf("stdout advises resending: %q", out)
	}
}
