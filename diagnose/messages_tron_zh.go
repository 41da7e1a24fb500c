package diagnose

// messagesTronZH are messagesTronEN in Simplified Chinese.
func messagesTronZH() map[string]message {
	return map[string]message{
		"out_of_energy": {"失败：能量不足，已燃烧 {burned} TRX",
			"它用掉了 {energy_used} 能量，而它最多只能支付 {energy_limit}（其中 {penalty} 是热门合约额外收取的能量）。{token} 没有转出，燃烧的 TRX 不会退还。同样的转账需要超过 {energy_needed} 能量。你有 {staked_energy} 质押能量，所以要留超过 {trx_needed} TRX 来燃烧补足（现在每单位能量 {price_sun} sun，最好多留一点），另加约 {net_trx} TRX 的带宽费。你的账户现在有 {balance} TRX。"},
		"out_of_energy/no_estimate": {"失败：能量不足，已燃烧 {burned} TRX",
			"它用掉了 {energy_used} 能量，而它最多只能支付 {energy_limit}（其中 {penalty} 是热门合约额外收取的能量）。{token} 没有转出，燃烧的 TRX 不会退还。重新发送前，先获取更多能量（质押 TRX）或多留一些 TRX 用来燃烧。"},
		"fee_limit_hit": {"失败：手续费上限 {fee_limit} TRX 设得太低",
			"它燃烧了 {burned} TRX，也就是全部手续费上限，在用掉 {energy_used} 能量后停了下来。{token} 没有转出。同样的转账需要超过 {energy_needed} 能量：把手续费上限设得高于 {fee_limit_needed} TRX（现在每单位能量 {price_sun} sun；上限只是封顶，留些余量），并留够这么多 TRX，或者质押获取能量。"},
		"fee_limit_hit/no_estimate": {"失败：手续费上限 {fee_limit} TRX 设得太低",
			"它燃烧了 {burned} TRX，也就是全部手续费上限，在用掉 {energy_used} 能量后停了下来。{token} 没有转出。请用更高的手续费上限重新发送。"},
		"reverted/tron_other": {"失败：合约以 {result} 结束",
			"交易在合约里执行失败（{result}）。手续费（{fee} {symbol}）已经花掉，不会退还。"},
		"reverted/tron_no_reason": {"失败：合约拒绝了它，没有说明原因",
			"合约回滚了，没有给出原因。手续费（{fee} {symbol}）已经花掉，不会退还。请检查金额，以及代币是否被暂停。"},
		"reverted/tron_usdt_not_frozen": {"失败：USDT 合约拒绝了它，没有说明原因",
			"Tether 的合约回滚了，没有给出原因。你的地址不在 Tether 黑名单上，所以请核对转账金额和你的 USDT 余额。手续费（{fee} {symbol}）已经花掉，不会退还。"},
		"blacklisted": {"你的地址被 Tether 冻结了（USDT 黑名单）",
			"{address} 在 USDT 合约的黑名单上：从它转出的每一笔 USDT 都会失败，只有 Tether 能解冻。这次尝试的手续费（{fee} TRX）已经花掉。任何说能帮你解冻并收费的人都是骗子。"},
		"account_activation": {"收款方账户尚未激活",
			"{to} 当时还没有波场账户。"},
		"account_activation/trx": {"这笔转账同时激活了一个新账户",
			"{to} 之前没有波场账户，所以这笔转账燃烧了 {fee} TRX 手续费：{activation_fee} TRX 用于创建账户，发送方没有质押带宽时再加 {create_fee} TRX。第一次给新地址转账，这是正常的。"},
		"account_activation/token": {"收款方的波场账户尚未激活",
			"代币已经到了 {to}，但这个地址还没有波场账户。它可以收着这些代币；要再转出，得先有一点 TRX。给从没持有过 USDT 的地址第一次转 USDT，能量消耗大约翻倍。"},
		"expired": {"已过期：它从未被打包进区块",
			"它必须在 {expired_at} 之前进入区块，而链上时间已经过了（{checked_at}）。过期的交易永远不会再确认：什么都没有转出，也没有扣任何费用。请重新签名发送。"},
		"permission_changed": {"这个账户已被别人控制（owner 权限被修改）",
			"{account} 的 owner 权限由其他密钥持有（{keys}），你自己的密钥已经无法转出其中的资产。这就是“多签”骗局：改权限的人拿走了这个账户。不要再往里面转任何东西。"},
		"not_found/tron": {"在 {chain} 上没有找到",
			"没有任何波场节点知道这个交易 ID，也没有节点在等待打包它。波场交易签名后如果没有很快进入区块就会过期（通常 60 秒，最长 24 小时），之后永远不会确认。重新发送前，先核对 ID 是否正确，并看看钱包里显示什么。"},
		"low_confirmations/tron": {"已进入区块，但还没有最终确认（目前 {confirmations} 个区块）",
			"波场在 {target} 个出块节点在其后出块后，才把一个区块视为最终确认（固化），大约一分钟。交易所通常在那之后入账。"},
		"rpc_degraded/tron_round2": {"有些细节没能查到",
			"节点回答了交易本身，但没有回答全部后续问题（账户、价格、黑名单），所以下面缺少一些数字。"},
	}
}
