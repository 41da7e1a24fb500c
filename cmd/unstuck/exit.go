package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose"
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
func exitCode(err error, stderr io.Writer, lang string) int {
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
		fmt.Fprintln(stderr, "interrupted")
		return exitInterrupted
	case diagnose.IsSecretRefusal(err):
		fmt.Fprintln(stderr, refusalText(lang))
		return exitBadInput
	case errors.As(err, &inputErr), errors.As(err, &usage), isCobraUsage(err):
		fmt.Fprintln(stderr, "unstuck: "+err.Error())
		return exitBadInput
	case errors.As(err, &noAnswer):
		fmt.Fprintln(stderr, "unstuck: "+noAnswer.Message(lang))
		return exitNoEndpoint
	}
	fmt.Fprintln(stderr, "unstuck: "+err.Error())
	return exitError
}

func refusalText(lang string) string {
	if lang == "zh" {
		return diagnose.SecretRefusalZH
	}
	return diagnose.SecretRefusal
}

// isCobraUsage recognises cobra's own usage errors (unknown command or
// flag, bad argument count), which it returns as plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "accepts ", "requires at least", "invalid argument", "flag needs an argument", "if any flags in the group"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}
