// Package revert makes failed-transaction data readable for a wallet user.
//
// A contract that refuses a transaction returns "revert data": ABI-encoded
// bytes that start with a 4-byte selector. Decoder turns those bytes into a
// Decoded value: the error's signature, its arguments, a stable hint key the
// guides route on, and one plain sentence in English and Simplified Chinese.
// It knows Error(string), Panic(uint256) and a table of custom errors that
// matter to wallet users (OpenZeppelin token errors, Uniswap routers,
// Permit2, ERC-4337), all decoded with go-ethereum's accounts/abi; every
// selector is computed from its signature when the Decoder is built.
//
// The package also names the function a transaction called (Method), pulls
// revert data out of node errors (FromError, FromMessage), and cleans text a
// node supplied before anyone shows it in a terminal (Sanitize). Every input
// is treated as hostile: nothing here panics on any byte sequence.
package revert
