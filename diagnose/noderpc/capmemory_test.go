package noderpc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCapMemory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "unstuck", "endpoints.json")
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	m := NewCapMemory(path, func(h string) bool { return h == "eth.drpc.org" }, clock)
	m.Put("eth.drpc.org", 3)
	m.Put("my-secret-node.example", 5)
	if c, ok := m.Get("eth.drpc.org"); !ok || c != 3 {
		t.Errorf("drpc = %d %v", c, ok)
	}
	if c, ok := m.Get("my-secret-node.example"); !ok || c != 5 {
		t.Errorf("private host = %d %v", c, ok)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "my-secret-node") || !strings.Contains(string(data), "eth.drpc.org") {
		t.Errorf("file holds a private host name, or lacks the public one:\n%s", data)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	if m.RefusedState("eth.drpc.org") {
		t.Error("refused state before any refusal")
	}
	m.PutRefusedState("eth.drpc.org")
	m.PutRefusedState("archive-less.example")
	if !m.RefusedState("eth.drpc.org") || !m.RefusedState("archive-less.example") {
		t.Error("state refusals not remembered")
	}
	if c, ok := m.Get("eth.drpc.org"); !ok || c != 3 {
		t.Errorf("the cap was lost with the refusal: %d %v", c, ok)
	}
	if _, ok := m.Get("archive-less.example"); ok {
		t.Error("a state refusal made up a cap")
	}
	now = now.Add(MaxCapAge + time.Minute)
	if _, ok := m.Get("eth.drpc.org"); ok || m.RefusedState("eth.drpc.org") {
		t.Error("a week-old memory is still used")
	}
}

func TestCapMemoryHostileFiles(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for name, body := range map[string]string{
		"garbage":      "\x00\xffnot json",
		"wrong types":  `{"version":1,"hosts":{"a":{"cap":"ten","seen":7}}}`,
		"zero cap":     `{"version":1,"hosts":{"a":{"cap":0,"seen":"2026-12-01T00:00:00Z"}}}`,
		"huge cap":     `{"version":1,"hosts":{"a":{"cap":99999999,"seen":"2026-12-01T00:00:00Z"}}}`,
		"future":       `{"version":1,"hosts":{"a":{"cap":3,"seen":"2099-01-01T00:00:00Z"}}}`,
		"old version":  `{"version":0,"hosts":{"a":{"cap":3,"seen":"2026-12-01T00:00:00Z"}}}`,
		"too big file": `{"version":1,"hosts":{"a":{"cap":3,"seen":"2026-12-01T00:00:00Z"}},"pad":"` + strings.Repeat("x", maxCapFileSize) + `"}`,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "endpoints.json")
			if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			m := NewCapMemory(path, func(string) bool { return true }, func() time.Time { return now })
			if c, ok := m.Get("a"); ok {
				t.Errorf("got cap %d from a hostile file", c)
			}
			m.Put("b", 4) // a bad file is replaced, not a reason to fail
			if c, ok := m.Get("b"); !ok || c != 4 {
				t.Errorf("after Put: %d %v", c, ok)
			}
		})
	}
	var nilMem *CapMemory
	nilMem.Put("a", 3)
	if _, ok := nilMem.Get("a"); ok {
		t.Error("a nil memory remembers")
	}
}

// FuzzCapFile: no file content may panic or yield an entry outside the
// bounds the client relies on.
func FuzzCapFile(f *testing.F) {
	for _, seed := range []string{
		`{"version":1,"hosts":{"eth.drpc.org":{"cap":3,"seen":"2026-11-30T00:00:00Z"}}}`,
		`{"version":1,"hosts":{"":{"cap":3,"seen":"2026-11-30T00:00:00Z"}}}`,
		`{"version":1,"hosts":null}`, `{"version":1e999}`, `[]`, `null`, ``, `{"hosts":{"a":{}}}`,
	} {
		f.Add([]byte(seed))
	}
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		got := parseCapFile(data, now)
		if len(got) > maxCapEntries {
			t.Fatalf("%d entries", len(got))
		}
		for k, e := range got {
			if k == "" || e.Cap < 0 || e.Cap > MaxCap || now.Sub(e.Seen) > MaxCapAge || e.Cap == 0 && e.NoState.IsZero() {
				t.Fatalf("entry %q = %+v", k, e)
			}
		}
	})
}
