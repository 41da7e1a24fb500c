package tui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/unstuck-dev/unstuck/guides"
)

// Settings is what the app remembers between runs: nothing but preferences.
type Settings struct {
	Lang          string `json:"lang,omitempty"`
	ConfirmTarget uint64 `json:"confirmations_target,omitempty"`
}

// maxSettingsSize bounds the settings file; it holds two small fields.
const maxSettingsSize = 64 << 10

// DefaultSettingsPath is <user config dir>/unstuck/settings.json, or ""
// when the platform has no config directory (settings are then not kept).
func DefaultSettingsPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "unstuck", "settings.json")
}

// LoadSettings reads the settings at path. A missing file (or an empty
// path) gives the zero Settings and no error; an unreadable or corrupt
// file gives the zero Settings and an error the caller may ignore.
func LoadSettings(path string) (Settings, error) {
	if path == "" {
		return Settings{}, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Settings{}, nil
	}
	if err != nil {
		return Settings{}, fmt.Errorf("read settings: %w", err)
	}
	if len(data) > maxSettingsSize {
		return Settings{}, fmt.Errorf("read settings: %s is larger than %d bytes", path, maxSettingsSize)
	}
	var s Settings
	if err := json.Unmarshal(data, &s); err != nil {
		return Settings{}, fmt.Errorf("read settings: %w", err)
	}
	if s.Lang != "" {
		s.Lang = string(guides.ParseLang(s.Lang))
	}
	return s, nil
}

// SaveSettings writes s to path atomically (a temporary file, then a
// rename), creating the directory. An empty path saves nothing.
func SaveSettings(path string, s Settings) error {
	if path == "" {
		return nil
	}
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("save settings: %w", err)
	}
	return nil
}
