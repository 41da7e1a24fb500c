package guides

import "strings"

// scamGuide is the safety node scam scripts lead to.
const scamGuide = "verify-contact"

// scamSignal is one mark of the fake-support script that follows wallet
// users around (GitHub issue replies, Telegram, X): a class of signals and
// the normalized phrases that show it, English and Chinese.
type scamSignal struct {
	class   string
	phrases []string
}

// scamSignals are taken from real scam replies (guides/testdata/explain
// corpus, category "scam"): they ask to validate/sync/rectify a wallet,
// hand out a "ticket ID" and a live-chat link, and want the phrase.
func scamSignals() []scamSignal {
	return []scamSignal{
		{"wallet-action", []string{"validate your wallet", "validate wallet", "wallet validation", "sync your wallet",
			"synchronize your wallet", "synchronize wallet", "synchronise your wallet", "rectify", "rectification",
			"dapps rectification", "wallet synchronization", "restore your wallet on", "verify your wallet",
			"whitelist your wallet", "unlock your wallet", "验证钱包", "同步钱包", "钱包验证", "修复钱包", "钱包同步"}},
		{"ticket", []string{"ticket id", "ticket number", "support ticket", "ticket #", "created a ticket",
			"工单号", "工单编号", "提交工单"}},
		{"live-chat", []string{"live chat", "chat icon", "live support", "support agent", "chat bubble",
			"support team", "support page", "support request", "help center", "在线客服", "人工客服", "联系客服"}},
		{"asks-phrase", []string{"enter your recovery phrase", "enter your seed phrase", "provide your seed phrase",
			"provide your recovery phrase", "input the right word", "12 word", "24 word", "your seed phrase",
			"your recovery phrase", "your private key", "secret phrase", "输入助记词", "提供助记词", "发送助记词", "提供私钥"}},
	}
}

// scamScore says how surely norm is a scam script: one wallet "action" is
// enough to warn, and so is a link next to a request for the phrase, a
// ticket or a support chat; support words alone are not. More classes make
// it surer. It returns 0 when nothing shows.
func (x *explainIndex) scamScore(norm string) (float64, []string) {
	var hit []string
	classes := map[string]bool{}
	for _, s := range x.scam {
		for _, p := range s.phrases {
			if strings.Contains(norm, p) {
				classes[s.class] = true
				hit = append(hit, p)
				break
			}
		}
	}
	switch n := len(classes); {
	case n >= 3:
		return 0.97, hit
	case n == 2:
		return 0.9, hit
	case classes["wallet-action"],
		strings.Contains(norm, "_url_") && (classes["asks-phrase"] || classes["live-chat"] || classes["ticket"]):
		return 0.72, hit
	}
	return 0, nil
}
