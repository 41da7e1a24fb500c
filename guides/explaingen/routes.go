package main

// Routes: which guide node each source identifier leads to. Keys are the
// source's own names (Go variables, error codes, classes, message ids) or
// texts that must occur in it.

const (
	licenceGeth    = "go-ethereum LGPL-3.0"
	licenceBtcd    = "btcd ISC"
	licenceWC      = "WalletConnect Community License (Reown); error names and messages used as match keys"
	licenceMIT     = "MIT"
	gethModule     = "github.com/ethereum/go-ethereum"
	btcdModule     = "github.com/btcsuite/btcd"
	btcdVersion    = "v0.26.2"
	walletconnectU = "walletconnect-utils-"
	walletconnectC = "walletconnect-core-"
)

func gethRoutes() []goRoute {
	return []goRoute{
		{file: "core/error.go", name: "ErrNonceTooLow", guide: "nonce-too-low"},
		{file: "core/error.go", name: "ErrNonceTooHigh", guide: "nonce-gap"},
		{file: "core/error.go", name: "ErrInsufficientFundsForTransfer", guide: "insufficient-funds"},
		{file: "core/error.go", name: "ErrInsufficientFunds", guide: "insufficient-funds"},
		{file: "core/error.go", name: "ErrIntrinsicGas", guide: "gas-settings"},
		{file: "core/error.go", name: "ErrFloorDataGas", guide: "gas-settings"},
		{file: "core/error.go", name: "ErrTipAboveFeeCap", guide: "gas-settings"},
		{file: "core/error.go", name: "ErrFeeCapTooLow", guide: "fee-too-low"},
		{file: "core/error.go", name: "ErrGasLimitTooHigh", guide: "gas-settings"},
		{file: "core/error.go", name: "ErrGasLimitReached", guide: "gas-settings"},
		{file: "core/txpool/errors.go", name: "ErrAlreadyKnown", guide: "already-known"},
		{file: "core/txpool/errors.go", name: "ErrUnderpriced", guide: "fee-too-low"},
		{file: "core/txpool/errors.go", name: "ErrReplaceUnderpriced", guide: "speed-up"},
		{file: "core/txpool/errors.go", name: "ErrTxGasPriceTooLow", guide: "fee-too-low"},
		{file: "core/txpool/errors.go", name: "ErrGasLimit", guide: "gas-settings"},
		{file: "core/txpool/legacypool/legacypool.go", name: "ErrTxPoolOverflow", guide: "rate-limited"},
		{file: "core/txpool/legacypool/legacypool.go", name: "ErrFutureReplacePending", guide: "nonce-gap"},
		{file: "core/vm/errors.go", name: "ErrOutOfGas", guide: "out-of-gas"},
		{file: "core/vm/errors.go", name: "ErrCodeStoreOutOfGas", guide: "out-of-gas"},
		{file: "core/vm/errors.go", name: "ErrExecutionReverted", guide: "failed-revert"},
		{file: "core/vm/errors.go", name: "ErrInsufficientBalance", guide: "insufficient-funds"},
		{file: "trie/errors.go", text: "missing trie node", guide: "node-missing-state"},
		{file: "eth/state_accessor.go", text: "required historical state unavailable", guide: "node-missing-state"},
		{file: "eth/state_accessor.go", text: "historical state is not available", guide: "node-missing-state"},
		{file: "eth/api_backend.go", text: "header not found", guide: "node-missing-state"},
		{file: "eth/api_debug.go", text: "state history is not yet available", guide: "node-missing-state"},
		{file: "rpc/errors.go", name: "errMsgBatchTooLarge", guide: "rate-limited"},
		{file: "rpc/errors.go", name: "errMsgResponseTooLarge", guide: "rate-limited"},
	}
}

func btcdRoutes() []goRoute {
	return []goRoute{
		{file: "mempool/mempool.go", text: "already have transaction in mempool", guide: "btc-wait"},
		{file: "mempool/mempool.go", text: "transaction already exists in blockchain", guide: "btc-wait"},
		{file: "mempool/mempool.go", text: "output already spent in mempool", guide: "btc-rbf"},
		{file: "mempool/mempool.go", text: "replacement transaction has an insufficient fee rate", guide: "btc-rbf"},
		{file: "mempool/mempool.go", text: "replacement transaction has an insufficient absolute fee", guide: "btc-rbf"},
		{file: "mempool/mempool.go", text: "replacement transaction evicts more", guide: "btc-rbf"},
		{file: "mempool/mempool.go", text: "replacement transaction spends new unconfirmed input", guide: "btc-rbf"},
		{file: "mempool/mempool.go", text: "references outputs of unknown or fully-spent", guide: "btc-unconfirmed-parent"},
		{file: "mempool/mempool.go", text: "sequence locks on inputs not met", guide: "btc-wait"},
		{file: "mempool/mempool.go", text: "fees which is under the required amount", guide: "btc-min-relay"},
		{file: "mempool/mempool.go", text: "has insufficient priority", guide: "btc-min-relay"},
		{file: "mempool/mempool.go", text: "by the rate limiter due to low fees", guide: "btc-min-relay"},
		{file: "mempool/policy.go", text: "dust", guide: "btc-dust"},
	}
}

func bitcoinCoreReasons() map[string]string {
	return map[string]string{
		"mempool min fee not met": "btc-min-relay",
		"min relay fee not met":   "btc-min-relay",
		"mempool full":            "btc-min-relay",
		"insufficient fee":        "btc-rbf",
		"rejecting replacement %s; new feerate %s <= old feerate %s":             "btc-rbf",
		"rejecting replacement %s, less fees than conflicting txs; %s < %s":      "btc-rbf",
		"rejecting replacement %s, not enough additional fees to relay; %s < %s": "btc-rbf",
		"txn-mempool-conflict":            "btc-rbf",
		"replacement-adds-unconfirmed":    "btc-rbf",
		"too many potential replacements": "btc-rbf",
		"txn-already-in-mempool":          "btc-wait",
		"txn-already-known":               "btc-wait",
		"non-final":                       "btc-wait",
		"non-BIP68-final":                 "btc-wait",
		"bad-txns-inputs-missingorspent":  "btc-dropped",
		"bad-txns-spends-conflicting-tx":  "btc-dropped",
		"too-long-mempool-chain":          "btc-unconfirmed-parent",
	}
}

func bitcoinCoreRPC() map[string]string {
	return map[string]string{
		"RPC_VERIFY_REJECTED": "btc-dropped",
		"RPC_VERIFY_ERROR":    "error-triage",
	}
}

func tronCodes() map[string]string {
	return map[string]string{
		"OUT_OF_ENERGY":                   "tron-energy",
		"SIGERROR":                        "tron-multisig-scam",
		"CONTRACT_VALIDATE_ERROR":         "tron-bandwidth",
		"BANDWITH_ERROR":                  "tron-bandwidth",
		"TAPOS_ERROR":                     "tron-expired",
		"TRANSACTION_EXPIRATION_ERROR":    "tron-expired",
		"DUP_TRANSACTION_ERROR":           "tron-not-found",
		"SERVER_BUSY":                     "rate-limited",
		"NOT_ENOUGH_EFFECTIVE_CONNECTION": "error-triage",
		"NO_CONNECTION":                   "error-triage",
	}
}

func tronMessages() map[string]string {
	return map[string]string{
		"Not enough energy for":                                            "tron-energy",
		"curInvokeEnergyLimit":                                             "tron-fee-limit",
		"AccountResourceInsufficient error":                                "tron-bandwidth",
		"Account resource insufficient error.":                             "tron-bandwidth",
		"Validate TransferContract error, balance is not sufficient.":      "tron-bandwidth",
		"Account Insufficient bandwidth and balance to create new account": "tron-activation",
		"but it is not contained of permission":                            "tron-multisig-scam",
		"The key exceeds the frequency limit":                              "rate-limited",
		"对方地址未激活":                                                          "tron-activation",
	}
}

func walletConnectRoutes() map[string]string {
	return map[string]string{
		"USER_REJECTED":             "user-rejected",
		"USER_REJECTED_CHAINS":      "user-rejected",
		"USER_REJECTED_METHODS":     "user-rejected",
		"USER_REJECTED_EVENTS":      "user-rejected",
		"USER_DISCONNECTED":         "wallet-disconnected",
		"SESSION_SETTLEMENT_FAILED": "wc-session-failed",
		"UNSUPPORTED_CHAINS":        "wallet-unsupported",
		"UNSUPPORTED_METHODS":       "wallet-unsupported",
		"UNSUPPORTED_EVENTS":        "wallet-unsupported",
		"UNSUPPORTED_ACCOUNTS":      "wallet-unsupported",
		"UNSUPPORTED_NAMESPACE_KEY": "wallet-unsupported",
		"NON_CONFORMING_NAMESPACES": "wallet-unsupported",
		"UNAUTHORIZED_METHOD":       "wallet-unsupported",
		"UNAUTHORIZED_EVENT":        "wallet-unsupported",
		"WC_METHOD_UNSUPPORTED":     "wallet-unsupported",
		"NO_MATCHING_KEY":           "wc-no-matching-key",
		"MISMATCHED_TOPIC":          "wc-no-matching-key",
		"EXPIRED":                   "wc-request-expired",
		"NOT_INITIALIZED":           "wc-project-id",
	}
}

func walletConnectCoreTexts() map[string]string {
	return map[string]string{
		"Couldn't establish socket connection to the relay server": "wc-relay-error",
		"Socket stalled when trying to connect to":                 "wc-relay-error",
		"Failed to publish payload, please try again":              "wc-relay-error",
		"Pairing already exists":                                   "wc-qr-used",
	}
}

func ethersByCode() map[string]string {
	return map[string]string{
		"INSUFFICIENT_FUNDS":      "insufficient-funds",
		"NONCE_EXPIRED":           "nonce-too-low",
		"REPLACEMENT_UNDERPRICED": "speed-up",
		"TRANSACTION_REPLACED":    "replaced",
		"UNPREDICTABLE_GAS_LIMIT": "internal-json-rpc",
	}
}

func ethersV5Messages() map[string]string {
	return map[string]string{
		"could not detect network": "error-triage",
		"missing response":         "error-triage",
		"bad response":             "error-triage",
	}
}

func ethersV6Messages() map[string]string {
	return map[string]string{
		"could not coalesce error":              "error-triage",
		"failed to bootstrap network detection": "error-triage",
		"transaction execution reverted":        "failed-revert",
		"request timeout":                       "error-triage",
		"user rejected action":                  "user-rejected",
	}
}

func viemRoutes() map[string]string {
	return map[string]string{
		"UserRejectedRequestError":       "user-rejected",
		"UnauthorizedProviderError":      "wallet-unauthorized",
		"UnsupportedProviderMethodError": "wallet-unsupported",
		"ProviderDisconnectedError":      "wallet-disconnected",
		"ChainDisconnectedError":         "wallet-disconnected",
		"SwitchChainError":               "dapp-wrong-network",
		"LimitExceededRpcError":          "rate-limited",
		"ResourceUnavailableRpcError":    "request-pending",
		"InternalRpcError":               "internal-json-rpc",
		"TransactionRejectedRpcError":    "error-triage",
		"ExecutionRevertedError":         "failed-revert",
		"FeeCapTooLowError":              "fee-too-low",
		"NonceTooHighError":              "nonce-gap",
		"NonceTooLowError":               "nonce-too-low",
		"InsufficientFundsError":         "insufficient-funds",
		"IntrinsicGasTooLowError":        "gas-settings",
		"TipAboveFeeCapError":            "gas-settings",
		"HttpRequestError":               "error-triage",
		"TimeoutError":                   "error-triage",
	}
}

func metaMaskRoutes() map[string]string {
	return map[string]string{
		"balanceIsInsufficientGas":         "insufficient-funds",
		"insufficientBalance":              "insufficient-funds",
		"insufficientFunds":                "insufficient-funds",
		"alertMessageInsufficientBalance":  "insufficient-funds",
		"alertReasonInsufficientBalance":   "insufficient-funds",
		"insufficientFundsForGas":          "insufficient-funds",
		"insufficientCurrencyDeposit":      "insufficient-funds",
		"swapsNotEnoughForTx":              "insufficient-funds",
		"gasLimitTooLow":                   "gas-settings",
		"alertMessageGasTooLow":            "gas-settings",
		"alertReasonGasTooLow":             "gas-settings",
		"alertMessageGasEstimateFailed":    "internal-json-rpc",
		"editGasMaxFeeLow":                 "fee-too-low",
		"editGasMaxPriorityFeeLow":         "fee-too-low",
		"alertMessageGasFeeLow":            "fee-too-low",
		"gasPriceExtremelyLow":             "fee-too-low",
		"retryWithMoreGas":                 "fee-too-low",
		"speedUpSubtitle":                  "speed-up",
		"cancelSpeedUpTransactionTooltip":  "speed-up",
		"disabledGasOptionToolTipMessage":  "speed-up",
		"alertMessagePendingTransactions":  "nonce-gap",
		"alertMessageSigningOrSubmitting":  "nonce-gap",
		"isSigningOrSubmitting":            "nonce-gap",
		"transactionDropped":               "dropped",
		"transactionError":                 "failed-revert",
		"transactionErrorNoContract":       "failed-revert",
		"transactionFailed":                "failed-revert",
		"transactionErrored":               "error-triage",
		"somethingWentWrong":               "error-triage",
		"failureMessage":                   "error-triage",
		"connectionFailed":                 "error-triage",
		"attemptingConnect":                "error-triage",
		"networkSwitchConnectionError":     "endpoint-trouble",
		"errorWhileConnectingToRPC":        "endpoint-trouble",
		"failedToFetchChainId":             "endpoint-trouble",
		"invalidRPC":                       "endpoint-trouble",
		"infuraBlockedNotification":        "endpoint-trouble",
		"gasPriceFetchFailed":              "error-triage",
		"endpointReturnedDifferentChainId": "endpoint-wrong-chain",
		"mismatchedRpcChainId":             "endpoint-wrong-chain",
		"contractAddressError":             "sent-to-token-contract",
		"protectYourKeysMessage1":          "support-scam",
		"endOfFlowMessage5":                "support-scam",
		"holdToRevealContent4":             "support-scam",
		"walletCreationSuccessReminder2":   "support-scam",
		"swapLowSlippageError":             "revert-slippage",
		"swapSlippageLowDescription":       "revert-slippage",
		"unrecognizedChain":                "dapp-wrong-network",
		"currentAccountNotConnected":       "wallet-unauthorized",
		"noConnectedAccountTitle":          "wallet-unauthorized",
		"flaskWelcomeWarning4":             "extension-conflict",
	}
}

func javaTronRoutes() map[string]string {
	return map[string]string{
		"Validate TransferContract error, no OwnerAccount.":           "tron-activation",
		"Validate TransferContract error, balance is not sufficient.": "tron-bandwidth",
		"Cannot transfer TRX to a smartContract.":                     "sent-to-contract",
	}
}

func tronLinkRoutes() map[string]string {
	return map[string]string{
		"BANK.INDEX.NOTONLINEADDRESS":                      "tron-activation",
		"BANK.RENTINFO.INSUFFICIENT":                       "insufficient-funds",
		"EXCEPTION.SEND.ADDRESS_UNACTIVATED_ERROR":         "tron-activation",
		"EXCEPTION.SEND.BANDWIDTH_NOT_ENOUGH_ERROR":        "tron-bandwidth",
		"EXCEPTION.SEND.ENERGY_NOT_ENOUGH_ERROR":           "tron-energy",
		"EXCEPTION.SEND.BANDWIDTH_ENERGY_NOT_ENOUGH_ERROR": "tron-bandwidth",
		"ACCOUNT.NO_BANDWIDTH":                             "tron-bandwidth",
		"ACCOUNT.NO_ENERGY":                                "tron-energy",
	}
}
