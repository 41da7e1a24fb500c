package diagnose

import "github.com/unstuck-dev/unstuck/diagnose/secret"

// ParseAddress reads a public address typed or pasted where only an
// address belongs (account, --from): EVM (0x…, EIP-55 checked when mixed
// case), TRON (T…) or Bitcoin, or an explorer link to one. It screens the
// text for secrets first, and every refusal talks about addresses: a
// transaction hash here is a mistake, said so plainly.
func ParseAddress(s string) (Query, error) {
	tokens, err := screenTokens(s, secret.FieldPublic)
	if err != nil {
		return Query{}, err
	}
	if len(tokens) != 1 {
		return Query{}, inputErr("paste one address on its own: an EVM address is 0x followed by 40 hex characters",
			"请只粘贴一个地址：EVM 地址是 0x 加 40 个十六进制字符")
	}
	q, err := parseToken(tokens[0], nil)
	switch {
	case isShortened(tokens[0]):
		return Query{}, shortenedAddressErr()
	case err != nil && isHexString(trimHexPrefix(tokens[0])) && len(trimHexPrefix(tokens[0])) != 40:
		return Query{}, notAnAddress()
	case err != nil:
		return Query{}, err
	case q.Kind != KindAddress:
		return Query{}, inputErr("this is a transaction hash, not an address; paste the address (an EVM address is 0x followed by 40 hex characters)",
			"这是交易哈希，不是地址；请粘贴地址（EVM 地址是 0x 加 40 个十六进制字符）")
	}
	return q, nil
}

func trimHexPrefix(s string) string {
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		return s[2:]
	}
	return s
}
