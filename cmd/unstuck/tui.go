package main

import (
	"context"
	"errors"
	"path/filepath"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/tui"
)

// tuiOptions are the inputs of the interactive app.
type tuiOptions struct {
	// lang is the language --lang forced, "" when it was not given.
	lang string
	// start, when set, opens the app at that guide or step.
	start string
}

// runTUI starts the interactive app with the real engine and the guides.
// Leaving with ctrl+c returns context.Canceled (exit 130).
func (a *app) runTUI(ctx context.Context, opts tuiOptions) error {
	reg, err := a.registry()
	if err != nil {
		return err
	}
	eng, err := a.newEngine(nil, diagnose.DefaultTimeout)
	if err != nil {
		return err
	}
	lib, err := a.library()
	if err != nil {
		return err
	}
	err = tui.Run(ctx, tui.Options{
		Engine:       eng,
		Guides:       lib,
		Registry:     reg,
		Lang:         opts.lang,
		DefaultLang:  string(a.lang),
		SettingsPath: a.settingsPath(),
		Start:        opts.start,
		Input:        a.stdin,
		Output:       a.stdout,
	})
	if errors.Is(err, context.Canceled) {
		return context.Canceled
	}
	return err
}

// settingsPath is $UNSTUCK_CONFIG_DIR/settings.json when set (tests, a
// portable install), else the platform's config directory.
func (a *app) settingsPath() string {
	if dir := a.getenv("UNSTUCK_CONFIG_DIR"); dir != "" {
		return filepath.Join(dir, "settings.json")
	}
	return tui.DefaultSettingsPath()
}
