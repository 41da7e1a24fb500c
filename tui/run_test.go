package tui

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// TestRunExit runs the real program on a pipe: q leaves cleanly, ctrl+c
// and a cancelled context leave with context.Canceled (exit 130 in the
// CLI), and the terminal is restored either way.
func TestRunExit(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		cancel   bool
		canceled bool
	}{
		{name: "q quits", input: "q"},
		{name: "ctrl+c interrupts", input: "\x03", canceled: true},
		{name: "ctrl+c while typing", input: "4abc\x03", canceled: true},
		{name: "context cancelled", cancel: true, canceled: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t)
			opt := env.options()
			var out bytes.Buffer
			opt.Output = &out
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancel {
				opt.Input = blockingReader{ctx}
				time.AfterFunc(100*time.Millisecond, cancel)
			} else {
				opt.Input = strings.NewReader(tt.input)
			}
			done := make(chan error, 1)
			go func() { done <- Run(ctx, opt) }()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Run did not return")
			}
			if got := errors.Is(err, context.Canceled); got != tt.canceled {
				t.Errorf("Run = %v; want context.Canceled: %v", err, tt.canceled)
			}
			if !tt.canceled && err != nil {
				t.Errorf("Run = %v, want nil", err)
			}
			if o := out.String(); !strings.HasSuffix(strings.TrimRight(o, "\r\n"), "\x1b[?1049l\x1b[?25h") && !strings.Contains(o, "\x1b[?1049l") {
				t.Errorf("the alternate screen was not left: %q", tail(o))
			}
		})
	}
}

type blockingReader struct{ ctx context.Context }

func (r blockingReader) Read([]byte) (int, error) {
	<-r.ctx.Done()
	return 0, r.ctx.Err()
}

func tail(s string) string {
	if len(s) > 80 {
		return s[len(s)-80:]
	}
	return s
}

// TestInterruptCancelsCheck: ctrl+c during a search cancels it and exits
// as an interrupt.
func TestInterruptCancelsCheck(t *testing.T) {
	env := newEnv(t)
	env.eng.block = true
	m := env.model(env.options())
	m = send(t, m, openCheckMsg{}, paste(testHash), keyMsg("enter"))
	if !m.check.running || m.jobCtx == nil {
		t.Fatal("the check did not start")
	}
	ctx := m.jobCtx
	m, cmd := update(t, m, keyMsg("ctrl+c"))
	if cmd == nil {
		t.Fatal("ctrl+c returned no command")
	}
	if _, ok := cmd().(tea.InterruptMsg); !ok {
		t.Error("ctrl+c should return tea.Interrupt")
	}
	if !m.interrupted {
		t.Error("interrupted flag not set")
	}
	select {
	case <-ctx.Done():
	default:
		t.Error("the running check was not cancelled")
	}
}
