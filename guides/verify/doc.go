// Package verify answers "is this support contact, site or app the real
// one?" for self-custody wallet users. It holds an embedded registry of each
// wallet's official channels (every entry with its source and the day it was
// read; what no source states stays unknown) and the rules that compare a
// pasted URL, domain, e-mail address, handle, phone number, app identifier
// or whole message against it.
//
// Page content proves nothing — scam sites copy official pages word for
// word — so the only test is an exact list. The rules run in the order of
// reference/SUPPORT.md §5.2: parse (userinfo and prefix tricks), IDNA both
// ways, the registrable domain by the Public Suffix List (private suffixes
// included), the official check, UTS #39 confusable skeletons for look-alike
// characters, brand tokens on foreign domains (with exception lists), short
// typo distance on long brand tokens only, and the non-domain scam patterns.
// Wording stays neutral where unsure: "not on our list", never "safe".
//
// The caller screens input for secrets first (secret.Detect); this
// package only reads text and never does I/O.
package verify
