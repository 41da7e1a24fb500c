package tron

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// The HTTP API's answers, as far as unstuck reads them (field names from
// documentation-en and java-tron's Tron.proto). Zero values are omitted by
// the node (protobuf JSON), so every field is optional, and `{}` means "not
// found". Addresses come in the default hex form (41…).

type txAnswer struct {
	TxID    string `json:"txID"`
	RawData *struct {
		Contract []struct {
			Type      string `json:"type"`
			Parameter struct {
				Value struct {
					OwnerAddress    string `json:"owner_address"`
					ToAddress       string `json:"to_address"`
					ContractAddress string `json:"contract_address"`
					Amount          int64  `json:"amount"`
					Data            string `json:"data"`
				} `json:"value"`
			} `json:"parameter"`
		} `json:"contract"`
		Expiration int64 `json:"expiration"`
		Timestamp  int64 `json:"timestamp"`
		FeeLimit   int64 `json:"fee_limit"`
	} `json:"raw_data"`
	Ret []struct {
		ContractRet string `json:"contractRet"`
	} `json:"ret"`
}

func (t *txAnswer) empty() bool { return t.TxID == "" && t.RawData == nil }

type infoAnswer struct {
	ID              string   `json:"id"`
	Fee             int64    `json:"fee"`
	BlockNumber     int64    `json:"blockNumber"`
	BlockTimeStamp  int64    `json:"blockTimeStamp"`
	ContractResult  []string `json:"contractResult"`
	ContractAddress string   `json:"contract_address"`
	Receipt         struct {
		EnergyUsage        int64  `json:"energy_usage"`
		EnergyFee          int64  `json:"energy_fee"`
		OriginEnergyUsage  int64  `json:"origin_energy_usage"`
		EnergyUsageTotal   int64  `json:"energy_usage_total"`
		NetUsage           int64  `json:"net_usage"`
		NetFee             int64  `json:"net_fee"`
		Result             string `json:"result"`
		EnergyPenaltyTotal int64  `json:"energy_penalty_total"`
	} `json:"receipt"`
	Log []struct {
		Address string   `json:"address"`
		Topics  []string `json:"topics"`
		Data    string   `json:"data"`
	} `json:"log"`
	Result     string `json:"result"`
	ResMessage string `json:"resMessage"`
}

func (i *infoAnswer) empty() bool { return i.ID == "" && i.BlockNumber == 0 }

type blockAnswer struct {
	BlockID     string `json:"blockID"`
	BlockHeader struct {
		RawData struct {
			Number    int64 `json:"number"`
			Timestamp int64 `json:"timestamp"`
		} `json:"raw_data"`
	} `json:"block_header"`
}

type permission struct {
	PermissionName string `json:"permission_name"`
	Threshold      int64  `json:"threshold"`
	Keys           []struct {
		Address string `json:"address"`
		Weight  int64  `json:"weight"`
	} `json:"keys"`
}

type accountAnswer struct {
	Address          string       `json:"address"`
	Balance          int64        `json:"balance"`
	Type             string       `json:"type"`
	CreateTime       int64        `json:"create_time"`
	OwnerPermission  *permission  `json:"owner_permission"`
	ActivePermission []permission `json:"active_permission"`
}

func (a *accountAnswer) empty() bool { return a.Address == "" && a.CreateTime == 0 && a.Balance == 0 }

type resourceAnswer struct {
	FreeNetUsed  int64 `json:"freeNetUsed"`
	FreeNetLimit int64 `json:"freeNetLimit"`
	NetUsed      int64 `json:"NetUsed"`
	NetLimit     int64 `json:"NetLimit"`
	EnergyUsed   int64 `json:"EnergyUsed"`
	EnergyLimit  int64 `json:"EnergyLimit"`
}

type paramsAnswer struct {
	ChainParameter []struct {
		Key   string `json:"key"`
		Value int64  `json:"value"`
	} `json:"chainParameter"`
}

type constantAnswer struct {
	Result struct {
		Result  bool   `json:"result"`
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"result"`
	ConstantResult []string `json:"constant_result"`
	EnergyUsed     int64    `json:"energy_used"`
}

// liteNodeText is what a lite full node answers to history queries, as bare
// text (documentation-en docs/api/http/index.md).
const liteNodeText = "this API is closed because this node is a lite fullnode"

// banWait is how long TronGrid suspends a client that went over its rate
// limit ("the query server is suspended for 30s").
const banWait = 30 * time.Second

// readAnswer decodes one HTTP API answer into out, after recognising the
// refusal shapes that come with HTTP 200: a lite node's bare text and the
// node's or TronGrid's {"Error": "…"} object. Those are endpoint faults.
func readAnswer(path string, body []byte, out any) error {
	b := bytes.TrimSpace(body)
	if bytes.HasPrefix(b, []byte(liteNodeText)) {
		return &noderpc.Error{Fault: noderpc.FaultNoState,
			Reason: "the endpoint is a lite full node: it keeps no transaction history"}
	}
	if len(b) == 0 || b[0] != '{' {
		return &noderpc.Error{Fault: noderpc.FaultMalformed,
			Reason: "the endpoint's answer to " + path + " is not a JSON object"}
	}
	var refusal struct {
		Error *string `json:"Error"`
	}
	if json.Unmarshal(b, &refusal) == nil && refusal.Error != nil {
		return refusalFault(*refusal.Error)
	}
	if err := json.Unmarshal(b, out); err != nil {
		return &noderpc.Error{Fault: noderpc.FaultMalformed,
			Reason: "the endpoint's answer to " + path + " could not be read", Err: err}
	}
	return nil
}

// refusalFault classifies an {"Error": …} answer. Rate limits have two
// known wordings: TronGrid's "The key exceeds the frequency limit(30), and
// the query server is suspended for 30s" and the node's own
// "lack of computing resources".
func refusalFault(msg string) *noderpc.Error {
	low := strings.ToLower(msg)
	switch {
	case strings.Contains(low, "frequency limit"), strings.Contains(low, "suspended"):
		return &noderpc.Error{Fault: noderpc.FaultRateLimited, RetryAfter: banWait,
			Reason: "the endpoint is rate-limiting requests (suspended for 30 s)"}
	case strings.Contains(low, "lack of computing resources"):
		return &noderpc.Error{Fault: noderpc.FaultRateLimited,
			Reason: "the endpoint is rate-limiting requests (lack of computing resources)"}
	}
	return &noderpc.Error{Fault: noderpc.FaultRPCError, Reason: "the endpoint answered with an error instead of data"}
}
