// Package opemu is test machinery: an operator emulator, a loopback HTTP
// server in front of a real node (geth's simulated node, anvil) that
// behaves as a public operator does, byte for byte as reference/ENDPOINTS.md
// documents it: dRPC's batch cap of 3, proxyd's single -32014 object, geth's
// "batch too large", a host that takes no batch, PublicNode's archive
// refusal, proxyd's per-item rate limit and Cloudflare's plain-text 429.
// Whatever the profile lets through is answered by the node itself, its
// bytes untouched. Every request is logged with when it arrived and when
// it was answered, so tests can assert how many rounds of latency a check
// cost.
//
// It lives under diagnose/internal so that the unstuck binary cannot
// import it.
package opemu
