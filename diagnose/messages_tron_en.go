package diagnose

// messagesTronEN are the TRON backend's finding words in English. Amounts
// are in TRX unless they say sun; energy in units, as TronScan shows them.
func messagesTronEN() map[string]message {
	return map[string]message{
		"out_of_energy": {"Failed: ran out of energy after burning {burned} TRX",
			"It used {energy_used} energy of the {energy_limit} it could pay for ({penalty} of it was the surcharge a busy contract adds). The {token} did NOT move, and the burned TRX is not refunded. The same transfer needs more than {energy_needed} energy. You have {staked_energy} staked energy, so keep more than {trx_needed} TRX to burn for the rest (energy costs {price_sun} sun now; keep a little extra), plus about {net_trx} TRX for bandwidth. Your account holds {balance} TRX now."},
		"out_of_energy/no_estimate": {"Failed: ran out of energy after burning {burned} TRX",
			"It used {energy_used} energy of the {energy_limit} it could pay for ({penalty} of it was the surcharge a busy contract adds). The {token} did NOT move, and the burned TRX is not refunded. Get more energy (stake TRX) or keep more TRX to burn before you send it again."},
		"fee_limit_hit": {"Failed: the fee limit of {fee_limit} TRX was too low",
			"It burned {burned} TRX, its whole fee limit, and stopped after {energy_used} energy. The {token} did NOT move. The same transfer needs more than {energy_needed} energy: set the fee limit above {fee_limit_needed} TRX (energy costs {price_sun} sun now; a limit is only a ceiling, so give it room) and keep that much TRX, or stake energy."},
		"fee_limit_hit/no_estimate": {"Failed: the fee limit of {fee_limit} TRX was too low",
			"It burned {burned} TRX, its whole fee limit, and stopped after {energy_used} energy. The {token} did NOT move. Send it again with a higher fee limit."},
		"reverted/tron_other": {"Failed: the contract stopped with {result}",
			"The transaction failed inside the contract ({result}). The fee ({fee} {symbol}) was spent and is not refunded."},
		"reverted/tron_no_reason": {"Failed: the contract refused it without saying why",
			"The contract reverted and gave no reason. The fee ({fee} {symbol}) was spent and is not refunded. Check the amount and that the token is not paused."},
		"reverted/tron_usdt_not_frozen": {"Failed: the USDT contract refused it without saying why",
			"Tether's contract reverted and gave no reason. Your address is not on Tether's blacklist, so check the amount against your USDT balance. The fee ({fee} {symbol}) was spent and is not refunded."},
		"blacklisted": {"Your address is frozen by Tether (USDT blacklist)",
			"{address} is on the USDT contract's blacklist: every USDT transfer from it fails, and only Tether can unfreeze it. The fee ({fee} TRX) of this attempt was spent. Do not pay anyone who offers to unfreeze it."},
		"account_activation": {"The recipient's account was not activated",
			"{to} had no TRON account yet."},
		"account_activation/trx": {"This transfer also activated a new account",
			"{to} had no TRON account yet, so the transfer burned {fee} TRX in fees: {activation_fee} TRX to create the account, plus {create_fee} TRX when the sender has no staked bandwidth. That is normal for a first transfer to a new address."},
		"account_activation/token": {"The recipient's TRON account is not activated",
			"The tokens arrived at {to}, but that address has no TRON account yet. It can hold them; to send them on it first needs a little TRX. A first USDT transfer to an address that never held USDT costs about twice the energy."},
		"expired": {"Expired: it was never put in a block",
			"It had to be in a block by {expired_at}, and the chain is past that ({checked_at}). An expired transaction can never confirm: nothing was sent and nothing was spent. Sign and send it again."},
		"permission_changed": {"Someone else controls this account (owner permission changed)",
			"The owner permission of {account} is held by other keys ({keys}), so your own key cannot move its funds. This is the \"multisig\" scam: whoever changed it took the account. Do not send anything more to it."},
		"not_found/tron": {"Not found on {chain}",
			"No TRON node knows this transaction ID, and none has it waiting. A TRON transaction that is not in a block soon after signing expires (usually after 60 seconds, at most 24 hours) and then can never confirm. Check that the ID is right and what your wallet shows before you send again."},
		"low_confirmations/tron": {"In a block, not final yet ({confirmations} blocks so far)",
			"TRON makes a block final (solidified) when {target} block producers have built on it, about a minute. Exchanges usually credit after that."},
		"rpc_degraded/tron_round2": {"Some details could not be asked",
			"The node answered about the transaction but not every follow-up question (accounts, prices, blacklist), so some numbers below are missing."},
	}
}
