package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestSettings(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		content string // "" = no file
		want    Settings
		wantErr bool
	}{
		{name: "missing", want: Settings{}},
		{name: "saved", content: `{"lang":"zh","confirmations_target":64}`, want: Settings{Lang: "zh", ConfirmTarget: 64}},
		{name: "locale form", content: `{"lang":"zh_CN.UTF-8"}`, want: Settings{Lang: "zh"}},
		{name: "unknown language", content: `{"lang":"fr"}`, want: Settings{Lang: "en"}},
		{name: "corrupt", content: `{"lang":`, wantErr: true},
		{name: "too large", content: `{"lang":"en","x":"` + strings.Repeat("a", maxSettingsSize) + `"}`, wantErr: true},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name, "settings.json")
			if tt.content != "" {
				if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			got, err := LoadSettings(path)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v (case %d)", err, tt.wantErr, i)
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	path := filepath.Join(dir, "new", "deeper", "settings.json")
	want := Settings{Lang: "zh", ConfirmTarget: 20}
	if err := SaveSettings(path, want); err != nil {
		t.Fatal(err)
	}
	if got, err := LoadSettings(path); err != nil || got != want {
		t.Errorf("round trip: %+v, %v", got, err)
	}
	if err := SaveSettings("", want); err != nil {
		t.Errorf("an empty path saves nothing: %v", err)
	}
}

// TestLanguageChoice: --lang wins over the remembered language, which wins
// over the environment's.
func TestLanguageChoice(t *testing.T) {
	env := newEnv(t)
	if err := SaveSettings(env.settings, Settings{Lang: "zh"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, forced, def, path string
		want                    string
	}{
		{name: "remembered", def: "en", want: "zh"},
		{name: "forced", forced: "en", def: "zh", want: "en"},
		{name: "no settings kept", def: "en", path: NoSettings, want: "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := env.options()
			opt.Lang, opt.DefaultLang = tt.forced, tt.def
			if tt.path != "" {
				opt.SettingsPath = tt.path
			}
			if m := env.model(opt); string(m.lang) != tt.want {
				t.Errorf("lang = %s, want %s", m.lang, tt.want)
			}
		})
	}
}

// TestResize: every screen re-lays out when the terminal shrinks.
func TestResize(t *testing.T) {
	env := newEnv(t)
	for name, build := range allScreens(t, env) {
		m := env.model(env.options())
		m, _ = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
		m = build(m)
		m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		t.Run(name, func(t *testing.T) { checkFrame(t, m.View(), 80, 24) })
	}
}
