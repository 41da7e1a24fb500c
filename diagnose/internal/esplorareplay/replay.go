package esplorareplay

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

//go:embed recordings.json
var recordingsJSON []byte

// Exchange is one recorded request and its answer.
type Exchange struct {
	Path   string          `json:"path"`
	Status int             `json:"status"`
	JSON   json.RawMessage `json:"json,omitempty"`
	Text   string          `json:"text,omitempty"`
	Source string          `json:"source"`
}

// Body is the answer's bytes and content type.
func (e Exchange) Body() ([]byte, string) {
	if len(e.JSON) > 0 {
		return e.JSON, "application/json"
	}
	return []byte(e.Text), "text/plain"
}

// Scenario is a set of answers about one case, as one endpoint gave them.
type Scenario struct {
	Name string `json:"name"`
	// MempoolExtensions says the answers come from mempool.space, which
	// also answers its /v1 calls.
	MempoolExtensions bool       `json:"mempool_extensions"`
	About             string     `json:"about"`
	Exchanges         []Exchange `json:"exchanges"`
}

// Scenarios are every recorded scenario.
func Scenarios() ([]Scenario, error) {
	var file struct {
		Scenarios []Scenario `json:"scenarios"`
	}
	if err := json.Unmarshal(recordingsJSON, &file); err != nil {
		return nil, fmt.Errorf("esplorareplay: recordings.json: %w", err)
	}
	return file.Scenarios, nil
}

// Lookup finds a scenario by name.
func Lookup(name string) (Scenario, error) {
	all, err := Scenarios()
	if err != nil {
		return Scenario{}, err
	}
	for _, s := range all {
		if s.Name == name {
			return s, nil
		}
	}
	return Scenario{}, fmt.Errorf("esplorareplay: no scenario %q", name)
}

// Handler answers GET requests for the scenario's recorded paths; any
// other request gets HTTP 501 and is passed to miss.
func Handler(s Scenario, miss func(method, path string)) http.Handler {
	byPath := map[string]Exchange{}
	for _, e := range s.Exchanges {
		byPath[e.Path] = e
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, ok := byPath[r.URL.RequestURI()]
		if !ok || r.Method != http.MethodGet {
			miss(r.Method, r.URL.RequestURI())
			http.Error(w, "unrecorded request", http.StatusNotImplemented)
			return
		}
		body, ctype := e.Body()
		w.Header().Set("Content-Type", ctype)
		w.WriteHeader(e.Status)
		_, _ = w.Write(body)
	})
}

// Server is a replay server running for one test.
type Server struct {
	URL      string
	Scenario Scenario
	mu       sync.Mutex
	hits     map[string]int
}

// Start serves a scenario on loopback until the test ends. An unrecorded
// request fails the test.
func Start(t testing.TB, name string) *Server {
	t.Helper()
	s, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	srv := &Server{Scenario: s, hits: map[string]int{}}
	inner := Handler(s, func(method, path string) {
		t.Errorf("esplorareplay %s: unrecorded request %s %s", name, method, path)
	})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		srv.mu.Lock()
		srv.hits[r.URL.RequestURI()]++
		srv.mu.Unlock()
		inner.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	srv.URL = ts.URL
	return srv
}

// Hits is how many times a path was asked.
func (s *Server) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// Requests is the number of requests served.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, h := range s.hits {
		n += h
	}
	return n
}
