package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// app carries what every command needs: streams, environment, language.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	lang           string
	isTTY          func() bool
	// startGuide, when set, opens the interactive app at that guide or step.
	startGuide string
}

// Main runs the command line and returns the exit code.
func Main() int {
	a := &app{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, isTTY: stdoutIsTTY}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return a.run(ctx, os.Args[1:])
}

func (a *app) run(ctx context.Context, args []string) int {
	a.lang = langFrom(args, a.getenv)
	// Screen every positional argument before cobra sees (and may echo) it.
	if screened(args) {
		return exitCode(&diagnose.InputError{Reason: "refused", Secret: "refused"}, a.stderr, a.lang)
	}
	root := a.rootCmd()
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
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
	positional := diagnose.FieldText
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
			if _, secret := diagnose.DetectSecretIn(arg, diagnose.FieldText); secret {
				return true
			}
			if _, secret := diagnose.DetectSecretIn(value, field); inline && secret {
				return true
			}
		default:
			if len(words) == 0 {
				positional = commandField(arg)
			}
			field := positional
			if len(words) == 0 {
				field = diagnose.FieldText // the command's name, or a stray first word
			}
			if _, secret := diagnose.DetectSecretIn(arg, field); secret {
				return true
			}
			words = append(words, arg)
		}
	}
	if positional == diagnose.FieldText {
		_, secret := diagnose.DetectSecret(strings.Join(words, " "))
		return len(words) > 1 && secret
	}
	// The arguments after the command's name, taken together.
	_, secret := diagnose.DetectSecretIn(strings.Join(words[1:], " "), diagnose.FieldPublic)
	return len(words) > 2 && secret
}

// commandField is how a command's arguments are screened.
func commandField(cmd string) diagnose.Field {
	switch cmd {
	case "check":
		return diagnose.FieldTxID
	case "account", "endpoint":
		return diagnose.FieldPublic
	}
	return diagnose.FieldText
}

// flagField is how a flag's value is screened.
func flagField(name string) diagnose.Field {
	switch name {
	case "--rpc", "--from":
		return diagnose.FieldPublic
	}
	return diagnose.FieldText
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
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runHome(cmd)
		},
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetIn(a.stdin)
	root.SetVersionTemplate("unstuck {{.Version}}\n")
	root.PersistentFlags().String("lang", "", "language: en or zh (default from LC_ALL/LANG)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(a.checkCmd(), a.chainsCmd())
	for _, c := range a.extraCmds() {
		root.AddCommand(c)
	}
	return root
}

// langFrom picks the language: --lang, else LC_ALL, LC_MESSAGES, LANG.
func langFrom(args []string, getenv func(string) string) string {
	for i, arg := range args {
		switch {
		case strings.HasPrefix(arg, "--lang="):
			return normLang(strings.TrimPrefix(arg, "--lang="))
		case arg == "--lang" && i+1 < len(args):
			return normLang(args[i+1])
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return normLang(v)
		}
	}
	return "en"
}

func normLang(s string) string {
	if strings.HasPrefix(strings.ToLower(s), "zh") {
		return "zh"
	}
	return "en"
}

func stdoutIsTTY() bool {
	fi, err := os.Stdout.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
