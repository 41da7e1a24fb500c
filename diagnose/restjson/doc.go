// Package restjson is the small REST/JSON transport for the families whose
// public endpoints are HTTP APIs rather than JSON-RPC: TRON's HTTP API
// (/wallet/…, /walletsolidity/…) and Bitcoin's Esplora REST API (/tx/:txid,
// /blocks/tip/height…). It has the JSON-RPC transport's habits: a cap on
// every response body, a request counter, and every failure classified into
// a noderpc.Fault a user can understand. Faults describe the endpoint, never
// the transaction.
package restjson
