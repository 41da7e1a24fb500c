package tui

import (
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// TestNextStepsSkipInfoNotes: an info-level rpc_degraded (a relay floor
// assumed, a follow-up answered elsewhere) is not offered as a next step —
// "the network's server is down" would send the user the wrong way — while
// a warning that some networks could not be asked still is.
func TestNextStepsSkipInfoNotes(t *testing.T) {
	guideOf := func(rep *diagnose.Report) map[string]bool {
		env := newEnv(t)
		m := env.model(env.options())
		m = send(t, m, keyMsg("4"), paste(testHash), keyMsg("enter"))
		m, _ = update(t, m, checkDoneMsg{id: m.job, rep: rep})
		out := map[string]bool{}
		for _, it := range m.result.steps.items {
			out[it.to] = true
		}
		return out
	}
	note := func(sev diagnose.Severity) *diagnose.Report {
		rep := pendingReport()
		rep.Findings = append(rep.Findings, diagnose.Finding{Code: diagnose.CodeRPCDegraded, Severity: sev,
			Guide: diagnose.GuideFor(diagnose.CodeRPCDegraded), Data: map[string]string{"variant": "failed", "failed": "TRON"}})
		return rep
	}
	trouble := diagnose.GuideFor(diagnose.CodeRPCDegraded)
	if steps := guideOf(note(diagnose.SevInfo)); steps[trouble] {
		t.Errorf("an info note is offered as a next step: %v", steps)
	}
	if steps := guideOf(note(diagnose.SevWarn)); !steps[trouble] {
		t.Errorf("a warning that networks were not asked is not offered: %v", steps)
	}
}
