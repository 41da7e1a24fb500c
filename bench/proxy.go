package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// delayed is a loopback address in front of a node that holds every HTTP
// request for a fixed delay before forwarding it, and counts them: a
// distant endpoint.
type delayed struct {
	url      string
	target   string
	delay    time.Duration
	requests atomic.Int64
	srv      *http.Server
	client   *http.Client
}

// newDelayed starts a delaying proxy in front of target on a free port.
func newDelayed(target string, delay time.Duration) (*delayed, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	d := &delayed{url: "http://" + l.Addr().String(), target: target, delay: delay,
		client: &http.Client{Transport: &http.Transport{
			DialContext:     (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
			MaxIdleConns:    16,
			IdleConnTimeout: 30 * time.Second,
		}}}
	d.srv = &http.Server{Handler: http.HandlerFunc(d.serve), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = d.srv.Serve(l) }() // returns http.ErrServerClosed on Close
	return d, nil
}

// URL is the proxy's address.
func (d *delayed) URL() string { return d.url }

// Requests is how many HTTP requests the proxy has received.
func (d *delayed) Requests() int { return int(d.requests.Load()) }

// Close stops the proxy and closes every connection.
func (d *delayed) Close() {
	_ = d.srv.Close()
	d.client.CloseIdleConnections()
}

func (d *delayed) serve(w http.ResponseWriter, r *http.Request) {
	d.requests.Add(1)
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<20))
	if err != nil || !sleep(r.Context(), d.delay) {
		return
	}
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, d.target, bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := d.client.Do(req)
	if err != nil {
		http.Error(w, "delayed: "+err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		http.Error(w, "delayed: "+err.Error(), http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(answer)
}

// sleep waits d, or less if ctx ends first (then false).
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
