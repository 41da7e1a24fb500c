package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// findTool finds anvil or cast: the environment variable, then PATH, then
// where .ci/run installs them.
func findTool(name, env string) (string, error) {
	if p := os.Getenv(env); p != "" {
		return p, nil
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	home, _ := os.UserHomeDir()
	for _, dir := range []string{filepath.Join(home, ".cache/unstuck-tools"), "/tmp/tools"} {
		p := filepath.Join(dir, "node_modules/@foundry-rs", name+"-linux-amd64/bin", name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found: npm install @foundry-rs/%s-linux-amd64 and set %s", name, name, env)
}

// build compiles unstuck the way a release does (trimmed, stripped) into
// dir and returns its path.
func build(ctx context.Context, dir string, strip bool) (string, error) {
	out := filepath.Join(dir, "unstuck")
	flags := "-X main.version=bench"
	if strip {
		flags = "-s -w " + flags
	} else {
		out += "-unstripped"
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags", flags, "-o", out, "./cmd/unstuck")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %w\n%s", err, b)
	}
	return out, nil
}

// run is one finished process.
type result struct {
	wall time.Duration
	out  string // stdout and stderr
	code int
}

// exec1 runs one command to the end and times it with the monotonic clock.
func exec1(ctx context.Context, env []string, name string, args ...string) (result, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	began := time.Now()
	err := cmd.Run()
	r := result{wall: time.Since(began), out: buf.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		return r, fmt.Errorf("%s: %w", filepath.Base(name), err)
	}
	return r, nil
}

// sequence runs commands one after another, as a person at a shell would,
// and returns the total wall time, the joined output and the first
// non-zero exit code.
func sequence(ctx context.Context, env []string, cmds [][]string) (result, error) {
	var total result
	var outs []string
	for _, c := range cmds {
		r, err := exec1(ctx, env, c[0], c[1:]...)
		if err != nil {
			return total, err
		}
		total.wall += r.wall
		if r.code != 0 && total.code == 0 {
			total.code = r.code
		}
		outs = append(outs, r.out)
	}
	total.out = strings.Join(outs, "\n")
	return total, nil
}

// timeBin measures peak memory; ru_maxrss of a child of this process
// would count this process's own memory (os/exec forks with CLONE_VM, and
// Linux keeps the high-water mark across exec).
const timeBin = "/usr/bin/time"

// peakRSS runs a command under /usr/bin/time and returns its peak resident
// set in kilobytes.
func peakRSS(ctx context.Context, env []string, name string, args ...string) (int64, error) {
	if _, err := os.Stat(timeBin); err != nil {
		return 0, fmt.Errorf("%s is not installed (apt-get install time)", timeBin)
	}
	r, err := exec1(ctx, env, timeBin, append([]string{"-f", "maxrss=%M", name}, args...)...)
	if err != nil {
		return 0, err
	}
	i := strings.LastIndex(r.out, "maxrss=")
	if i < 0 {
		return 0, fmt.Errorf("no maxrss in %s's output", timeBin)
	}
	var kb int64
	if _, err := fmt.Sscan(r.out[i+len("maxrss="):], &kb); err != nil {
		return 0, fmt.Errorf("read maxrss: %w", err)
	}
	return kb, nil
}

// median of a sample; zero for none.
func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// ms formats a duration in milliseconds with one decimal.
func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }
