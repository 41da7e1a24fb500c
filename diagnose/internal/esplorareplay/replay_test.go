package esplorareplay

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRecordingsAreSound(t *testing.T) {
	all, err := Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatal("no scenarios")
	}
	names := map[string]bool{}
	for _, s := range all {
		if names[s.Name] {
			t.Errorf("scenario %s twice", s.Name)
		}
		names[s.Name] = true
		paths := map[string]bool{}
		for _, e := range s.Exchanges {
			if paths[e.Path] {
				t.Errorf("%s: %s recorded twice", s.Name, e.Path)
			}
			paths[e.Path] = true
			if e.Source == "" || !strings.HasPrefix(e.Path, "/") || e.Status == 0 {
				t.Errorf("%s %s: needs a source, a path and a status", s.Name, e.Path)
			}
			if len(e.JSON) > 0 && !json.Valid(e.JSON) {
				t.Errorf("%s %s: invalid JSON", s.Name, e.Path)
			}
		}
	}
}

func TestHandlerRefusesUnrecorded(t *testing.T) {
	s, err := Lookup("mempool-confirmed")
	if err != nil {
		t.Fatal(err)
	}
	var missed []string
	ts := httptest.NewServer(Handler(s, func(m, p string) { missed = append(missed, m+" "+p) }))
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/blocks/tip/height")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != "698767" {
		t.Errorf("tip = %d %q", resp.StatusCode, body)
	}
	resp, err = http.Get(ts.URL + "/tx/" + strings.Repeat("0", 64))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotImplemented || len(missed) != 1 {
		t.Errorf("unrecorded: status %d, missed %v", resp.StatusCode, missed)
	}
	if _, err := Lookup("nope"); err == nil {
		t.Error("Lookup(nope) found something")
	}
}
