package faultproxy

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
)

// maxBody bounds what the proxy reads from a client or from the node.
const maxBody = 64 << 20

// Bodies of the HTTP faults. The HTML pages are what CDNs and load
// balancers put in front of nodes send.
const (
	htmlServerError = "<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>\n" +
		"<body><h1>Internal Server Error</h1><p>The server encountered an internal error.</p></body></html>\n"
	htmlBadGateway = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n" +
		"<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
	// malformedBody is cut off inside a value by a character no JSON
	// parser accepts.
	malformedBody = `[{"jsonrpc":"2.0","id":1,"result":0x539`
)

func (p *Proxy) serve(w http.ResponseWriter, r *http.Request) {
	p.requests.Add(1)
	if !p.enter() {
		http.Error(w, "closing", http.StatusServiceUnavailable)
		return
	}
	defer p.active.Done()
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return
	}
	if !p.sleep(r.Context(), p.set.delay) {
		return
	}
	switch p.set.fault {
	case Hang:
		select {
		case <-r.Context().Done():
		case <-p.done:
			// Never answer, not even with an empty 200: drop the connection.
			panic(http.ErrAbortHandler)
		}
		return
	case RateLimit:
		w.Header().Set("Retry-After", strconv.Itoa(p.set.retryAfter))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = io.WriteString(w, `{"jsonrpc":"2.0","id":null,"error":{"code":-32005,"message":"too many requests"}}`)
		return
	case ServerError:
		writeHTML(w, http.StatusInternalServerError, htmlServerError)
		return
	case BadGateway:
		writeHTML(w, http.StatusBadGateway, htmlBadGateway)
		return
	case Malformed:
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, malformedBody)
		return
	case RPCError:
		writeJSON(w, errorAnswers(body))
		return
	}
	status, answer, err := p.forward(r, body)
	if err != nil {
		http.Error(w, "faultproxy: "+err.Error(), http.StatusBadGateway)
		return
	}
	if status == http.StatusOK {
		answer = p.rewrite(body, answer)
	}
	switch p.set.fault {
	case Reset:
		resetMidBody(w, answer)
	case Oversize:
		p.writePadded(w, answer)
	default:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(answer)
	}
}

// forward sends the request body to the node and returns its answer.
func (p *Proxy) forward(r *http.Request, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, p.target, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return 0, nil, err
	}
	return resp.StatusCode, out, nil
}

func writeHTML(w http.ResponseWriter, status int, page string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, page)
}

func writeJSON(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}

// resetMidBody announces the whole answer, sends half of it and resets
// the connection, as a crashing node or a dying middlebox does.
func resetMidBody(w http.ResponseWriter, answer []byte) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		http.Error(w, "faultproxy: cannot hijack", http.StatusInternalServerError)
		return
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(answer))
	_, _ = buf.Write(answer[:len(answer)/2])
	_ = buf.Flush()
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0) // close sends RST, not FIN
	}
}

// writePadded sends the answer behind white space: valid JSON, but larger
// than the client's cap, which must stop reading.
func (p *Proxy) writePadded(w http.ResponseWriter, answer []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.FormatInt(p.set.pad+int64(len(answer)), 10))
	w.WriteHeader(http.StatusOK)
	chunk := []byte(strings.Repeat(" ", 32<<10))
	for left := p.set.pad; left > 0; {
		n := min(left, int64(len(chunk)))
		if _, err := w.Write(chunk[:n]); err != nil {
			return // the client gave up, as it should
		}
		left -= n
	}
	_, _ = w.Write(answer)
}
