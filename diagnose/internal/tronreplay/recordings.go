package tronreplay

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
)

//go:embed recordings.json
var recordingsJSON []byte

// Answer is one recorded answer to one request.
type Answer struct {
	Path string          `json:"path"`
	Body json.RawMessage `json:"body"`
	// Answer is the JSON the node answered; Text, when set, is a bare-text
	// answer instead.
	Answer json.RawMessage `json:"answer,omitempty"`
	Text   *string         `json:"text,omitempty"`
	// Source names the real capture; Built, when set, says how this answer
	// was built from it because no capture covers the case.
	Source string `json:"source"`
	Built  string `json:"built,omitempty"`
}

// Scenario is one transaction (or address) and the answers its check needs.
type Scenario struct {
	Network  string   `json:"network"`
	Input    string   `json:"input"`
	Answers  []string `json:"answers"`
	Status   string   `json:"status"`
	Findings []string `json:"findings"`
	LabelEN  string   `json:"label_en"`
	LabelZH  string   `json:"label_zh"`
	Note     string   `json:"note,omitempty"`
}

// Recordings is the whole recordings.json.
type Recordings struct {
	Version   int                 `json:"version"`
	Source    string              `json:"source"`
	Answers   map[string]Answer   `json:"answers"`
	Scenarios map[string]Scenario `json:"scenarios"`
}

// Load parses the embedded recordings and checks them: every scenario's
// answers exist and no two of them answer the same request.
func Load() (*Recordings, error) {
	var r Recordings
	if err := json.Unmarshal(recordingsJSON, &r); err != nil {
		return nil, fmt.Errorf("tronreplay: recordings.json: %w", err)
	}
	for name := range r.Scenarios {
		if _, err := r.table(name); err != nil {
			return nil, err
		}
	}
	return &r, nil
}

// ScenarioNames lists the scenarios, sorted.
func (r *Recordings) ScenarioNames() []string {
	out := make([]string, 0, len(r.Scenarios))
	for n := range r.Scenarios {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// table maps "path body" keys to the answers of one scenario.
func (r *Recordings) table(name string) (map[string]Answer, error) {
	s, ok := r.Scenarios[name]
	if !ok {
		return nil, fmt.Errorf("tronreplay: no scenario %q", name)
	}
	t := make(map[string]Answer, len(s.Answers))
	for _, id := range s.Answers {
		a, ok := r.Answers[id]
		if !ok {
			return nil, fmt.Errorf("tronreplay: scenario %s: no answer %q", name, id)
		}
		if a.Source == "" {
			return nil, fmt.Errorf("tronreplay: answer %s has no source", id)
		}
		k, err := key(a.Path, a.Body)
		if err != nil {
			return nil, fmt.Errorf("tronreplay: answer %s: %w", id, err)
		}
		if _, dup := t[k]; dup {
			return nil, fmt.Errorf("tronreplay: scenario %s answers %s twice", name, k)
		}
		t[k] = a
	}
	return t, nil
}

// key is a request's identity: its path and its body in canonical JSON
// (keys sorted, no spaces), so that field order does not matter.
func key(path string, body []byte) (string, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return path + " {}", nil
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return "", fmt.Errorf("request body is not JSON: %w", err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return path + " " + string(b), nil
}
