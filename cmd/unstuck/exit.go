package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/secret"
	"github.com/unstuck-dev/unstuck/guides"
)

// Exit codes: the contract in DESIGN.md.
const (
	exitOK          = 0
	exitError       = 1
	exitBadInput    = 2
	exitNoEndpoint  = 3
	exitInterrupted = 130
)

// usageError is bad input from the user: a wrong flag, argument or value.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func badInput(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// exitCode maps an error to the process exit code and prints it, once,
// without ever echoing refused input.
func exitCode(err error, stderr io.Writer, lang guides.Lang) int {
	if err == nil {
		return exitOK
	}
	var noAnswer *diagnose.NoAnswerError
	var inputErr *diagnose.InputError
	var usage usageError
	var quiet quietExit
	switch {
	case errors.As(err, &quiet):
		return int(quiet) // the report printed says why
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, lang.Pick("interrupted", "已中断"))
		return exitInterrupted
	case secret.IsRefusal(err):
		fmt.Fprintln(stderr, refusalText(lang))
		return exitBadInput
	case isCobraUsage(err):
		fmt.Fprintln(stderr, "unstuck: "+cobraUsageText(err, lang))
		return exitBadInput
	case errors.As(err, &inputErr):
		fmt.Fprintln(stderr, "unstuck: "+inputErr.Message(string(lang)))
		return exitBadInput
	case errors.As(err, &usage):
		fmt.Fprintln(stderr, "unstuck: "+err.Error())
		return exitBadInput
	case errors.As(err, &noAnswer):
		fmt.Fprintln(stderr, "unstuck: "+noAnswer.Message(string(lang)))
		return exitNoEndpoint
	}
	fmt.Fprintln(stderr, "unstuck: "+err.Error())
	return exitError
}

func refusalText(lang guides.Lang) string {
	return lang.Pick(secret.Refusal, secret.RefusalZH)
}

// cobraUsage lists cobra's usage errors, by the start of their text, with
// what they say in Chinese; the rest of the text names a flag or a value.
func cobraUsage() [][2]string {
	return [][2]string{
		{"unknown command", "没有这个命令"},
		{"unknown flag", "没有这个选项"},
		{"unknown shorthand flag", "没有这个短选项"},
		{"accepts ", "参数个数不对"},
		{"requires at least", "参数不够"},
		{"invalid argument", "选项的值无效"},
		{"flag needs an argument", "这个选项需要一个值"},
		{"if any flags in the group", "这些选项不能同时使用"},
	}
}

// namedInUsage finds the flags and quoted values a cobra error names.
var namedInUsage = regexp.MustCompile(`--?[A-Za-z][A-Za-z0-9-]*|"[^"]*"|\[[a-z -]+\]`)

// cobraUsageText is a cobra usage error in the user's language: in
// Chinese its kind, then the flags and values it names.
func cobraUsageText(err error, lang guides.Lang) string {
	msg := err.Error()
	if lang != guides.Zh {
		return msg
	}
	for _, u := range cobraUsage() {
		if strings.HasPrefix(msg, u[0]) {
			named := slices.Compact(namedInUsage.FindAllString(strings.TrimPrefix(msg, u[0]), -1))
			out := u[1]
			if len(named) > 0 {
				out += "：" + strings.Join(named, " ")
			}
			return out + "；运行 `unstuck --help` 查看用法"
		}
	}
	return msg
}

// isCobraUsage recognises cobra's own usage errors (unknown command or
// flag, bad argument count), which it returns as plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, u := range cobraUsage() {
		if strings.HasPrefix(msg, u[0]) {
			return true
		}
	}
	return false
}
