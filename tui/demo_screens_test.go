package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

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

// TestFlowDemoFamilies picks TRON and Bitcoin examples from the demo's
// list and checks them against the demo, the way `unstuck demo` runs the
// app: a TronScan link goes straight to its verdict; btcd's bare txid is
// held until the user says it is a transaction ID.
func TestFlowDemoFamilies(t *testing.T) {
	d, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	env := newEnv(t)
	opt := env.options()
	opt.Engine, opt.Registry, opt.Banner = d, d.Registry(), demo.Banner("en")
	var tronAt, btcdAt int
	for i, ex := range d.Examples() {
		opt.Examples = append(opt.Examples, Example{Label: ex.Label("en"), Hash: ex.Input})
		switch ex.ID {
		case "tron-out-of-energy":
			tronAt = i
		case "btcd-pending":
			btcdAt = i
		}
	}
	m := env.model(opt)
	m = send(t, m, openCheckMsg{})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	var f frames
	pick := func(at int) {
		for range at + 1 {
			tm.Send(keyMsg("down"))
		}
	}
	f.waitFor(t, tm, "Examples")
	pick(tronAt)
	tm.Send(keyMsg("enter"))
	f.waitFor(t, tm, "FAILED on TRON", "DEMO CHAIN", "ran out of energy")
	tm.Send(keyMsg("n"))
	f.waitFor(t, tm, "Examples")
	pick(btcdAt)
	tm.Send(keyMsg("enter"))
	f.waitFor(t, tm, "is this a transaction ID?")
	tm.Send(keyMsg("y"))
	f.waitFor(t, tm, "PENDING on Bitcoin", "2 sat/vB")
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(flowWait))
	if m := d.Misses(); len(m) > 0 {
		t.Errorf("misses: %+v", m)
	}
}
