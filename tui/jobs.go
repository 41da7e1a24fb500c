package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/atotto/clipboard"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// progressBuffer is how many progress events may wait for the UI; the
// engine blocks (or gives up when cancelled) beyond that.
const progressBuffer = 64

// runCheck starts a transaction check. Progress events, sent from the
// engine's goroutines, are forwarded one message at a time by waitCheck.
func runCheck(ctx context.Context, eng Engine, q diagnose.Query, opt diagnose.CheckOptions, id int) tea.Cmd {
	return func() tea.Msg {
		events := make(chan diagnose.Progress, progressBuffer)
		done := make(chan checkDoneMsg, 1)
		opt.Progress = func(p diagnose.Progress) {
			select {
			case events <- p:
			case <-ctx.Done():
			}
		}
		go func() {
			rep, err := eng.Check(ctx, q, opt)
			done <- checkDoneMsg{id: id, rep: rep, err: err}
		}()
		return checkStartedMsg{id: id, events: events, done: done}
	}
}

// waitCheck delivers the next progress event, or the result with the
// events that were still queued behind it.
func waitCheck(s checkStartedMsg) tea.Cmd {
	return func() tea.Msg {
		select {
		case p := <-s.events:
			return checkProgressMsg{id: s.id, p: p}
		case d := <-s.done:
			for {
				select {
				case p := <-s.events:
					d.late = append(d.late, p)
				default:
					return d
				}
			}
		}
	}
}

// runAccount and runEndpoint run the other two checks.
func runAccount(ctx context.Context, eng Engine, q diagnose.Query, id int) tea.Cmd {
	return func() tea.Msg {
		rep, err := eng.AccountOf(ctx, q)
		return lookupDoneMsg{id: id, acct: rep, err: err}
	}
}

func runEndpoint(ctx context.Context, eng Engine, url string, claimed uint64, id int) tea.Cmd {
	return func() tea.Msg {
		rep, err := eng.Endpoint(ctx, url, claimed)
		return lookupDoneMsg{id: id, ep: rep, err: err}
	}
}

// watchTick waits before the next watch check.
func watchTick(every time.Duration, id int) tea.Cmd {
	return tea.Tick(every, func(time.Time) tea.Msg { return watchTickMsg{id: id} })
}

// runWatch checks a watched transaction again.
func runWatch(ctx context.Context, eng Engine, q diagnose.Query, opt diagnose.CheckOptions, id int) tea.Cmd {
	return func() tea.Msg {
		rep, err := eng.Check(ctx, q, opt)
		return watchDoneMsg{id: id, rep: rep, err: err}
	}
}

// saveSettings writes the preferences.
func saveSettings(path string, s Settings) tea.Cmd {
	return func() tea.Msg { return settingsSavedMsg{err: SaveSettings(path, s)} }
}

// saveReport writes a Markdown report to a new file; it never overwrites.
// It reports the absolute path, so the user knows where to look.
func saveReport(path, text string) tea.Cmd {
	return func() tea.Msg {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			if errors.Is(err, os.ErrExist) {
				return savedMsg{path: path, exists: true}
			}
			return savedMsg{path: path, err: fmt.Errorf("save report: %w", err)}
		}
		_, werr := io.WriteString(f, text)
		cerr := f.Close()
		if err := errors.Join(werr, cerr); err != nil {
			return savedMsg{path: path, err: fmt.Errorf("save report: %w", err)}
		}
		return savedMsg{path: path}
	}
}

// copyText puts text on the clipboard.
func copyText(copyFn func(string) error, text string) tea.Cmd {
	return func() tea.Msg { return copiedMsg{err: copyFn(text)} }
}

// CopyUnconfirmed is what a clipboard function returns when it handed the
// text to the terminal (OSC 52): many terminals copy it, some ignore it,
// and none says which. The app then says so instead of "copied".
type CopyUnconfirmed struct{}

func (CopyUnconfirmed) Error() string {
	return "asked the terminal to copy it (OSC 52); the terminal cannot confirm"
}

// systemClipboard copies with the system clipboard tool, or else asks the
// terminal to do it (OSC 52), which works over SSH in most terminals but
// cannot be confirmed.
func systemClipboard(out io.Writer) func(string) error {
	return func(s string) error {
		if err := clipboard.WriteAll(s); err == nil {
			return nil
		}
		termenv.NewOutput(out).Copy(s)
		return CopyUnconfirmed{}
	}
}
