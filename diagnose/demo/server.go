package demo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// maxRequest caps one request body: the engine's batches are a few KB.
const maxRequest = 1 << 20

// MissCode is the JSON-RPC error code of an answer the recordings lack.
const MissCode = -32099

// missMessage is the error a request without a recording gets.
const missMessage = "demo chain: no recorded answer for this request (run go generate ./diagnose/demo)"

// Miss is a request the recordings could not answer.
type Miss struct {
	Method string
	Params string
}

// Server is the demo's one endpoint on 127.0.0.1: the demo chain's
// JSON-RPC (each call of a request, single or batch, answered from the
// recordings, ids ignored) and, under /<world>/, the recorded TRON and
// Esplora REST answers. It never forwards anything anywhere.
type Server struct {
	// URL is http://127.0.0.1:<port>.
	URL  string
	Addr string

	answers map[string]Call
	rest    *restHandler
	// core are the Core worlds' answers, by world, served at /<world>.
	core map[string]map[string]Call
	ln   net.Listener
	srv  *http.Server
	done chan struct{}

	mu     sync.Mutex
	misses []Miss
}

// NewServer starts a server for rec, and for rest's worlds under
// /<world>/, on one free loopback port.
func NewServer(rec *Recording, rest *RESTRecording) (*Server, error) {
	answers, err := index(rec.Calls)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("start the demo chain on 127.0.0.1: %w", err)
	}
	s := &Server{Addr: ln.Addr().String(), answers: answers, ln: ln, done: make(chan struct{})}
	if rest != nil {
		if s.rest, err = newRESTHandler(rest, s.miss); err == nil {
			s.core, err = coreIndex(rest)
		}
		if err != nil {
			_ = ln.Close()
			return nil, err
		}
	}
	s.URL = "http://" + s.Addr
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		defer close(s.done)
		_ = s.srv.Serve(ln)
	}()
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error {
	err := s.srv.Close()
	<-s.done
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Misses lists the requests the recordings could not answer so far.
func (s *Server) Misses() []Miss {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Miss(nil), s.misses...)
}

func (s *Server) miss(m Miss) {
	s.mu.Lock()
	s.misses = append(s.misses, m)
	s.mu.Unlock()
}

type request struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

type response struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *RPCError       `json:"error,omitempty"`
}

// ServeHTTP answers a REST request under /<world>/, else a JSON-RPC
// request or batch: a Core world's at /<world>, the demo chain's at any
// other path.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.rest != nil {
		if world, path, ok := s.rest.split(r); ok {
			s.rest.serve(w, r, world, path)
			return
		}
	}
	answers := s.answers
	if core, ok := s.core[strings.TrimPrefix(r.URL.Path, "/")]; ok {
		answers = core
	}
	if r.Method != http.MethodPost {
		http.Error(w, "the demo chain answers JSON-RPC over POST", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRequest+1))
	if err != nil || len(body) > maxRequest {
		http.Error(w, "request too large or unreadable", http.StatusBadRequest)
		return
	}
	body = bytes.TrimSpace(body)
	batch := len(body) > 0 && body[0] == '['
	var reqs []request
	if batch {
		err = json.Unmarshal(body, &reqs)
	} else {
		var one request
		err = json.Unmarshal(body, &one)
		reqs = []request{one}
	}
	if err != nil {
		writeJSON(w, response{JSONRPC: "2.0", ID: json.RawMessage("null"), Error: &RPCError{Code: -32700, Message: "parse error"}})
		return
	}
	out := make([]response, 0, len(reqs))
	for _, q := range reqs {
		out = append(out, s.answer(answers, q))
	}
	if batch {
		writeJSON(w, out)
		return
	}
	writeJSON(w, out[0])
}

func (s *Server) answer(answers map[string]Call, q request) response {
	id := q.ID
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	resp := response{JSONRPC: "2.0", ID: id}
	key, err := Key(q.Method, q.Params)
	if err != nil || q.Method == "" {
		resp.Error = &RPCError{Code: -32602, Message: "invalid request"}
		s.miss(Miss{Method: q.Method, Params: string(q.Params)})
		return resp
	}
	c, ok := answers[key]
	if !ok {
		resp.Error = &RPCError{Code: MissCode, Message: missMessage}
		s.miss(Miss{Method: q.Method, Params: key[len(q.Method)+1:]})
		return resp
	}
	if c.Error != nil {
		resp.Error = c.Error
		return resp
	}
	resp.Result = c.Result
	return resp
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
