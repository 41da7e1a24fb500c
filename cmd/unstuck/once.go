package main

import (
	"sync"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/guides"
	"github.com/unstuck-dev/unstuck/guides/verify"
)

// once is a value built on first use and then kept, error included. Its
// zero value is ready, so an app needs no constructor to hold one.
type once[T any] struct {
	once sync.Once
	v    T
	err  error
}

func (o *once[T]) get(build func() (T, error)) (T, error) {
	o.once.Do(func() { o.v, o.err = build() })
	return o.v, o.err
}

// registry is the built-in network registry, parsed at most once.
func (a *app) registry() (*chains.Registry, error) {
	return a.reg.get(chains.Default)
}

// library is the built-in guides, parsed at most once.
func (a *app) library() (*guides.Library, error) {
	return a.lib.get(guides.Load)
}

// channels is the built-in list of wallets' official channels, parsed at
// most once.
func (a *app) channels() (*verify.Registry, error) {
	return a.chans.get(verify.Load)
}
