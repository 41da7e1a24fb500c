package diagnose

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
)

// InputKind says what a parsed input names.
type InputKind int

// Input kinds.
const (
	KindTxHash InputKind = iota + 1
	KindAddress
)

// String names the kind in plain words.
func (k InputKind) String() string {
	switch k {
	case KindTxHash:
		return "transaction hash"
	case KindAddress:
		return "address"
	}
	return "unknown input"
}

// Query is a parsed, public input: a transaction hash or an address, and the
// network the user's explorer link pointed at, if any.
type Query struct {
	Raw       string // the cleaned public hash (lower-case) or address (checksummed) only
	Kind      InputKind
	Hash      common.Hash
	Address   common.Address
	ChainHint uint64 // 0 = none
	// Family is the chain family the input belongs to; "" when its shape
	// fits several (a bare 64-hex txid is TRON's, Bitcoin's, or an EVM hash
	// without 0x).
	Family Family
	// Ref is the input in its family's own form: a TRON or Bitcoin txid as
	// 64 lower-case hex characters, a TRON address in base58 (T…), a
	// Bitcoin address as written (bech32 lower-case).
	Ref string
	// Network is the network key an explorer link named ("tron", "nile",
	// "bitcoin"…), "" when none.
	Network string
}

// InputError is a refused input. Reason is written for the user and never
// contains the input when it was refused as a secret.
type InputError struct {
	Reason string
	Secret SecretKind // "" unless refused as a secret
}

// Error returns the reason.
func (e *InputError) Error() string { return e.Reason }

// IsSecretRefusal reports whether err refused an input as a secret.
func IsSecretRefusal(err error) bool {
	var ie *InputError
	return errors.As(err, &ie) && ie.Secret != ""
}

// SecretRefusal tells the user why a secret-shaped input was refused and
// what to do if they already shared it. SecretRefusalZH says the same in
// Simplified Chinese.
const (
	SecretRefusal   = "this looks like a recovery phrase or private key; unstuck never needs it and did not send it anywhere. If you shared it with anyone, move your funds to a new wallet now."
	SecretRefusalZH = "这看起来像助记词或私钥；unstuck 从不需要它，也没有把它发送到任何地方。如果你曾把它告诉任何人，请立即把资产转移到一个新钱包。"
)

// MaxInputBytes is the longest input ParseInput reads past the secret check.
const MaxInputBytes = 4096

const hashShape = "a transaction hash is 0x followed by 64 hex characters (0-9, a-f)"

func inputErr(format string, args ...any) error {
	return &InputError{Reason: fmt.Sprintf(format, args...)}
}

// ParseInput reads what a user pasted: a transaction hash, an address, or an
// explorer link to either (which also tells the network). Secrets are
// refused first, before anything else reads the text; reg may be nil (no
// network hints then).
func ParseInput(s string, reg *chains.Registry) (Query, error) {
	if kind, ok := DetectSecret(s); ok {
		return Query{}, &InputError{Reason: SecretRefusal, Secret: kind}
	}
	if len(s) > MaxInputBytes {
		return Query{}, inputErr("this input is %d bytes long; paste just the transaction hash or the explorer link", len(s))
	}
	fields := strings.Fields(foldText(s))
	var tokens []string
	for _, f := range fields {
		if f = trimWrapping(f); f != "" {
			tokens = append(tokens, f)
		}
	}
	switch {
	case len(tokens) == 0:
		return Query{}, inputErr("nothing to check: paste a transaction hash or an explorer link; " + hashShape)
	case len(tokens) == 1:
		return parseToken(tokens[0], reg)
	}
	// A sentence: use the one hash, address or link in it.
	var found []Query
	var firstErr error
	for _, tok := range tokens {
		if !looksLikeCandidate(tok) {
			continue
		}
		q, err := parseToken(tok, reg)
		if err != nil {
			firstErr = cmpOr(firstErr, err)
			continue
		}
		found = mergeQuery(found, q)
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		return Query{}, inputErr("this text holds %d different hashes or addresses; check one at a time", len(found))
	case firstErr != nil:
		return Query{}, firstErr
	}
	return Query{}, inputErr("no transaction hash or explorer link found in this text; " + hashShape)
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// mergeQuery adds q to found unless it names the same thing as an earlier
// find (a link and its bare hash), keeping any network hint.
func mergeQuery(found []Query, q Query) []Query {
	for i, f := range found {
		if f.Kind == q.Kind && f.Raw == q.Raw {
			if f.ChainHint == 0 {
				found[i].ChainHint = q.ChainHint
			}
			return found
		}
	}
	return append(found, q)
}

func looksLikeCandidate(tok string) bool {
	l := strings.ToLower(tok)
	return strings.Contains(l, "0x") || strings.Contains(l, "/tx/") || strings.Contains(l, "/address/") || isHexString(tok) && len(tok) == 40
}

// trimWrapping removes the quotes, brackets and punctuation that chat apps,
// documents and sentences wrap around a pasted hash.
func trimWrapping(s string) string {
	const wrap = "'\"`“”‘’「」『』《》【】()[]{}<>.,;:!?。，；：！？、…"
	for {
		t := strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(wrap, r) })
		if t == s {
			return t
		}
		s = t
	}
}

func parseToken(tok string, reg *chains.Registry) (Query, error) {
	lower := strings.ToLower(tok)
	switch {
	case strings.Contains(lower, "://") || strings.HasPrefix(lower, "www.") || hostPathShape(lower):
		return parseLink(tok, reg)
	case strings.HasSuffix(lower, ".eth") && !strings.Contains(lower, "0x"):
		return Query{}, inputErr("ENS names are not looked up; paste the 0x address or the transaction hash instead")
	case len(tok) == 34 && tok[0] == 'T' && isBase58(tok):
		return Query{}, inputErr("this looks like a TRON address; unstuck checks Ethereum-style networks (Ethereum, BNB Chain, Polygon …) only")
	}
	// "txid:0x…", "hash=0x…"
	if i := strings.Index(lower, "0x"); i > 0 && strings.ContainsAny(tok[i-1:i], ":=#") {
		tok = tok[i:]
	}
	return parseHex(tok)
}

// hostPathShape is "bscscan.com/tx/…": a dotted host before the first slash.
func hostPathShape(s string) bool {
	host, _, ok := strings.Cut(s, "/")
	return ok && strings.Contains(host, ".") && !strings.HasPrefix(host, "0x")
}

// parseHex validates a hash or an address. It never pads or crops: a wrong
// length or a stray character is reported, not guessed around.
func parseHex(tok string) (Query, error) {
	h := tok
	if strings.HasPrefix(h, "0x") || strings.HasPrefix(h, "0X") {
		h = h[2:]
	} else if !(len(h) == 40 && isHexString(h)) {
		return Query{}, inputErr("this is not a transaction hash: %s", hashShape)
	}
	for i := 0; i < len(h); i++ {
		if !isHexDigit(h[i]) {
			return Query{}, inputErr("character %d after 0x is not a hex digit; %s", i+1, hashShape)
		}
	}
	switch len(h) {
	case 64:
		var hash common.Hash
		if err := hash.UnmarshalText([]byte("0x" + h)); err != nil {
			return Query{}, inputErr("this is not a transaction hash: %s", hashShape)
		}
		return Query{Raw: hash.Hex(), Kind: KindTxHash, Hash: hash}, nil
	case 40:
		return parseAddress("0x" + h)
	}
	return Query{}, inputErr("a transaction hash is 0x followed by 64 hex characters (an address, 40); this has %d", len(h))
}

// parseAddress accepts an address in one case, or in mixed case when the
// mix matches its EIP-55 checksum.
func parseAddress(a string) (Query, error) {
	if !common.IsHexAddress(a) {
		return Query{}, inputErr("this is not an address: an address is 0x followed by 40 hex characters")
	}
	h := a[2:]
	if strings.ToLower(h) != h && strings.ToUpper(h) != h {
		m, err := common.NewMixedcaseAddressFromString(a)
		if err != nil || !m.ValidChecksum() {
			return Query{}, inputErr("this address's capital letters do not match its checksum, so it may be mistyped; copy it again from the wallet or the explorer")
		}
	}
	addr := common.HexToAddress(a)
	return Query{Raw: addr.Hex(), Kind: KindAddress, Address: addr}, nil
}

// parseLink reads an explorer link: /tx/<hash> or /address/<address> in the
// path or in a #/ fragment; the host gives the network when it is known.
func parseLink(tok string, reg *chains.Registry) (Query, error) {
	raw := tok
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return Query{}, inputErr("this link could not be read; open the transaction on the explorer and copy the link again")
	}
	var hint uint64
	known := false
	if reg != nil {
		if c, ok := reg.ByExplorerHost(u.Hostname()); ok {
			hint, known = c.ID, true
		}
	}
	fragment, _, _ := strings.Cut(u.Fragment, "?")
	segs := append(strings.Split(u.Path, "/"), strings.Split(fragment, "/")...)
	for i := 0; i+1 < len(segs); i++ {
		switch strings.ToLower(segs[i]) {
		case "tx", "txs", "txn", "transaction", "transactions", "address", "addr", "account", "accounts":
		default:
			continue
		}
		v := segs[i+1]
		if len(v) == 64 && isHexString(v) {
			if !known {
				return Query{}, inputErr("this link's hash has no 0x and its site is not an explorer unstuck knows, so it is probably a Bitcoin or TRON transaction; unstuck checks Ethereum-style networks only")
			}
			v = "0x" + v
		}
		q, err := parseHex(v)
		if err != nil {
			return Query{}, err
		}
		q.ChainHint = hint
		return q, nil
	}
	return Query{}, inputErr("this link does not point to a transaction or an address; open the transaction on the explorer and copy the link from the address bar")
}

func isHexString(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHexDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isBase58(s string) bool {
	for _, r := range s {
		if !(r >= '1' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') || strings.ContainsRune("IOl", r) {
			return false
		}
	}
	return true
}
