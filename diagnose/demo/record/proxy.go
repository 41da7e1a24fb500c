package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"

	"github.com/unstuck-dev/unstuck/diagnose/demo"
)

// recorder is a reverse proxy on 127.0.0.1 in front of the simulated node.
// It forwards each request unchanged and keeps every call of it, paired
// with the node's answer by id.
type recorder struct {
	srv    *httptest.Server
	target string
	client *http.Client

	mu    sync.Mutex
	calls []demo.Call
	err   error
}

func newRecorder(target string) *recorder {
	r := &recorder{target: target, client: &http.Client{}}
	r.srv = httptest.NewServer(r)
	return r
}

// URL is the proxy's endpoint; Addr its host:port.
func (r *recorder) URL() string  { return r.srv.URL }
func (r *recorder) Addr() string { return strings.TrimPrefix(r.srv.URL, "http://") }
func (r *recorder) Close()       { r.srv.Close() }

// result is what was recorded, or the first thing that went wrong.
func (r *recorder) result() ([]demo.Call, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]demo.Call(nil), r.calls...), r.err
}

func (r *recorder) fail(err error) {
	r.mu.Lock()
	if r.err == nil {
		r.err = err
	}
	r.mu.Unlock()
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		r.fail(fmt.Errorf("read request: %w", err))
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	resp, err := r.client.Post(r.target, "application/json", bytes.NewReader(body))
	if err != nil {
		r.fail(fmt.Errorf("forward to the node: %w", err))
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		r.fail(fmt.Errorf("node answered HTTP %d: %v", resp.StatusCode, err))
		http.Error(w, "node failed", http.StatusBadGateway)
		return
	}
	if err := r.keep(body, answer); err != nil {
		r.fail(err)
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(answer)
}

type rpcRequest struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

type rpcResponse struct {
	ID     json.RawMessage `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  *demo.RPCError  `json:"error"`
}

// keep pairs the calls of one exchange by id and records them.
func (r *recorder) keep(body, answer []byte) error {
	var reqs []rpcRequest
	var resps []rpcResponse
	if err := decodeOneOrMany(body, &reqs); err != nil {
		return fmt.Errorf("request: %w", err)
	}
	if err := decodeOneOrMany(answer, &resps); err != nil {
		return fmt.Errorf("answer: %w", err)
	}
	byID := map[string]rpcResponse{}
	for _, a := range resps {
		byID[compact(a.ID)] = a
	}
	var calls []demo.Call
	for _, q := range reqs {
		a, ok := byID[compact(q.ID)]
		if !ok {
			return fmt.Errorf("no answer to %s (id %s)", q.Method, q.ID)
		}
		params, err := demo.CanonicalParams(q.Params)
		if err != nil {
			return fmt.Errorf("%s: %w", q.Method, err)
		}
		c := demo.Call{Method: q.Method, Params: params}
		if a.Error != nil {
			e := *a.Error
			if len(e.Data) > 0 {
				e.Data = json.RawMessage(compact(e.Data))
			}
			c.Error = &e
		} else {
			c.Result = json.RawMessage(compact(a.Result))
			if len(c.Result) == 0 {
				c.Result = json.RawMessage("null")
			}
		}
		calls = append(calls, c)
	}
	r.mu.Lock()
	r.calls = append(r.calls, calls...)
	r.mu.Unlock()
	return nil
}

func decodeOneOrMany[T any](data []byte, out *[]T) error {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] == '[' {
		return json.Unmarshal(data, out)
	}
	var one T
	if err := json.Unmarshal(data, &one); err != nil {
		return err
	}
	*out = []T{one}
	return nil
}

func compact(raw json.RawMessage) string {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return string(raw)
	}
	return b.String()
}
