// Package base58 is Bitcoin's base58 and base58check codec, the one the
// input parser (TRON T… and Bitcoin 1…/3… addresses) and the secret
// detector (WIF keys) share. It imports the standard library only and
// bounds its input, so it is safe on anything a user pastes.
package base58
