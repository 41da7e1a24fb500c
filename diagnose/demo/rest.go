package demo

import (
	"bytes"
	"compress/gzip"
	_ "embed" // the REST recordings
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
)

//go:embed rest_recordings.json.gz
var restRecordingsGz []byte

// REST APIs a world can speak.
const (
	APITron    = "tron"    // TRON's HTTP API (POST /wallet/…)
	APIEsplora = "esplora" // Esplora, with or without mempool.space's /v1 calls
	APICore    = "core"    // Bitcoin Core JSON-RPC, as btcd answers it
)

// RESTRecording is the generated rest_recordings.json: the TRON and
// Bitcoin examples and the real answers (TRON HTTP API, Esplora, btcd's
// JSON-RPC) that their checks need, grouped in worlds.
type RESTRecording struct {
	Version int `json:"version"`
	// Source says how the file was made; it is never hand-edited.
	Source   string     `json:"source"`
	Worlds   []World    `json:"worlds"`
	Examples []Example  `json:"examples"`
	Calls    []RESTCall `json:"calls"`
	// RPC are the JSON-RPC answers of the Core worlds.
	RPC []WorldCall `json:"rpc,omitempty"`
}

// WorldCall is one recorded JSON-RPC call of a Core world, served at
// /<world>.
type WorldCall struct {
	World string `json:"world"`
	Call
	Source string `json:"source"`
}

// World is one endpoint of the demo, served under /<Name> on the demo
// server. The captures behind the examples were taken at different times
// (the network's head and fees differ), so examples whose answers to the
// same request differ live in different worlds; within a world every
// request has one answer.
type World struct {
	Name string `json:"name"`
	API  string `json:"api"`
	// MempoolExtensions says the world also answers mempool.space's /v1
	// calls (Esplora worlds).
	MempoolExtensions bool `json:"mempool_extensions,omitempty"`
	// Now is the clock the world's answers were recorded at: the backend
	// asking it is pinned to it.
	Now time.Time `json:"now"`
	// Scenarios names the recorded scenarios the world is made of.
	Scenarios []string `json:"scenarios"`
}

// RESTCall is one recorded answer of a REST/JSON API (TRON's HTTP API,
// Esplora): the world it belongs to, the request's method, path (with
// query) and canonical JSON body, and the status and body the real
// endpoint sent.
type RESTCall struct {
	World  string `json:"world"`
	Method string `json:"method"`
	Path   string `json:"path"`
	// Body is the request body, "" for a GET.
	Body string `json:"body,omitempty"`
	// Status is the HTTP status of the answer (200 when 0).
	Status int `json:"status,omitempty"`
	// Response is the answer's body exactly as sent.
	Response string `json:"response"`
	// Source says where the real answer was captured.
	Source string `json:"source"`
}

// LoadREST reads the embedded REST recordings.
func LoadREST() (*RESTRecording, error) {
	zr, err := gzip.NewReader(bytes.NewReader(restRecordingsGz))
	if err != nil {
		return nil, fmt.Errorf("read demo REST recordings: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read demo REST recordings: %w", err)
	}
	return ParseREST(data)
}

// ParseREST reads a REST recordings file and checks that it can be
// served: known APIs, every example and call in a world, no request
// answered twice differently within a world.
func ParseREST(data []byte) (*RESTRecording, error) {
	var rec RESTRecording
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, fmt.Errorf("read demo REST recordings: %w", err)
	}
	if rec.Version != FormatVersion {
		return nil, fmt.Errorf("demo REST recordings have format %d, want %d: run go generate ./diagnose/demo", rec.Version, FormatVersion)
	}
	worlds := map[string]bool{}
	for _, w := range rec.Worlds {
		if w.Name == "" || strings.ContainsAny(w.Name, "/?#") || worlds[w.Name] || w.Now.IsZero() ||
			(w.API != APITron && w.API != APIEsplora && w.API != APICore) {
			return nil, fmt.Errorf("demo REST recordings: bad world %+v", w)
		}
		worlds[w.Name] = true
	}
	for _, c := range rec.RPC {
		if w := rec.world(c.World); w == nil || w.API != APICore {
			return nil, fmt.Errorf("demo REST recordings: %s: no Core world %q", c.Method, c.World)
		}
	}
	if _, err := coreIndex(&rec); err != nil {
		return nil, err
	}
	for _, ex := range rec.Examples {
		if !worlds[ex.World] || (ex.Family != diagnose.FamilyTron && ex.Family != diagnose.FamilyBitcoin) {
			return nil, fmt.Errorf("demo REST recordings: example %s: family %q world %q", ex.ID, ex.Family, ex.World)
		}
	}
	for _, c := range rec.Calls {
		if w := rec.world(c.World); w == nil || w.API == APICore {
			return nil, fmt.Errorf("demo REST recordings: %s %s: no world %q", c.Method, c.Path, c.World)
		}
	}
	if _, err := restIndex(rec.Calls); err != nil {
		return nil, err
	}
	return &rec, nil
}

// world is a world by name, or nil.
func (r *RESTRecording) world(name string) *World {
	for i := range r.Worlds {
		if r.Worlds[i].Name == name {
			return &r.Worlds[i]
		}
	}
	return nil
}

// first is the first world speaking api, or nil.
func (r *RESTRecording) first(api string) *World {
	for i := range r.Worlds {
		if r.Worlds[i].API == api {
			return &r.Worlds[i]
		}
	}
	return nil
}

// coreIndex maps each Core world to the index of its calls.
func coreIndex(rec *RESTRecording) (map[string]map[string]Call, error) {
	calls := map[string][]Call{}
	for _, w := range rec.Worlds {
		if w.API == APICore {
			calls[w.Name] = []Call{}
		}
	}
	for _, c := range rec.RPC {
		calls[c.World] = append(calls[c.World], c.Call)
	}
	out := make(map[string]map[string]Call, len(calls))
	for w, cs := range calls {
		idx, err := index(cs)
		if err != nil {
			return nil, fmt.Errorf("world %s: %w", w, err)
		}
		out[w] = idx
	}
	return out, nil
}

// RESTKey names a request within a world: method, path with query, and
// the body in canonical JSON ("[]" when empty).
func RESTKey(world, method, path, body string) (string, error) {
	b := "[]"
	if body != "" {
		c, err := CanonicalParams([]byte(body))
		if err != nil {
			return "", err
		}
		b = string(c)
	}
	return world + " " + method + " " + path + " " + b, nil
}

// restIndex maps each call's key to the call; the same request answered
// twice must be answered the same.
func restIndex(calls []RESTCall) (map[string]RESTCall, error) {
	answers := make(map[string]RESTCall, len(calls))
	for _, c := range calls {
		k, err := RESTKey(c.World, c.Method, c.Path, c.Body)
		if err != nil {
			return nil, fmt.Errorf("demo REST recording %s %s: %w", c.Method, c.Path, err)
		}
		if old, dup := answers[k]; dup && (old.Status != c.Status || old.Response != c.Response) {
			return nil, fmt.Errorf("demo REST recordings: two different answers to %s", k)
		}
		answers[k] = c
	}
	return answers, nil
}

// restHandler answers recorded REST requests under /<world>/… (TRON and
// Esplora worlds) and nothing else: any other request is a miss (HTTP 404 and a note), never a guess.
type restHandler struct {
	answers map[string]RESTCall
	worlds  map[string]bool
	miss    func(Miss)
}

func newRESTHandler(rec *RESTRecording, miss func(Miss)) (*restHandler, error) {
	answers, err := restIndex(rec.Calls)
	if err != nil {
		return nil, err
	}
	h := &restHandler{answers: answers, worlds: map[string]bool{}, miss: miss}
	for _, w := range rec.Worlds {
		if w.API != APICore {
			h.worlds[w.Name] = true
		}
	}
	return h, nil
}

// split is the world a request is for and the API path it asks, or false
// when its first path segment names no world.
func (h *restHandler) split(r *http.Request) (string, string, bool) {
	uri := r.URL.RequestURI()
	rest, ok := strings.CutPrefix(uri, "/")
	if !ok {
		return "", "", false
	}
	world, path, ok := strings.Cut(rest, "/")
	if !ok || !h.worlds[world] {
		return "", "", false
	}
	return world, "/" + path, true
}

// serve answers one recorded request of world.
func (h *restHandler) serve(w http.ResponseWriter, r *http.Request, world, path string) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRequest+1))
	if err != nil || len(body) > maxRequest {
		http.Error(w, "request too large or unreadable", http.StatusBadRequest)
		return
	}
	k, err := RESTKey(world, r.Method, path, string(body))
	c, ok := h.answers[k]
	if err != nil || !ok {
		h.miss(Miss{Method: r.Method + " /" + world + path, Params: string(body)})
		http.Error(w, missMessage, http.StatusNotFound)
		return
	}
	status := c.Status
	if status == 0 {
		status = http.StatusOK
	}
	if len(c.Response) > 0 && (c.Response[0] == '{' || c.Response[0] == '[') {
		w.Header().Set("Content-Type", "application/json")
	} else {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	}
	w.WriteHeader(status)
	_, _ = io.WriteString(w, c.Response)
}
