package diagnose

// The words of the findings about endpoints, by code/variant: those of
// `unstuck endpoint`, and state_unavailable naming who refused a replay.
// They reuse the shared codes (and so their guides): rpc_degraded for what
// is wrong with the endpoint, wrong_chain for a network that is not the one
// claimed.

func messagesEndpointEN() map[string]message {
	return map[string]message{
		"rpc_degraded/endpoint_unreachable": {"The endpoint did not answer",
			"{reason}. A wallet using it cannot show balances or send."},
		"rpc_degraded/endpoint_unusable": {"unstuck check cannot use this endpoint",
			"It refused {method} ({reason}), which checking a transaction needs."},
		"rpc_degraded/endpoint_behind": {"The endpoint is behind",
			"It is {behind} blocks behind the public endpoints: balances and nonces it shows are out of date."},
		"rpc_degraded/endpoint_freshness_unknown": {"Whether it is up to date was not checked",
			"No public {chain} endpoint answered, so its head could not be compared: the freshness half of the check never ran."},
		"state_unavailable/refused": {"The reason could not be replayed",
			"The nodes asked do not keep the state from that block ({refused_by}), so the revert reason is unavailable. The transaction did fail."},
		"wrong_chain/endpoint": {"The endpoint is on another network",
			"It is on {chain} ({chain_id}), not {claimed} ({claimed_id}): a wallet would refuse it or sign for the wrong network."},
	}
}

func messagesEndpointZH() map[string]message {
	return map[string]message{
		"rpc_degraded/endpoint_unreachable": {"该节点没有回应",
			"原因：{fault_zh}。使用它的钱包无法显示余额，也无法发送交易。"},
		"rpc_degraded/endpoint_unusable": {"unstuck check 无法使用这个节点",
			"它拒绝了 {method}（{fault_zh}），而查询交易需要这个调用。"},
		"rpc_degraded/endpoint_behind": {"该节点落后了",
			"它比公共节点落后 {behind} 个区块：它显示的余额和 nonce 已经过时。"},
		"rpc_degraded/endpoint_freshness_unknown": {"没有检查它是否最新",
			"{chain} 的公共节点都没有回应，无法比较最新区块：检查的“是否最新”这一半没有进行。"},
		"state_unavailable/refused": {"无法重放出失败原因",
			"被询问的节点都没有那个区块的状态（{refused_by_zh}），所以无法得到失败原因。这笔交易确实失败了。"},
		"wrong_chain/endpoint": {"该节点在另一个网络上",
			"它在 {chain}（{chain_id}）上，而不是 {claimed}（{claimed_id}）：钱包会拒绝它，或者为错误的网络签名。"},
	}
}
