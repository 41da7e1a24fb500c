package opemu

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// Profile is an operator's documented behaviour.
type Profile string

// Profiles (reference/ENDPOINTS.md).
const (
	// Plain passes everything to the node.
	Plain Profile = "plain"
	// DRPC: more than Limit (3) calls get HTTP 500 and every item the
	// free-tier refusal, code 31 (§2, Ambire's getRpcProvider.ts).
	DRPC Profile = "drpc"
	// Proxyd: more than Limit (operator-set; Base and OP: 10) calls get
	// HTTP 200 with one non-array -32014 object, id null (§7, proxyd
	// server.go).
	Proxyd Profile = "proxyd"
	// GethLimit: more than Limit calls get geth's answer: an array of one
	// -32600 "batch too large" item carrying the first call's id, the other
	// calls missing (go-ethereum rpc/handler.go respondWithBatchTooLarge).
	GethLimit Profile = "geth-limit"
	// NoBatch: a host measured to take 1 call (MeowRPC, 1rpc.io/arb); their
	// refusal text is unknown, so this is proxyd with a limit of 1, a
	// documented shape.
	NoBatch Profile = "no-batch"
	// PublicNodeArchive: a state call (eth_call, eth_getBalance, eth_getCode,
	// eth_getTransactionCount, eth_getStorageAt) at a block more than
	// ArchiveDepth blocks behind the head gets HTTP 403 with PublicNode's
	// -32602 "Archive requests require a personal token…" envelope, for the
	// whole POST (§1).
	PublicNodeArchive Profile = "publicnode-archive"
	// ItemRateLimit: proxyd's per-item limit: each distinct call is over the
	// limit the first time it is seen: inside an HTTP 200 array it gets
	// {"code":-32016,"message":"over rate limit"}; alone it gets HTTP 429
	// with that error (§7, proxyd).
	ItemRateLimit Profile = "item-rate-limit"
	// Cloudflare429: every other request (the first, third, …) gets HTTP
	// 429 with the plain-text body "error code: 1015" (§4, eth.merkle.io).
	Cloudflare429 Profile = "cloudflare-429"
)

// Profiles lists every profile but Plain.
func Profiles() []Profile {
	return []Profile{DRPC, Proxyd, GethLimit, NoBatch, PublicNodeArchive, ItemRateLimit, Cloudflare429}
}

// The exact texts operators send.
const (
	drpcBatchMessage   = "Batch of more than 3 requests are not allowed on free tier, to use this feature register paid account at drpc.org"
	proxydTooMany      = `{"jsonrpc":"2.0","error":{"code":-32014,"message":"too many RPC calls in batch request"},"id":null}`
	archiveMessage     = "Archive requests require a personal token. Get one at: https://www.allnodes.com/publicnode"
	overRateLimit      = `{"code":-32016,"message":"over rate limit"}`
	cloudflareRateText = "error code: 1015"
)

// Options tune a profile.
type Options struct {
	// Limit is the batch cap: 0 means the profile's documented one (dRPC 3,
	// proxyd 10, no-batch 1, geth-limit 3).
	Limit int
	// ArchiveDepth is how many blocks behind the head state is still served
	// (PublicNode Ethereum: about 1000).
	ArchiveDepth uint64
	// Latency is added to every request before it is answered: one round
	// trip to a far-away operator.
	Latency time.Duration
}

// Entry is one HTTP request the emulator got.
type Entry struct {
	Start, End time.Time
	Calls      int
	Methods    []string
	Status     int
	// Refused is true when the profile, not the node, answered some or
	// all of the calls.
	Refused bool
}

// Server is a running emulator.
type Server struct {
	URL     string
	profile Profile
	opts    Options
	target  string
	http    *http.Client
	srv     *http.Server
	mu      sync.Mutex
	log     []Entry
	seen    map[string]bool // ItemRateLimit: calls already seen once
	n       int             // requests so far
}

// Start runs an emulator of profile on 127.0.0.1 in front of the node at
// target.
func Start(target string, p Profile, opts Options) (*Server, error) {
	if opts.Limit <= 0 {
		opts.Limit = map[Profile]int{DRPC: 3, Proxyd: 10, NoBatch: 1, GethLimit: 3}[p]
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Server{URL: "http://" + ln.Addr().String(), profile: p, opts: opts, target: target,
		http: &http.Client{Timeout: 30 * time.Second}, seen: map[string]bool{}}
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// Close stops the emulator.
func (s *Server) Close() { _ = s.srv.Close() }

// Log is every request so far, in order of arrival.
func (s *Server) Log() []Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := append([]Entry(nil), s.log...)
	sort.Slice(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

// Requests is how many HTTP requests the emulator got.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n
}

// Rounds is the longest chain of requests in log each sent only after the
// one before it was answered: the rounds of latency the requests cost,
// however many were sent side by side.
func Rounds(log []Entry) int {
	depth := make([]int, len(log))
	best := 0
	for i := range log {
		depth[i] = 1
		for j := range i {
			if !log[i].Start.Before(log[j].End) && depth[j]+1 > depth[i] {
				depth[i] = depth[j] + 1
			}
		}
		best = max(best, depth[i])
	}
	return best
}

// call is one JSON-RPC call as received.
type call struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e := Entry{Start: time.Now()}
	body, err := io.ReadAll(io.LimitReader(r.Body, 4<<20))
	calls, batch, perr := parse(body)
	e.Calls = len(calls)
	for _, c := range calls {
		e.Methods = append(e.Methods, c.Method)
	}
	s.mu.Lock()
	s.n++
	nth := s.n
	s.mu.Unlock()
	if s.opts.Latency > 0 {
		time.Sleep(s.opts.Latency)
	}
	rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	switch {
	case err != nil || perr != nil:
		http.Error(rec, "bad request", http.StatusBadRequest)
	default:
		e.Refused = s.answer(rec, body, calls, batch, nth)
	}
	e.End, e.Status = time.Now(), rec.status
	s.mu.Lock()
	s.log = append(s.log, e)
	s.mu.Unlock()
}

// answer applies the profile, then lets the node answer what passes. It
// reports whether the profile refused anything.
func (s *Server) answer(w http.ResponseWriter, body []byte, calls []call, batch bool, nth int) bool {
	over := batch && len(calls) > s.opts.Limit
	switch {
	case s.profile == DRPC && over:
		var items []string
		for _, c := range calls {
			items = append(items, fmt.Sprintf(`{"id":%s,"jsonrpc":"2.0","error":{"code":31,"message":%q}}`, c.ID, drpcBatchMessage))
		}
		writeJSON(w, http.StatusInternalServerError, "["+strings.Join(items, ",")+"]")
	case (s.profile == Proxyd || s.profile == NoBatch) && over:
		writeJSON(w, http.StatusOK, proxydTooMany)
	case s.profile == GethLimit && over:
		writeJSON(w, http.StatusOK, fmt.Sprintf(`[{"jsonrpc":"2.0","id":%s,"error":{"code":-32600,"message":"batch too large"}}]`, calls[0].ID))
	case s.profile == Cloudflare429 && nth%2 == 1:
		w.Header().Set("Content-Type", "text/plain; charset=UTF-8")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = io.WriteString(w, cloudflareRateText)
	case s.profile == PublicNodeArchive:
		if id, refused := s.archiveRefusal(calls); refused {
			writeJSON(w, http.StatusForbidden, fmt.Sprintf(`{"jsonrpc":"2.0","error":{"code":-32602,"message":%q},"id":%s}`, archiveMessage, id))
			return true
		}
		s.forward(w, body)
		return false
	case s.profile == ItemRateLimit:
		return s.itemRateLimit(w, calls, batch)
	default:
		s.forward(w, body)
		return false
	}
	return true
}

// forward sends body to the node and copies its answer back untouched.
func (s *Server) forward(w http.ResponseWriter, body []byte) {
	status, ctype, answer, err := s.post(body)
	if err != nil {
		http.Error(w, "upstream: "+err.Error(), http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(status)
	_, _ = w.Write(answer)
}

func (s *Server) post(body []byte) (int, string, []byte, error) {
	resp, err := s.http.Post(s.target, "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, "", nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), b, err
}

// statePosition is where each state method takes its block.
var statePosition = map[string]int{"eth_call": 1, "eth_getBalance": 1, "eth_getCode": 1, "eth_getTransactionCount": 1, "eth_getStorageAt": 2}

// archiveRefusal finds a state call older than the archive depth.
func (s *Server) archiveRefusal(calls []call) (json.RawMessage, bool) {
	head := uint64(0)
	for _, c := range calls {
		pos, ok := statePosition[c.Method]
		if !ok {
			continue
		}
		var params []json.RawMessage
		if json.Unmarshal(c.Params, &params) != nil || pos >= len(params) {
			continue
		}
		var tag string
		if json.Unmarshal(params[pos], &tag) != nil || !strings.HasPrefix(tag, "0x") {
			continue // "latest", "pending", a block hash object: recent
		}
		var block uint64
		if _, err := fmt.Sscanf(tag, "0x%x", &block); err != nil {
			continue
		}
		if head == 0 {
			var err error
			if head, err = s.head(); err != nil {
				return nil, false
			}
		}
		if block+s.opts.ArchiveDepth < head {
			return c.ID, true
		}
	}
	return nil, false
}

func (s *Server) head() (uint64, error) {
	_, _, b, err := s.post([]byte(`{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}`))
	if err != nil {
		return 0, err
	}
	var r struct{ Result string }
	if err := json.Unmarshal(b, &r); err != nil {
		return 0, err
	}
	var n uint64
	_, err = fmt.Sscanf(r.Result, "0x%x", &n)
	return n, err
}

// itemRateLimit limits each distinct call the first time it is seen.
func (s *Server) itemRateLimit(w http.ResponseWriter, calls []call, batch bool) (refused bool) {
	s.mu.Lock()
	limited := make([]bool, len(calls))
	var pass []call
	for i, c := range calls {
		key := c.Method + string(c.Params)
		limited[i] = !s.seen[key]
		s.seen[key] = true
		if !limited[i] {
			pass = append(pass, c)
		}
	}
	s.mu.Unlock()
	refused = len(pass) < len(calls)
	if !batch {
		if limited[0] {
			writeJSON(w, http.StatusTooManyRequests, fmt.Sprintf(`{"jsonrpc":"2.0","error":%s,"id":%s}`, overRateLimit, calls[0].ID))
			return true
		}
		s.forward(w, mustJSON(calls[0]))
		return false
	}
	answers := map[string]json.RawMessage{}
	if len(pass) > 0 {
		_, _, b, err := s.post(mustJSON(pass))
		var got []json.RawMessage
		if err == nil {
			err = json.Unmarshal(b, &got)
		}
		if err != nil {
			http.Error(w, "upstream: "+err.Error(), http.StatusBadGateway)
			return false
		}
		for _, a := range got {
			var id struct{ ID json.RawMessage }
			if json.Unmarshal(a, &id) == nil {
				answers[string(id.ID)] = a
			}
		}
	}
	var items []string
	for i, c := range calls {
		if limited[i] {
			items = append(items, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"error":%s}`, c.ID, overRateLimit))
		} else if a, ok := answers[string(c.ID)]; ok {
			items = append(items, string(a))
		}
	}
	writeJSON(w, http.StatusOK, "["+strings.Join(items, ",")+"]")
	return refused
}

func parse(body []byte) ([]call, bool, error) {
	body = bytes.TrimSpace(body)
	if len(body) > 0 && body[0] == '[' {
		var calls []call
		err := json.Unmarshal(body, &calls)
		if err == nil && len(calls) == 0 {
			err = errors.New("empty batch")
		}
		return calls, true, err
	}
	var c call
	err := json.Unmarshal(body, &c)
	return []call{c}, false, err
}

type wireCall struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Method  string          `json:"method"`
	Params  json.RawMessage `json:"params"`
}

func mustJSON(v any) []byte {
	var out any
	switch x := v.(type) {
	case call:
		out = wireCall{"2.0", x.ID, x.Method, x.Params}
	case []call:
		list := make([]wireCall, len(x))
		for i, c := range x {
			list[i] = wireCall{"2.0", c.ID, c.Method, c.Params}
		}
		out = list
	}
	b, _ := json.Marshal(out) // raw messages that came from a parsed body always encode
	return b
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}
