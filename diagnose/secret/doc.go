// Package secret is the secret detector every text input passes first,
// locally, before anything else reads it (DESIGN.md, safety rule 2): a
// BIP-39 recovery phrase in English or Chinese, spaced or not, checksum or
// not; a run of four wordlist words in a field that takes a hash, a link or
// an address; a private key standing alone, labelled as a key, or in WIF; an
// extended private key; a keystore file. It reports only the kind of
// secret, never the secret or where it was found, and refuses with a fixed
// text (Refusal, RefusalZH) that never repeats the input.
//
// It imports the standard library only (and the base58 codec, itself
// stdlib-only), embeds the BIP-39 word lists it needs, and does no I/O: a
// test holds it to that with `go list -deps`.
package secret
