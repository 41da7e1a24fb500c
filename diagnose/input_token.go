package diagnose

import (
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
)

func parseToken(tok string, reg *chains.Registry) (Query, error) {
	lower := strings.ToLower(tok)
	switch {
	case strings.Contains(lower, "://") || strings.HasPrefix(lower, "www.") || hostPathShape(lower):
		return parseLink(tok, reg)
	case strings.HasSuffix(lower, ".eth") && !strings.Contains(lower, "0x"):
		return Query{}, inputErr("ENS names are not looked up; paste the 0x address or the transaction hash instead",
			"不查询 ENS 名称；请改为粘贴 0x 地址或交易哈希")
	}
	if q, ok, err := parseFamilyAddress(tok); ok {
		return q, err
	}
	if isShortenedAddress(tok) {
		return Query{}, shortenedAddressErr()
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

// isShortened is a hash as wallets display it: its ends around an
// ellipsis ("0x5c50…2060", "0x5c50...2060").
func isShortened(tok string) bool {
	head, tail, ok := cutEllipsis(tok)
	head = strings.TrimPrefix(strings.TrimPrefix(head, "0x"), "0X")
	return ok && len(head) >= 2 && len(tail) >= 2 && isHexString(head) && isHexString(tail)
}

// isShortenedAddress is a TRON or Bitcoin address cut the same way
// ("TR7NHq…Lj6t", "bc1qw5…f3t4").
func isShortenedAddress(tok string) bool {
	head, tail, ok := cutEllipsis(tok)
	lower := strings.ToLower(head)
	family := head != "" && strings.ContainsRune("T13", rune(head[0])) || strings.HasPrefix(lower, "bc1") || strings.HasPrefix(lower, "tb1")
	return ok && family && len(head) >= 4 && len(tail) >= 3 && isBase58(head) && isAlnumString(tail)
}

// cutEllipsis splits tok around "…", "...", ".." or "⋯".
func cutEllipsis(tok string) (head, tail string, ok bool) {
	for _, dots := range []string{"…", "...", "..", "⋯"} {
		if head, tail, ok = strings.Cut(tok, dots); ok {
			return head, strings.TrimLeft(tail, ".…"), true
		}
	}
	return "", "", false
}

func isAlnumString(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) {
			return false
		}
	}
	return s != ""
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func shortenedErr() error {
	return inputErr("this hash is shortened (its middle is replaced by …), the way wallets display it, so it cannot be looked up; "+
		"copy the full hash: in the wallet, open the transaction's details and tap copy next to the hash, or open it on the block explorer and copy the link",
		"这个哈希是缩略显示的（中间被 … 代替），钱包就是这样显示的，无法用它查询；"+
			"请复制完整的哈希：在钱包里打开这笔交易的详情，点击哈希旁边的复制按钮，或者在区块浏览器里打开它并复制链接")
}

func shortenedAddressErr() error {
	return inputErr("this address is shortened (its middle is replaced by …), the way wallets display it, so it cannot be looked up; "+
		"copy the full address: in the wallet, tap the address or the copy button next to it",
		"这个地址是缩略显示的（中间被 … 代替），钱包就是这样显示的，无法用它查询；请复制完整的地址：在钱包里点击地址或旁边的复制按钮")
}

// parseHex validates an EVM hash or address, or a bare 64-hex txid. It
// never pads or crops: a wrong length or a stray character is reported,
// not guessed around.
func parseHex(tok string) (Query, error) {
	if isShortened(tok) {
		return Query{}, shortenedErr()
	}
	h := tok
	switch {
	case strings.HasPrefix(h, "0x") || strings.HasPrefix(h, "0X"):
		h = h[2:]
	case len(h) == 64 && isHexString(h):
		return bareTxID(h), nil
	case !(len(h) == 40 && isHexString(h)):
		return Query{}, inputErr("this is not a transaction hash: "+hashShape, "这不是交易哈希："+hashShapeZH)
	}
	for i := 0; i < len(h); i++ {
		if !isHexDigit(h[i]) {
			return Query{}, inputErr("character %d after 0x is not a hex digit; "+hashShape, "0x 后面的第 %d 个字符不是十六进制数字；"+hashShapeZH, i+1)
		}
	}
	switch len(h) {
	case 64:
		hash := "0x" + strings.ToLower(h)
		return Query{Raw: hash, Ref: hash, Kind: KindTxHash, Family: FamilyEVM}, nil
	case 40:
		return parseEVMAddress("0x" + h)
	}
	return Query{}, inputErr("a transaction hash is 0x followed by 64 hex characters (an address, 40); this has %d",
		"交易哈希是 0x 加 64 个十六进制字符（地址是 40 个）；这里有 %d 个", len(h))
}

// bareTxID is a 64-hex string without 0x and without an explorer link
// around it: held until the user confirms it is a transaction ID.
func bareTxID(h string) Query {
	h = strings.ToLower(h)
	return Query{Raw: h, Ref: h, Kind: KindTxHash, NeedsConfirm: true}
}

// txidIn is a 64-hex txid of family f found in a known explorer link.
func txidIn(f Family, network, h string) Query {
	h = strings.ToLower(h)
	return Query{Raw: h, Ref: h, Kind: KindTxHash, Family: f, Network: network}
}

// parseEVMAddress accepts an address in one case, or in mixed case when the
// mix matches its EIP-55 checksum.
func parseEVMAddress(a string) (Query, error) {
	if len(a) != 42 || !strings.HasPrefix(a, "0x") && !strings.HasPrefix(a, "0X") || !isHexString(a[2:]) {
		return Query{}, notAnAddress()
	}
	h := a[2:]
	addr := checksumAddress(h)
	if strings.ToLower(h) != h && strings.ToUpper(h) != h {
		if addr[2:] != h {
			return Query{}, inputErr("this address's capital letters do not match its checksum, so it may be mistyped; copy it again from the wallet or the explorer",
				"这个地址的大小写字母与它的校验和不符，可能输错了；请从钱包或区块浏览器重新复制")
		}
	}
	return Query{Raw: addr, Ref: addr, Kind: KindAddress, Family: FamilyEVM}, nil
}

func notAnAddress() error {
	return inputErr("this is not an address: an EVM address is 0x followed by 40 hex characters, a TRON address starts with T (34 characters), a Bitcoin address with bc1, 1 or 3",
		"这不是地址：EVM 地址是 0x 加 40 个十六进制字符，TRON 地址以 T 开头（34 个字符），比特币地址以 bc1、1 或 3 开头")
}

// joinWrappedHex joins hex that a narrow screen or a chat app wrapped
// across lines ("0x5c504ed4…" + "\n" + "…1b22060"): when a token ends in
// an unfinished hash (after 0x, a slash or on its own) and the tokens after
// it are bare hex, they are one hash if together they have exactly 64 (or,
// after 0x, 40) digits.
func joinWrappedHex(tokens []string) []string {
	var out []string
	for i := 0; i < len(tokens); i++ {
		tok := tokens[i]
		run := trailingHexRun(tok)
		if run == 0 || run >= 64 {
			out = append(out, tok)
			continue
		}
		joined, n, end := tok, run, i
		best, bestEnd := "", i
		for j := i + 1; j < len(tokens) && isHexString(tokens[j]) && n+len(tokens[j]) <= 64; j++ {
			joined, n, end = joined+tokens[j], n+len(tokens[j]), j
			if n == 64 || n == 40 && strings.HasSuffix(strings.ToLower(tok[:len(tok)-run]), "0x") {
				best, bestEnd = joined, end
			}
		}
		if best == "" {
			out = append(out, tok)
			continue
		}
		out = append(out, best)
		i = bestEnd
	}
	return out
}

// trailingHexRun is the length of the hex digits that end tok when they
// follow 0x or a slash or make up the whole token; else 0.
func trailingHexRun(tok string) int {
	i := len(tok)
	for i > 0 && isHexDigit(tok[i-1]) {
		i--
	}
	n := len(tok) - i
	switch {
	case n == 0:
		return 0
	case i == 0:
		return n
	case i >= 2 && (tok[i-2:i] == "0x" || tok[i-2:i] == "0X"):
		return n
	case tok[i-1] == '/':
		return n
	}
	return 0
}
