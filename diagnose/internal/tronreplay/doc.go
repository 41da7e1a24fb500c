// Package tronreplay is test machinery for the TRON backend: a loopback
// HTTP server that answers TRON HTTP API requests only with recorded real
// answers (recordings.json, re-typed from the captures in
// /work/shared/reference/TRON.md and tronprotocol/documentation-en), keyed
// by path and request body, and fails the test on any request it has no
// recording for. No TRON node can run on these machines, so this is how
// the backend meets real node answers in tests.
//
// Answers that no capture covers are built from a real one; each says so
// in its "built" note. recordings.json is also the demo's TRON data: its
// scenarios carry the input, the expected status and findings, and a label
// in English and Chinese.
//
// It lives under diagnose/internal so that the binary can never link it.
package tronreplay
