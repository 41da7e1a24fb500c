// Command explaingen builds the error catalogue that `unstuck explain`
// matches pasted text against (guides/explain_catalogue.tsv, embedded in
// package guides). Every entry is read from a real source — never typed
// from memory — and keeps where it came from and under which licence:
//
//   - go-ethereum's core, txpool, vm, trie and eth error strings, parsed
//     from the module cache (go/ast);
//   - btcd's mempool reject messages, parsed from the module cache;
//   - Bitcoin Core's reject reasons and RPC error codes, from lines copied
//     verbatim into excerpts/bitcoin-core.txt;
//   - java-tron's contractRet values, broadcast codes and recorded messages,
//     from shared/reference/TRON.md, and its transfer validation messages
//     from lines copied verbatim into excerpts/java-tron.txt;
//   - WalletConnect's SDK error tables and relay messages, ethers v5/v6
//     error codes and messages, and viem's RPC and node errors, read from
//     the npm tarballs (`npm pack` them into -npm);
//   - MetaMask's en and zh_CN UI phrases and TronLink's en and zh resource
//     prompts, from entries copied verbatim into excerpts/metamask.json and
//     excerpts/tronlink.json (the locale files are not vendored).
//
// Which guide node an entry leads to is decided here, in routes.go, by the
// source's own identifiers (Go variable, error code, class or message id);
// a route whose identifier or text is missing from its source is an error,
// so the catalogue cannot drift from the sources silently.
//
// Run it with `go generate ./guides` after `npm pack @walletconnect/utils
// @walletconnect/core ethers@5 ethers@6 viem` into the -npm directory.
package main
