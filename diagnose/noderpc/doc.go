// Package noderpc is the JSON-RPC transport unstuck uses to ask public nodes
// as they really are (reference/ENDPOINTS.md): a batch is one round, split
// into parts of at most the host's cap sent at the same time; every shape of
// refused batch is recognised and halved down to single calls, and the cap
// that works is remembered in the cache dir; each answer is classified on its
// own (a real answer, a rate limit to back off from, a host that cannot do
// it); "latest" is pinned to one block per endpoint; a missing answer is
// never turned into an empty result. Also: a cap on response size, request
// and round counters, and a classification of every failure into a fault a
// user can understand. Faults describe the endpoint, never the transaction.
package noderpc
