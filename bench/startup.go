package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// frameMarker is text of the home screen: its first frame has been drawn
// once it shows.
const frameMarker = "What do you need help with?"

// startup is what a user waits for before anything happens.
type startup struct {
	version, versionMin  time.Duration
	stripped, unstripped int64
	frame                time.Duration // 0: not measured
	frameNote            string
}

func (b *bench) startup(ctx context.Context, unstripped string) (startup, error) {
	var s startup
	env := append(os.Environ(), "LANG=C.UTF-8")
	var vs []time.Duration
	for i := 0; i < max(21, b.n); i++ {
		r, err := exec1(ctx, env, b.unstuck, "--version")
		if err != nil {
			return s, err
		}
		if r.code != 0 {
			return s, fmt.Errorf("unstuck --version exited %d: %s", r.code, r.out)
		}
		vs = append(vs, r.wall)
	}
	s.version = median(vs)
	s.versionMin = minOf(vs)
	for _, f := range []struct {
		path string
		dst  *int64
	}{{b.unstuck, &s.stripped}, {unstripped, &s.unstripped}} {
		if f.path == "" {
			continue
		}
		st, err := os.Stat(f.path)
		if err != nil {
			return s, err
		}
		*f.dst = st.Size()
	}
	var fs []time.Duration
	for i := 0; i < b.n; i++ {
		d, err := b.firstFrame(ctx, i)
		if err != nil {
			s.frameNote = err.Error()
			return s, nil
		}
		fs = append(fs, d)
	}
	s.frame = median(fs)
	return s, nil
}

func minOf(d []time.Duration) time.Duration {
	m := d[0]
	for _, x := range d[1:] {
		m = min(m, x)
	}
	return m
}

// terminalAnswers are the replies a terminal emulator gives to the queries
// a TUI may send before its first frame (background and foreground colour,
// cursor position). Without them the app waits for its query timeout.
func terminalAnswers() []struct{ query, answer string } {
	return []struct{ query, answer string }{
		{"\x1b]11;?", "\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\"},
		{"\x1b]10;?", "\x1b]10;rgb:d0d0/d0d0/d0d0\x1b\\"},
		{"\x1b[6n", "\x1b[1;1R"},
	}
}

// firstFrame starts `unstuck` on an 80×24 pseudo-terminal that answers
// like a terminal emulator and times how long the home screen takes to
// show.
func (b *bench) firstFrame(ctx context.Context, i int) (time.Duration, error) {
	master, slave, err := openPTY()
	if err != nil {
		return 0, err
	}
	defer master.Close()
	dir := filepath.Join(b.tmp, "tui", fmt.Sprint(i))
	cmd := exec.CommandContext(ctx, b.unstuck)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = ttyAttr()
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "LANG=C.UTF-8", "UNSTUCK_CONFIG_DIR="+dir, "UNSTUCK_CACHE_DIR="+dir)
	began := time.Now()
	if err := cmd.Start(); err != nil {
		slave.Close()
		return 0, err
	}
	slave.Close()
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	seen := make(chan time.Duration, 1)
	go func() {
		var out []byte
		answers := terminalAnswers()
		answered := make([]int, len(answers)) // how many of each query were answered
		buf := make([]byte, 32<<10)
		for {
			n, err := master.Read(buf)
			out = append(out, buf[:n]...)
			for k, ta := range answers {
				if c := bytes.Count(out, []byte(ta.query)); c > answered[k] {
					answered[k] = c
					_, _ = master.WriteString(ta.answer)
				}
			}
			if bytes.Contains(out, []byte(frameMarker)) {
				seen <- time.Since(began)
				return
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case d := <-seen:
		return d, nil
	case <-time.After(15 * time.Second):
		return 0, errors.New("the home screen did not show within 15 s")
	}
}
