package tui

import (
	"context"
	"errors"
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/guides"
	"github.com/unstuck-dev/unstuck/guides/verify"
)

// Engine is what the app needs from a diagnosis engine. *diagnose.Engine
// is one; `unstuck demo` may pass another.
type Engine interface {
	Check(ctx context.Context, q diagnose.Query, opt diagnose.CheckOptions) (*diagnose.Report, error)
	AccountOf(ctx context.Context, q diagnose.Query) (*diagnose.AccountReport, error)
	Endpoint(ctx context.Context, endpoint string, claimed uint64) (*diagnose.EndpointReport, error)
	// PossibleKeyAddresses works out, locally, the addresses a bare 64-hex
	// string would control if it were a private key.
	PossibleKeyAddresses(q diagnose.Query) (diagnose.KeyAddresses, bool)
}

var _ Engine = (*diagnose.Engine)(nil)

// Example is a transaction offered as a pick list on the check screen
// (the demo's recorded transactions).
type Example struct {
	Label string
	Hash  string
}

// Options are the app's dependencies and preferences.
type Options struct {
	// Engine runs the checks. Required.
	Engine Engine
	// Guides is the decision-tree library. Required.
	Guides *guides.Library
	// Registry reads explorer links; nil means chains.Default().
	Registry *chains.Registry

	// Lang forces the language ("en" or "zh", from --lang). Empty means
	// the language remembered in the settings, else DefaultLang.
	Lang string
	// DefaultLang is the language when nothing else says (LC_ALL, LANG).
	DefaultLang string
	// SettingsPath is where preferences are kept between runs; empty
	// means DefaultSettingsPath(). Use NoSettings to keep nothing.
	SettingsPath string

	// Examples, when set, are offered on the check screen.
	Examples []Example
	// Banner, when set, is shown on every screen (e.g. "DEMO CHAIN").
	Banner string
	// Start, when set, opens a guide (a tree id) or a step of one (a node
	// id) instead of the home screen (`unstuck guide <id>`).
	Start string

	// WatchEvery is how often a watched transaction is checked again;
	// 0 means 5 seconds.
	WatchEvery time.Duration
	// ConfirmTarget is the default confirmations target of a watch;
	// 0 means the remembered one, else 12.
	ConfirmTarget uint64
	// SaveDir is where reports are saved by default; empty means the
	// current directory.
	SaveDir string
	// Clipboard copies text; nil means the system clipboard, falling back
	// to the terminal's (OSC 52).
	Clipboard func(string) error

	// Input and Output are the terminal; nil means stdin and stdout.
	Input  io.Reader
	Output io.Writer
}

// NoSettings as Options.SettingsPath keeps no settings file.
const NoSettings = "-"

// Defaults.
const (
	defaultWatchEvery    = 5 * time.Second
	defaultConfirmTarget = 12
	maxConfirmTarget     = 100000
)

// deps is what every screen reads and nothing changes after start.
type deps struct {
	engine       Engine
	reg          *chains.Registry
	lib          *guides.Library
	examples     []Example
	banner       string
	settingsPath string
	watchEvery   time.Duration
	saveDir      string
	clipboard    func(string) error
	st           Styles
	md           *markdown
	// txCheck is the guides' own transaction check: a check started from
	// the home screen continues the guide where it would.
	txCheck *guides.Node
	// start is the guide or step to open first, if any.
	start string
	// channels is the official-channel registry (package guides/verify).
	channels *verify.Registry
}

// firstTxCheck finds the first transaction check node of the guides.
func firstTxCheck(lib *guides.Library) *guides.Node {
	for _, t := range lib.Trees() {
		for _, n := range t.Nodes {
			if n.Kind == guides.KindCheck && n.Check == guides.CheckTx {
				return n
			}
		}
	}
	return nil
}

// Run starts the app on the terminal and returns when the user leaves.
// Leaving with ctrl+c (or a cancelled ctx) returns an error that
// errors.Is context.Canceled, so that the CLI exits with 130.
func Run(ctx context.Context, opt Options) error {
	if opt.Input == nil {
		opt.Input = os.Stdin
	}
	if opt.Output == nil {
		opt.Output = os.Stdout
	}
	// Styles are built for the stream actually drawn to. The background is
	// asked for now: once the program reads the terminal, an answer to that
	// query would arrive as keystrokes.
	r := lipgloss.NewRenderer(opt.Output)
	dark := true // no colour: nothing to adapt, no need to ask
	if r.ColorProfile() != termenv.Ascii {
		dark = r.HasDarkBackground()
	}
	r.SetHasDarkBackground(dark)
	m, err := newModel(ctx, opt, newStyles(r))
	if err != nil {
		return err
	}
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(opt.Input), tea.WithOutput(opt.Output), tea.WithAltScreen())
	final, err := p.Run()
	if fm, ok := final.(model); ok {
		fm.stopWork()
		if fm.interrupted {
			return context.Canceled
		}
	}
	switch {
	case errors.Is(err, tea.ErrInterrupted):
		return context.Canceled
	case err != nil && ctx.Err() != nil:
		return errors.Join(context.Canceled, err)
	}
	return err
}

// newModel builds the root model; it reads the settings file (once, before
// the program starts) and nothing else.
func newModel(ctx context.Context, opt Options, st Styles) (model, error) {
	if opt.Engine == nil || opt.Guides == nil {
		return model{}, errors.New("tui: an engine and the guides are required")
	}
	reg := opt.Registry
	if reg == nil {
		var err error
		if reg, err = chains.Default(); err != nil {
			return model{}, err
		}
	}
	path := opt.SettingsPath
	switch path {
	case "":
		path = DefaultSettingsPath()
	case NoSettings:
		path = ""
	}
	settings, _ := LoadSettings(path) // a broken file is no reason to stop
	lang := guides.ParseLang(opt.DefaultLang)
	switch {
	case opt.Lang != "":
		lang = guides.ParseLang(opt.Lang)
	case settings.Lang != "":
		lang = guides.ParseLang(settings.Lang)
	}
	target := settings.ConfirmTarget
	if opt.ConfirmTarget > 0 {
		target = opt.ConfirmTarget
	}
	if target == 0 || target > maxConfirmTarget {
		target = defaultConfirmTarget
	}
	settings.ConfirmTarget = target
	every := opt.WatchEvery
	if every <= 0 {
		every = defaultWatchEvery
	}
	channels, err := verify.Load()
	if err != nil {
		return model{}, err
	}
	d := &deps{
		engine: opt.Engine, reg: reg, lib: opt.Guides, examples: opt.Examples, banner: clean(opt.Banner),
		settingsPath: path, watchEvery: every, saveDir: opt.SaveDir, clipboard: opt.Clipboard,
		st: st, md: newMarkdown(st), txCheck: firstTxCheck(opt.Guides), start: opt.Start,
		channels: channels,
	}
	if d.clipboard == nil {
		d.clipboard = systemClipboard(opt.Output)
	}
	return newRoot(ctx, d, lang, settings), nil
}
