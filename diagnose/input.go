package diagnose

import (
	"fmt"
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/secret"
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
	// Raw is the cleaned public input: an EVM hash in lower case or an EVM
	// address checksummed (0x…), else the same as Ref.
	Raw       string
	Kind      InputKind
	ChainHint uint64 // an EVM chain id an explorer link named; 0 = none
	// Family is the chain family the input belongs to; "" when its shape
	// fits several (a bare 64-hex txid is TRON's, Bitcoin's, or an EVM hash
	// without 0x).
	Family Family
	// Ref is the input in its family's own form: an EVM hash or address as
	// in Raw, a TRON or Bitcoin txid as 64 lower-case hex characters, a
	// TRON address in base58 (T…), a Bitcoin address as written (bech32 in
	// lower case).
	Ref string
	// Network is the network key an explorer link or an address's prefix
	// named: "tron", "nile", "shasta"; "bitcoin", "bitcoin-testnet",
	// "bitcoin-testnet4", "bitcoin-signet", "bitcoin-regtest"; "" when none
	// (EVM networks are named by ChainHint).
	Network string
	// NeedsConfirm is set on a bare 64-hex string found outside a known
	// explorer link: it is a TRON or Bitcoin txid or a raw private key, so
	// it must not be sent until the user confirms it is a transaction ID
	// (ConfirmTxID; DESIGN.md safety rule 3).
	NeedsConfirm bool
}

// ConfirmTxID is the query once the user has said that its bare 64-hex
// string is a transaction ID.
func (q Query) ConfirmTxID() Query {
	q.NeedsConfirm = false
	return q
}

// InputError is a refused input. Its reasons are written for the user, in
// English and Simplified Chinese, and never contain the input when it was
// refused as a secret or held as a possible key.
type InputError struct {
	Reason   string
	ReasonZH string
	Secret   secret.Kind // "" unless refused as a secret
	// Unconfirmed is set when a bare 64-hex string was not sent because
	// nobody confirmed it is a transaction ID.
	Unconfirmed bool
}

// Error returns the English reason.
func (e *InputError) Error() string { return e.Reason }

// Message is the reason in the user's language ("en" or "zh").
func (e *InputError) Message(lang string) string {
	if lang == "zh" && e.ReasonZH != "" {
		return e.ReasonZH
	}
	return e.Reason
}

// Unwrap is the secret.RefusalError behind e when it refused a secret, so
// that secret.IsRefusal finds it; nil otherwise.
func (e *InputError) Unwrap() error {
	if e.Secret == "" {
		return nil
	}
	return &secret.RefusalError{Kind: e.Secret}
}

func secretRefusal(kind secret.Kind) *InputError {
	return &InputError{Reason: secret.Refusal, ReasonZH: secret.RefusalZH, Secret: kind}
}

// UnconfirmedTxIDError is what a caller returns when a query still
// NeedsConfirm and nobody could confirm it (no terminal, no --txid). It
// explains, without repeating the input, why it was not sent and how to
// check a TRON or Bitcoin transaction ID.
func UnconfirmedTxIDError() error {
	return &InputError{Unconfirmed: true,
		Reason: "this is 64 hex characters without 0x: a TRON or Bitcoin transaction ID looks like this, and so does a raw private key, " +
			"so it was not sent. If it is a transaction ID (from TronScan, mempool.space or the transaction's details in your wallet), " +
			"run `unstuck check --txid <id>`, or paste the explorer link to the transaction instead. If it is a private key, do not paste it anywhere.",
		ReasonZH: "这是 64 个不带 0x 的十六进制字符：TRON 或比特币的交易 ID 是这样的，原始私钥也是这样的，所以没有发送。" +
			"如果它是交易 ID（来自 TronScan、mempool.space 或钱包里的交易详情），请运行 `unstuck check --txid <交易ID>`，" +
			"或者改为粘贴这笔交易的区块浏览器链接。如果它是私钥，请不要把它粘贴到任何地方。"}
}

// MaxInputBytes is the longest input ParseInput reads past the secret check.
const MaxInputBytes = 4096

const (
	hashShape   = "a transaction hash is 0x followed by 64 hex characters (0-9, a-f); a TRON or Bitcoin transaction ID is 64 hex characters"
	hashShapeZH = "交易哈希是 0x 加 64 个十六进制字符（0-9、a-f）；TRON 或比特币的交易 ID 是 64 个十六进制字符"
)

// inputErr builds an InputError from an English and a Chinese format that
// take the same arguments.
func inputErr(en, zh string, args ...any) error {
	return &InputError{Reason: fmt.Sprintf(en, args...), ReasonZH: fmt.Sprintf(zh, args...)}
}

// ParseInput reads what a user pasted: a transaction hash or txid, an
// address, or an explorer link to either (which also tells the network),
// of any family: EVM (0x…), TRON (T… addresses, 64-hex txids) or Bitcoin
// (bc1…/1…/3… addresses, 64-hex txids). Secrets are refused first, before
// anything else reads the text; a bare 64-hex outside a known explorer
// link comes back with NeedsConfirm set. reg may be nil (no EVM network
// hints then).
func ParseInput(s string, reg *chains.Registry) (Query, error) {
	tokens, err := screenTokens(s, secret.FieldTxID)
	if err != nil {
		return Query{}, err
	}
	switch len(tokens) {
	case 0:
		return Query{}, inputErr("nothing to check: paste a transaction hash or an explorer link; "+hashShape,
			"没有可查询的内容：请粘贴交易哈希或区块浏览器链接；"+hashShapeZH)
	case 1:
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
		return Query{}, inputErr("this text holds %d different hashes or addresses; check one at a time",
			"这段文字里有 %d 个不同的哈希或地址；请一次查一个", len(found))
	case firstErr != nil:
		return Query{}, firstErr
	}
	return Query{}, inputErr("no transaction hash or explorer link found in this text; "+hashShape,
		"这段文字里没有找到交易哈希或区块浏览器链接；"+hashShapeZH)
}

// screenTokens refuses secrets and over-long input, then splits the text
// into the words a hash or link could be, with hex that was wrapped across
// lines joined again.
func screenTokens(s string, f secret.Field) ([]string, error) {
	if kind, ok := secret.DetectIn(f, s); ok {
		return nil, secretRefusal(kind)
	}
	if len(s) > MaxInputBytes {
		return nil, inputErr("this input is %d bytes long; paste just the transaction hash or the explorer link",
			"输入有 %d 字节，太长了；请只粘贴交易哈希或区块浏览器链接", len(s))
	}
	var tokens []string
	for _, f := range strings.Fields(secret.Fold(s)) {
		if f = secret.TrimWrapping(f); f != "" {
			tokens = append(tokens, f)
		}
	}
	return joinWrappedHex(tokens), nil
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// mergeQuery adds q to found unless it names the same thing as an earlier
// find (a link and its bare hash). The link's reading wins: it carries the
// network, and inside a known explorer link a 64-hex is a txid, so the
// need to confirm goes.
func mergeQuery(found []Query, q Query) []Query {
	for i, f := range found {
		if f.Kind != q.Kind || !strings.EqualFold(strings.TrimPrefix(f.Ref, "0x"), strings.TrimPrefix(q.Ref, "0x")) {
			continue
		}
		if f.NeedsConfirm && !q.NeedsConfirm || f.ChainHint == 0 && f.Network == "" && (q.ChainHint != 0 || q.Network != "") {
			found[i] = q
		}
		return found
	}
	return append(found, q)
}

func looksLikeCandidate(tok string) bool {
	l := strings.ToLower(tok)
	switch {
	case strings.Contains(l, "0x"), strings.Contains(l, "/tx/"), strings.Contains(l, "/address/"), strings.Contains(l, "://"),
		strings.Contains(l, "#/transaction/"), strings.Contains(l, "/transaction/"):
		return true
	case isHexString(tok) && (len(tok) == 40 || len(tok) == 64):
		return true
	}
	_, ok, _ := parseFamilyAddress(tok)
	return ok
}

func isHexString(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHexDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
