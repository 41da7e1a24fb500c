// Package esplorareplay serves recorded Esplora / mempool.space answers on
// loopback, for tests (and, later, the demo). No Esplora server can run
// here, so the answers are re-typed from the public API documentation's
// samples, each with its source (recordings.json). The server answers
// only what was recorded: any other request is an error the test sees.
package esplorareplay
