package tronreplay

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
)

// Request is one request the server saw.
type Request struct {
	Path string
	Body string
	// Round is the 1-based wave the request belonged to (see WithRounds);
	// 0 when the server does not hold requests.
	Round int
}

// T is the part of testing.TB the server needs: it reports unrecorded
// requests as test errors.
type T interface {
	Helper()
	Errorf(format string, args ...any)
	Fatal(args ...any)
	Cleanup(func())
}

// Server is a loopback replay server for one scenario.
type Server struct {
	URL   string
	t     T
	table map[string]Answer
	srv   *httptest.Server

	mu     sync.Mutex
	log    []Request
	rounds []int
	wave   int
	inWave int
	open   []chan struct{}
}

// Option configures a Server.
type Option func(*Server)

// WithRounds makes the server hold requests in rounds of the given sizes:
// the requests of round i are answered only once all sizes[i] of them have
// arrived. A client that sends a round's requests one after the other
// instead of at once stalls (and its check times out), and a request past
// the last round fails the test, so a passing test proves the client asks
// in exactly these rounds, concurrently within each.
func WithRounds(sizes ...int) Option { return func(s *Server) { s.rounds = sizes } }

// Start serves a scenario on 127.0.0.1 until the test ends. Any request
// without a recorded answer fails the test.
func Start(t T, rec *Recordings, scenario string, opts ...Option) *Server {
	t.Helper()
	table, err := rec.table(scenario)
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{t: t, table: table}
	for _, o := range opts {
		o(s)
	}
	for range s.rounds {
		s.open = append(s.open, make(chan struct{}))
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	t.Cleanup(s.srv.Close)
	return s
}

// Requests lists what the server was asked, in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.log...)
}

// Count is how many requests went to path.
func (s *Server) Count(path string) int {
	n := 0
	for _, r := range s.Requests() {
		if r.Path == path {
			n++
		}
	}
	return n
}

// Rounds is how many rounds the requests came in (with WithRounds).
func (s *Server) Rounds() int {
	max := 0
	for _, r := range s.Requests() {
		if r.Round > max {
			max = r.Round
		}
	}
	return max
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	req := Request{Path: r.URL.Path, Body: string(body)}
	if r.Method != http.MethodPost {
		s.t.Errorf("tronreplay: %s %s: the backend must POST", r.Method, r.URL.Path)
	}
	release := s.arrive(&req)
	if release != nil {
		select {
		case <-release:
		case <-r.Context().Done():
			return
		}
	}
	k, err := key(r.URL.Path, body)
	a, ok := s.table[k]
	if err != nil || !ok || r.URL.RawQuery != "" {
		s.t.Errorf("tronreplay: unrecorded request %s?%s %s", r.URL.Path, r.URL.RawQuery, body)
		http.Error(w, "unrecorded request", http.StatusNotFound)
		return
	}
	if a.Text != nil {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, *a.Text)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(a.Answer)
}

// arrive logs a request and, with rounds, returns the channel that
// releases its round.
func (s *Server) arrive(req *Request) chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.rounds == nil {
		s.log = append(s.log, *req)
		return nil
	}
	if s.wave >= len(s.rounds) {
		req.Round = s.wave + 1
		s.log = append(s.log, *req)
		s.t.Errorf("tronreplay: %s arrived after the %d expected round(s)", req.Path, len(s.rounds))
		return nil
	}
	req.Round = s.wave + 1
	s.log = append(s.log, *req)
	ch := s.open[s.wave]
	s.inWave++
	if s.inWave == s.rounds[s.wave] {
		close(ch)
		s.wave++
		s.inWave = 0
	}
	return ch
}
