package main

import (
	"time"

	"github.com/unstuck-dev/unstuck/diagnose/faultproxy"
)

// endpoint is a loopback address in front of a node that delays every
// HTTP request and counts them.
type endpoint interface {
	URL() string
	Close()
	Requests() int
}

// newDelayed puts diagnose/faultproxy, adding delay to every request, in
// front of target.
func newDelayed(target string, delay time.Duration) (endpoint, error) {
	return faultproxy.New(target, faultproxy.WithDelay(delay))
}
