package demo

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// RESTCall is one recorded answer of a REST/JSON API (TRON's HTTP API,
// Esplora): the request's method, path (with query) and canonical JSON
// body, and the status and body the real endpoint sent.
type RESTCall struct {
	// Family is the API the answer came from ("tron", "esplora").
	Family string `json:"family"`
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

// RESTServer answers recorded REST/JSON requests on 127.0.0.1 and nothing
// else: any other request is a miss (HTTP 404 and a note), never a guess.
type RESTServer struct {
	// URL is http://127.0.0.1:<port>.
	URL  string
	Addr string

	answers map[string]RESTCall
	ln      net.Listener
	srv     *http.Server
	done    chan struct{}

	mu     sync.Mutex
	misses []Miss
}

func restKey(method, path, body string) (string, error) {
	b := "[]"
	if body != "" {
		c, err := CanonicalParams([]byte(body))
		if err != nil {
			return "", err
		}
		b = string(c)
	}
	return method + " " + path + " " + b, nil
}

// NewRESTServer starts a server for calls on a free loopback port.
func NewRESTServer(calls []RESTCall) (*RESTServer, error) {
	answers := make(map[string]RESTCall, len(calls))
	for _, c := range calls {
		k, err := restKey(c.Method, c.Path, c.Body)
		if err != nil {
			return nil, fmt.Errorf("demo REST recording %s %s: %w", c.Method, c.Path, err)
		}
		if _, dup := answers[k]; dup {
			return nil, fmt.Errorf("demo REST recording %s %s is recorded twice", c.Method, c.Path)
		}
		answers[k] = c
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("start the demo REST API on 127.0.0.1: %w", err)
	}
	s := &RESTServer{Addr: ln.Addr().String(), answers: answers, ln: ln, done: make(chan struct{})}
	s.URL = "http://" + s.Addr
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		defer close(s.done)
		_ = s.srv.Serve(ln)
	}()
	return s, nil
}

// ServeHTTP answers one recorded request.
func (s *RESTServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRequest+1))
	if err != nil || len(body) > maxRequest {
		http.Error(w, "request too large or unreadable", http.StatusBadRequest)
		return
	}
	path := r.URL.Path
	if r.URL.RawQuery != "" {
		path += "?" + r.URL.RawQuery
	}
	k, err := restKey(r.Method, path, string(body))
	c, ok := s.answers[k]
	if err != nil || !ok {
		s.mu.Lock()
		s.misses = append(s.misses, Miss{Method: r.Method + " " + path, Params: string(body)})
		s.mu.Unlock()
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

// Misses lists the requests the recordings could not answer so far.
func (s *RESTServer) Misses() []Miss {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Miss(nil), s.misses...)
}

// Close stops the server.
func (s *RESTServer) Close() error {
	err := s.srv.Close()
	<-s.done
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
