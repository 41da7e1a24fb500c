package diagnose

import (
	"net/url"
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
)

// explorerSite is a block explorer of TRON or Bitcoin, or one that serves
// many chains and names the chain in the path (OKLink, Blockchair). EVM
// explorers come from the chain registry.
type explorerSite struct {
	family  Family // "" for a multi-chain site
	network string
}

// explorerSites are the hosts whose links ParseInput reads besides the
// registry's EVM explorers.
func explorerSites() map[string]explorerSite {
	return map[string]explorerSite{
		"tronscan.org":         {FamilyTron, "tron"},
		"tronscan.io":          {FamilyTron, "tron"},
		"nile.tronscan.org":    {FamilyTron, "nile"},
		"shasta.tronscan.org":  {FamilyTron, "shasta"},
		"mempool.space":        {FamilyBitcoin, "bitcoin"},
		"blockstream.info":     {FamilyBitcoin, "bitcoin"},
		"live.blockcypher.com": {FamilyBitcoin, ""},
		"oklink.com":           {"", ""},
		"blockchair.com":       {"", ""},
		"blockchain.com":       {"", ""},
	}
}

// pathNetwork is what a path segment before "tx"/"address" says about the
// network: a family (with its network key) on multi-chain sites, a
// Bitcoin test network on Bitcoin sites.
func pathNetwork(seg string) (Family, string, bool) {
	switch seg {
	case "tron", "trx":
		return FamilyTron, "tron", true
	case "nile", "tron-nile", "trx-nile":
		return FamilyTron, "nile", true
	case "btc", "bitcoin":
		return FamilyBitcoin, "bitcoin", true
	case "testnet", "testnet3", "btc-testnet", "bitcoin-testnet", "tbtc":
		return FamilyBitcoin, "bitcoin-testnet", true
	case "testnet4":
		return FamilyBitcoin, "bitcoin-testnet4", true
	case "signet":
		return FamilyBitcoin, "bitcoin-signet", true
	}
	return "", "", false
}

// unsupportedChain: chains these explorers serve that unstuck does not check.
func unsupportedChain(seg string) bool {
	switch seg {
	case "liquid", "liquidtestnet", "ltc", "litecoin", "doge", "dogecoin", "bch", "bitcoin-cash", "bsv", "bitcoin-sv",
		"sol", "solana", "ton", "xrp", "ripple", "ada", "cardano", "dash", "zec", "zcash", "aptos", "sui", "near":
		return true
	}
	return false
}

func unsupportedLink() error {
	return inputErr("this link is for a network unstuck does not check; unstuck checks Ethereum-style networks (Ethereum, BNB Chain, Polygon …), TRON and Bitcoin",
		"这个链接属于 unstuck 不支持的网络；unstuck 支持以太坊类网络（以太坊、BNB Chain、Polygon …）、TRON 和比特币")
}

// isLinkKeyword: the path words that come before a transaction or an
// address in explorer links.
func isLinkKeyword(seg string) (kind InputKind, ok bool) {
	switch seg {
	case "tx", "txs", "txn", "transaction", "transactions":
		return KindTxHash, true
	case "address", "addr", "account", "accounts", "contract":
		return KindAddress, true
	}
	return 0, false
}

// parseLink reads an explorer link: /tx/<hash> or /address/<address> in the
// path or in a #/ fragment; the host (and, on multi-chain sites, a path
// segment) gives the family and network when it is known.
func parseLink(tok string, reg *chains.Registry) (Query, error) {
	raw := tok
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return Query{}, inputErr("this link could not be read; open the transaction on the explorer and copy the link again",
			"无法读取这个链接；请在区块浏览器里打开这笔交易，重新复制链接")
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	var evmHint uint64
	evmKnown := false
	if reg != nil {
		if c, ok := reg.ByExplorerHost(u.Hostname()); ok {
			evmHint, evmKnown = c.ID, true
		}
	}
	site, siteKnown := explorerSites()[host]
	fragment, _, _ := strings.Cut(u.Fragment, "?")
	segs := append(strings.Split(u.Path, "/"), strings.Split(fragment, "/")...)
	for i := 0; i+1 < len(segs); i++ {
		kind, ok := isLinkKeyword(strings.ToLower(segs[i]))
		if !ok || segs[i+1] == "" {
			continue
		}
		family, network := site.family, site.network
		hint := evmHint
		if siteKnown { // only a known explorer's path names a network
			for _, s := range segs[:i] {
				s = strings.ToLower(s)
				if f, n, ok := pathNetwork(s); ok && (family == "" || family == f) {
					family, network = f, n
					continue
				}
				if unsupportedChain(s) {
					return Query{}, unsupportedLink()
				}
				if site.family == "" {
					if c, err := lookupChain(reg, s); err == nil {
						family, hint = FamilyEVM, c.ID
					}
				}
			}
		}
		value := segs[i+1]
		if siteKnown && site.family == "" && family == "" && i+2 < len(segs) {
			// blockchain.com: /explorer/transactions/btc/<id>
			next := strings.ToLower(segs[i+1])
			if f, n, ok := pathNetwork(next); ok {
				family, network, value = f, n, segs[i+2]
			} else if c, err := lookupChain(reg, next); err == nil {
				family, hint, value = FamilyEVM, c.ID, segs[i+2]
			}
		}
		if siteKnown && family == "" && !evmKnown {
			return Query{}, inputErr("this link does not say which network it is on; open the transaction on the explorer and copy the link from the address bar",
				"这个链接没有说明是哪个网络；请在区块浏览器里打开这笔交易，从地址栏复制链接")
		}
		return linkValue(value, kind, family, network, hint, evmKnown || family == FamilyEVM)
	}
	return Query{}, inputErr("this link does not point to a transaction or an address; open the transaction on the explorer and copy the link from the address bar",
		"这个链接没有指向交易或地址；请在区块浏览器里打开这笔交易，从地址栏复制链接")
}

// linkValue reads the id after a link's keyword. On a known explorer a
// 64-hex without 0x is a txid of that explorer's family; on a site nobody
// knows it is read like pasted text (and a bare 64-hex waits for a
// confirmation).
func linkValue(v string, kind InputKind, family Family, network string, hint uint64, evm bool) (Query, error) {
	if isShortened(v) {
		return Query{}, shortenedErr()
	}
	switch {
	case family == FamilyTron || family == FamilyBitcoin:
		if id := trimHexPrefix(v); len(id) == 64 && isHexString(id) {
			return txidIn(family, network, id), nil
		}
		if isShortenedAddress(v) {
			return Query{}, shortenedAddressErr()
		}
		q, ok, err := parseFamilyAddress(v)
		switch {
		case err != nil:
			return Query{}, err
		case ok && q.Family == family:
			if q.Network == "" || family == FamilyBitcoin && network != "bitcoin" && network != "" {
				q.Network = network
			}
			return q, nil
		case kind == KindTxHash:
			return Query{}, inputErr("this link's transaction ID is not 64 hex characters; open the transaction on the explorer and copy the link again",
				"这个链接里的交易 ID 不是 64 个十六进制字符；请在区块浏览器里打开这笔交易，重新复制链接")
		}
		return Query{}, notAnAddress()
	case evm && len(v) == 64 && isHexString(v):
		v = "0x" + v
	}
	q, err := parseToken(v, nil)
	if err != nil {
		return Query{}, err
	}
	if q.Family == FamilyEVM {
		q.ChainHint = hint
	}
	return q, nil
}

// lookupChain finds an EVM network a multi-chain explorer names in its
// path ("eth", "bsc", "ethereum").
func lookupChain(reg *chains.Registry, name string) (chains.Chain, error) {
	if reg == nil || name == "" {
		return chains.Chain{}, chains.ErrUnknownChain
	}
	return reg.Lookup(name)
}
