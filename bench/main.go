package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		stop()
		os.Exit(1)
	}
}

type options struct {
	n     int
	bin   string
	rs    []time.Duration
	parts map[string]bool
}

func parseFlags(args []string) (options, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	n := fs.Int("n", 9, "repetitions of every measurement (median of them; at least 7)")
	rs := fs.String("r", "0,50ms,200ms", "injected delays per HTTP request, comma-separated (0: none, to show fixed costs)")
	bin := fs.String("unstuck", "", "measure this unstuck binary instead of building one (to compare a change)")
	parts := fs.String("parts", "sides,fleet,startup,profiles", "what to measure: sides (unstuck vs cast), fleet (16 chains), startup, profiles (operator emulators)")
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	o := options{n: *n, bin: *bin, parts: map[string]bool{}}
	if o.n < 7 {
		return o, errors.New("-n must be at least 7")
	}
	for _, s := range strings.Split(*rs, ",") {
		d, err := time.ParseDuration(strings.TrimSpace(s))
		if err != nil || d < 0 {
			return o, fmt.Errorf("-r: %q is not a duration", s)
		}
		o.rs = append(o.rs, d)
	}
	for _, p := range strings.Split(*parts, ",") {
		o.parts[strings.TrimSpace(p)] = true
	}
	return o, nil
}

func run(ctx context.Context, args []string) error {
	o, err := parseFlags(args)
	if err != nil {
		return err
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	if err := os.Chdir(root); err != nil {
		return err
	}
	anvilBin, err := findTool("anvil", "UNSTUCK_ANVIL")
	if err != nil {
		return err
	}
	castBin, err := findTool("cast", "UNSTUCK_CAST")
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "unstuck-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	b := &bench{n: o.n, cast: castBin, tmp: tmp}
	unstripped := ""
	b.unstuck = o.bin
	if o.bin == "" {
		progress("building unstuck (-trimpath -ldflags \"-s -w\")")
		if b.unstuck, err = build(ctx, tmp, true); err != nil {
			return err
		}
		if unstripped, err = build(ctx, tmp, false); err != nil {
			return err
		}
	}
	printMachine(ctx, anvilBin, castBin, o)

	if o.parts["sides"] {
		rows, err := b.sides(ctx, anvilBin, root, o.rs)
		if err != nil {
			return err
		}
		printSides(rows)
	}
	if o.parts["fleet"] {
		progress("starting 16 anvils")
		f, err := startFleet(ctx, anvilBin)
		if err != nil {
			return err
		}
		var rows []fleetRow
		for _, r := range o.rs {
			if r == 0 {
				continue // the slow endpoint would be as fast as the others
			}
			progress("16 chains at R = " + r.String())
			rs, err := b.search(ctx, f, r)
			if err != nil {
				f.close()
				return err
			}
			rows = append(rows, rs...)
		}
		f.close()
		printFleet(rows)
	}
	if o.parts["profiles"] {
		rows, err := b.profiles(ctx, o.rs)
		if err != nil {
			return err
		}
		printProfiles(rows)
	}
	if o.parts["startup"] {
		progress("start-up")
		s, err := b.startup(ctx, unstripped)
		if err != nil {
			return err
		}
		printStartup(s, b)
	}
	fmt.Printf("Load average at the end: %s\n", loadAvg())
	return nil
}

// sides runs every scenario on both nodes at every delay.
func (b *bench) sides(ctx context.Context, anvilBin, root string, rs []time.Duration) ([]sideRow, error) {
	progress("starting geth's simulated node and anvil")
	g, err := startGeth(ctx, 1337)
	if err != nil {
		return nil, err
	}
	defer g.close()
	gs, err := gethScenarios(ctx, g)
	if err != nil {
		return nil, fmt.Errorf("geth fixtures: %w", err)
	}
	a, err := startAnvil(ctx, anvilBin, 31337, true)
	if err != nil {
		return nil, err
	}
	defer a.close()
	as, err := anvilScenarios(ctx, a, root)
	if err != nil {
		return nil, fmt.Errorf("anvil fixtures: %w", err)
	}
	var rows []sideRow
	for _, r := range rs {
		for _, node := range []struct {
			name, url string
			scs       []scenario
		}{{"anvil", a.url, as}, {"geth (simulated)", g.url, gs}} {
			for _, sc := range node.scs {
				progress(fmt.Sprintf("%s, %s, R = %s", node.name, sc.name, r))
				row, err := b.side(ctx, node.name, node.url, sc, r, true)
				if err != nil {
					return nil, err
				}
				rows = append(rows, row)
			}
		}
	}
	return rows, nil
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("run the bench from inside the unstuck module")
	}
	return filepath.Dir(mod), nil
}

func progress(s string) { fmt.Fprintln(os.Stderr, "bench:", s) }
