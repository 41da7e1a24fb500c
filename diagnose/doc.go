// Package diagnose is unstuck's chain-agnostic core: it turns what a
// wallet user pasted (a transaction hash or txid, an explorer link, a
// public address) into a verdict they can act on, whatever the chain
// family. It screens input locally first (diagnose/secret refuses
// recovery phrases and keys before anything else happens), parses it into
// a family-neutral Query, and fans the query out over the Backends in
// Config (diagnose/evm, diagnose/tron, diagnose/bitcoin) at once, each
// racing its networks' endpoints with Race; it merges their reports,
// keeps a memory of pending transactions with a namespace per family, and
// owns the report contract (Report, Finding, Searched, codes and their
// bilingual message catalogues) and its text and Markdown renderers. It
// returns data, never styled text, and imports only the standard library
// and its own sub-packages (deps_test.go).
package diagnose
