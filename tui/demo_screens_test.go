package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/demo"
)

// TestDemoFamilyResultsFit draws the result screen of every TRON and
// Bitcoin demo example at 80 columns in both languages: the frame fits,
// and every key number's label is shown whole.
func TestDemoFamilyResultsFit(t *testing.T) {
	d, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, ex := range d.Examples() {
		if ex.Family == "" {
			continue
		}
		rep, err := d.Run(context.Background(), ex)
		if err != nil {
			t.Fatalf("%s: %v", ex.ID, err)
		}
		for _, lang := range []string{"en", "zh"} {
			t.Run(ex.ID+"/"+lang, func(t *testing.T) {
				env := newEnv(t)
				opt := env.options()
				opt.Lang = lang
				m := env.model(opt)
				m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 60})
				m = send(t, m, openCheckMsg{}, paste(testHash), keyMsg("enter"))
				m, _ = update(t, m, checkDoneMsg{id: m.job, rep: rep})
				view := m.View()
				checkFrame(t, view, 80, 60)
				for _, row := range diagnose.KeyNumbers(rep, lang) {
					if !strings.Contains(view, "  "+row[0]) {
						t.Errorf("label %q is not shown whole:\n%s", row[0], view)
					}
				}
			})
		}
	}
}
