package tronreplay

import (
	"bytes"
	"fmt"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"testing"
)

// recorder stands in for a test, to see what the server reports.
type recorder struct {
	testing.TB
	mu     sync.Mutex
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func load(t *testing.T) *Recordings {
	rec, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func post(t *testing.T, url, body string) (int, string) {
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp.StatusCode, b.String()
}

func TestReplayAnswersOnlyRecordings(t *testing.T) {
	rec := load(t)
	r := &recorder{TB: t}
	s := Start(r, rec, "not-found")
	// Recorded, with the fields in another order and spaces.
	if code, body := post(t, s.URL+"/wallet/gettransactionbyid", `{ "value" : "19a87387bcd9c1ee96705d5c3f30f455f18e45d1543d34bedc436ac07ed7827c" }`); code != 200 || body != "{}" {
		t.Errorf("recorded request: %d %q", code, body)
	}
	if len(r.errors) != 0 {
		t.Errorf("errors for a recorded request: %v", r.errors)
	}
	// Unrecorded: another txid, and a path nobody recorded.
	post(t, s.URL+"/wallet/gettransactionbyid", `{"value":"00"}`)
	post(t, s.URL+"/wallet/getblockbynum", `{"num":1}`)
	if len(r.errors) != 2 {
		t.Errorf("unrecorded requests reported %d times: %v", len(r.errors), r.errors)
	}
	if s.Count("/wallet/gettransactionbyid") != 2 || len(s.Requests()) != 3 {
		t.Errorf("log = %+v", s.Requests())
	}
}

func TestRecordingsHaveSources(t *testing.T) {
	rec := load(t)
	for id, a := range rec.Answers {
		if a.Source == "" || !strings.HasPrefix(a.Path, "/wallet") {
			t.Errorf("answer %s: source %q path %q", id, a.Source, a.Path)
		}
		if (a.Answer == nil) == (a.Text == nil) {
			t.Errorf("answer %s needs exactly one of answer and text", id)
		}
	}
	for name, sc := range rec.Scenarios {
		if sc.Input == "" || sc.LabelEN == "" || sc.LabelZH == "" || sc.Network == "" {
			t.Errorf("scenario %s is incomplete: %+v", name, sc)
		}
	}
}

// TestNotLinkedIntoTheBinary: test machinery must never reach the binary.
func TestNotLinkedIntoTheBinary(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/unstuck-dev/unstuck/cmd/unstuck").CombinedOutput()
	if err != nil {
		t.Skipf("go list unavailable: %v: %s", err, out)
	}
	if strings.Contains(string(out), "diagnose/internal/tronreplay") {
		t.Error("cmd/unstuck links diagnose/internal/tronreplay")
	}
}
