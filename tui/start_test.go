package tui

import "testing"

// TestStartAt: `unstuck guide <id>` opens a tree or a step directly.
func TestStartAt(t *testing.T) {
	tests := []struct {
		name, start, want string
	}{
		{name: "tree", start: "transfer", want: "My transfer is stuck, failed or missing"},
		{name: "step from a finding", start: "speed-up", want: "Speed up a stuck transfer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t)
			opt := env.options()
			opt.Start = tt.start
			m := env.model(opt)
			for _, msg := range intents(m.Init()) {
				m = send(t, m, msg)
			}
			if m.active() != screenWalker {
				t.Fatalf("screen = %s, want walker", m.active())
			}
			mustContain(t, m.View(), tt.want)
		})
	}
}
