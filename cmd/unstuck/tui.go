package main

import (
	"context"
	"errors"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/guides"
	"github.com/unstuck-dev/unstuck/tui"
)

// runTUI starts the interactive app with the real engine and the guides.
// Leaving with ctrl+c returns context.Canceled (exit 130).
func (a *app) runTUI(cmd *cobra.Command) error {
	reg, err := chains.Default()
	if err != nil {
		return err
	}
	eng, err := a.newEngine(reg, nil, diagnose.DefaultTimeout)
	if err != nil {
		return err
	}
	lib, err := guides.Load()
	if err != nil {
		return err
	}
	forced := ""
	if f := cmd.Flag("lang"); f != nil && f.Changed {
		forced = string(a.lang)
	}
	err = tui.Run(cmd.Context(), tui.Options{
		Engine:       eng,
		Guides:       lib,
		Registry:     reg,
		Lang:         forced,
		DefaultLang:  string(a.lang),
		SettingsPath: a.settingsPath(),
		Start:        a.startGuide,
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
