package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/secret"
	"github.com/unstuck-dev/unstuck/guides"
	"github.com/unstuck-dev/unstuck/guides/verify"
)

// app carries what every command needs: streams, environment, language,
// and the built-in data, each parsed at most once, on first use.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	lang           guides.Lang
	// isTTY reports whether stdin and stdout are both terminals: only
	// then may the interactive app start.
	isTTY func() bool

	reg   once[*chains.Registry]
	lib   once[*guides.Library]
	chans once[*verify.Registry]
}

// Main runs the command line and returns the exit code.
func Main() int {
	a := &app{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, isTTY: terminals}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return a.run(ctx, os.Args[1:])
}

func (a *app) run(ctx context.Context, args []string) int {
	lang, err := langFrom(args, a.getenv)
	a.lang = lang
	// Screen every argument before anything (cobra, or the --lang check)
	// may echo it.
	if screened(args) {
		return exitCode(&diagnose.InputError{Reason: "refused", Secret: "refused"}, a.stderr, a.lang)
	}
	if err != nil {
		return exitCode(err, a.stderr, a.lang)
	}
	root := a.rootCmd()
	root.SetArgs(args)
	err = root.ExecuteContext(ctx)
	if err != nil && ctx.Err() != nil {
		err = errors.Join(context.Canceled, err)
	}
	return exitCode(err, a.stderr, a.lang)
}

// screened reports whether the arguments carry a secret: any argument on
// its own (flag values included), or the words of the command line taken
// together, since a phrase is often pasted as many arguments. Arguments
// that take a hash, a link or an address (check, account, endpoint,
// --from, --rpc) are screened as public fields, where a run of four
// wordlist words is already a secret; check's argument may be a bare
// 64-hex txid, which check holds for confirmation instead.
func screened(args []string) bool {
	var words []string
	positional := secret.FieldText
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case isFlag(arg):
			name, value, inline := strings.Cut(arg, "=")
			field := flagField(name)
			if !inline && takesValue(name) {
				i++ // its value is an endpoint, an address, a name or a number
				if i >= len(args) {
					break
				}
				value, inline = args[i], true
			}
			if _, found := secret.DetectIn(secret.FieldText, arg); found {
				return true
			}
			if _, found := secret.DetectIn(field, value); inline && found {
				return true
			}
		default:
			if len(words) == 0 {
				positional = commandField(arg)
			}
			field := positional
			if len(words) == 0 {
				field = secret.FieldText // the command's name, or a stray first word
			}
			if _, found := secret.DetectIn(field, arg); found {
				return true
			}
			words = append(words, arg)
		}
	}
	if positional == secret.FieldText {
		_, found := secret.Detect(strings.Join(words, " "))
		return len(words) > 1 && found
	}
	// The arguments after the command's name, taken together.
	_, found := secret.DetectIn(secret.FieldPublic, strings.Join(words[1:], " "))
	return len(words) > 2 && found
}

// commandField is how a command's arguments are screened.
func commandField(cmd string) secret.Field {
	switch cmd {
	case "check":
		return secret.FieldTxID
	case "account", "endpoint":
		return secret.FieldPublic
	}
	return secret.FieldText
}

// flagField is how a flag's value is screened.
func flagField(name string) secret.Field {
	switch name {
	case "--rpc", "--from":
		return secret.FieldPublic
	}
	return secret.FieldText
}

// isFlag: -x or --name[=value]; "- abandon" (a pasted list) is not a flag.
func isFlag(arg string) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-")
	if name == arg || name == "" {
		return false
	}
	if i := strings.IndexByte(name, '='); i >= 0 {
		name = name[:i]
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func takesValue(flag string) bool {
	switch flag {
	case "--rpc", "--from", "--chain", "--lang", "--timeout", "--interval":
		return true
	}
	return false
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "unstuck",
		Short: "A self-help desk for self-custody wallets: stuck transfers and DApps that won't connect",
		Long: `unstuck helps when a transfer is stuck, failed or missing, or a DApp will not connect.
It checks a transaction hash against public nodes and walks you through what to do next.

It never asks for your recovery phrase or private key. Nobody legitimate ever will.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          a.rootArgs,
		// How far off a mistyped command may be to still be suggested.
		SuggestionsMinimumDistance: 2,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runHome(cmd.Context(), homeOptions{help: cmd.Help, tui: tuiOptions{lang: a.forcedLang(cmd)}})
		},
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetIn(a.stdin)
	addVersionFlag(root)
	root.PersistentFlags().String("lang", "", "language: en or zh (default from LC_ALL/LANG)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(a.checkCmd(), a.chainsCmd())
	for _, c := range a.extraCmds() {
		root.AddCommand(c)
	}
	if a.lang == guides.Zh {
		localizeHelp(root)
	}
	return root
}

// langFrom picks the language: --lang, else LC_ALL, LC_MESSAGES, LANG.
// A --lang that is neither en nor zh is bad input; the error is then in
// the language of the environment.
func langFrom(args []string, getenv func(string) string) (guides.Lang, error) {
	env := guides.En
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			env = guides.ParseLang(v)
			break
		}
	}
	for i, arg := range args {
		if arg == "--" {
			break
		}
		v, ok := strings.CutPrefix(arg, "--lang=")
		if !ok && arg == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if !ok {
			continue
		}
		if l, known := flagLang(v); known {
			return l, nil
		}
		if len(v) > 16 {
			v = v[:16] + "…"
		}
		return env, badInput(env.Pick("--lang takes en or zh, not %q", "--lang 只接受 en 或 zh，而不是 %q"), v)
	}
	return env, nil
}

// flagLang reads a --lang value: en or zh, or a tag of either (zh-CN, en_US).
func flagLang(v string) (guides.Lang, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	for _, l := range guides.Langs() {
		if v == string(l) || strings.HasPrefix(v, string(l)+"-") || strings.HasPrefix(v, string(l)+"_") {
			return l, true
		}
	}
	return guides.En, false
}

// forcedLang is the language --lang named, or "" when it was not given:
// only a given one overrides the language the app remembers.
func (a *app) forcedLang(cmd *cobra.Command) string {
	if f := cmd.Flag("lang"); f != nil && f.Changed {
		return string(a.lang)
	}
	return ""
}

// terminals reports whether stdin and stdout are both terminals (a
// redirect from /dev/null is a character device, not a terminal).
func terminals() bool {
	return term.IsTerminal(os.Stdin.Fd()) && term.IsTerminal(os.Stdout.Fd())
}
