package bitcoin

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
	"github.com/unstuck-dev/unstuck/diagnose/restjson"
)

// esploraAddress is Esplora's /address/:address.
type esploraAddress struct {
	Address    string       `json:"address"`
	ChainStats addressStats `json:"chain_stats"`
	Mempool    addressStats `json:"mempool_stats"`
}

type addressStats struct {
	FundedSum int64 `json:"funded_txo_sum"`
	SpentSum  int64 `json:"spent_txo_sum"`
	TxCount   int64 `json:"tx_count"`
}

// Account reports an address's confirmed and unconfirmed balance and how
// many of its transactions are waiting: one request (/address/:address)
// to the first Esplora endpoint that answers. Bitcoin Core keeps no
// address index, so JSON-RPC endpoints cannot answer this.
func (b *Backend) Account(ctx context.Context, q diagnose.Query) (*diagnose.AccountReport, error) {
	ref := q.Ref
	if ref == "" {
		ref = q.Raw
	}
	addr, err := b.net.ParseAddress(ref)
	if err != nil {
		return nil, &diagnose.InputError{Reason: err.Error()}
	}
	ctx, cancel := context.WithTimeout(ctx, b.cfg.Timeout)
	defer cancel()
	rep := &diagnose.AccountReport{Input: q.Raw, Address: addr.String, Chains: []diagnose.AccountChain{},
		Findings: []diagnose.Finding{}, Searched: []diagnose.Searched{}}
	if rep.Input == "" {
		rep.Input = addr.String
	}
	for _, ep := range b.endpoints {
		if ep.core {
			rep.Searched = append(rep.Searched, diagnose.Searched{Chain: b.net.Name, Endpoint: noderpc.Redact(ep.url),
				Result: "error", Fault: string(noderpc.FaultRPCError),
				Error: "Bitcoin Core JSON-RPC keeps no address index: use an Esplora endpoint for addresses"})
			continue
		}
		start := b.cfg.Now()
		st, n, fe := b.askAddress(ctx, ep, addr.String)
		row := diagnose.Searched{Chain: b.net.Name, Endpoint: noderpc.Redact(ep.url), Requests: n,
			LatencyMS: b.cfg.Now().Sub(start).Milliseconds()}
		if fe != nil {
			row.Result, row.Error, row.Fault = "error", fe.Reason, string(fe.Fault)
			rep.Searched = append(rep.Searched, row)
			continue
		}
		row.Result = "found"
		rep.Searched = append(rep.Searched, row)
		b.fillAccount(rep, addr, st)
		return rep, nil
	}
	return rep, &diagnose.NoAnswerError{Searched: rep.Searched}
}

func (b *Backend) askAddress(ctx context.Context, ep endpoint, addr string) (*esploraAddress, int, *noderpc.Error) {
	c, err := restjson.New(ep.url, restjson.Options{HTTP: b.http, MaxBody: b.cfg.MaxBody})
	if err != nil {
		return nil, 0, &noderpc.Error{Fault: noderpc.FaultHTTP, Reason: "the endpoint address is not usable", Err: err}
	}
	raw, err := c.Get(ctx, "/address/"+addr)
	if err != nil {
		return nil, c.Requests(), fault(err)
	}
	st, derr := decodeAddress(raw, addr)
	if derr != nil {
		return nil, c.Requests(), malformed("/address/:address", derr)
	}
	return st, c.Requests(), nil
}

func decodeAddress(raw []byte, addr string) (*esploraAddress, error) {
	var st esploraAddress
	if err := json.Unmarshal(raw, &st); err != nil {
		return nil, err
	}
	if st.Address != addr {
		return nil, errors.New("the endpoint answered about another address")
	}
	for _, s := range []addressStats{st.ChainStats, st.Mempool} {
		if s.FundedSum < 0 || s.SpentSum < 0 || s.TxCount < 0 || s.FundedSum > 21e14 || s.SpentSum > 21e14 {
			return nil, errors.New("impossible amounts")
		}
	}
	if st.ChainStats.SpentSum > st.ChainStats.FundedSum {
		return nil, errors.New("more spent than received")
	}
	return &st, nil
}

func (b *Backend) fillAccount(rep *diagnose.AccountReport, addr Address, st *esploraAddress) {
	confirmed := st.ChainStats.FundedSum - st.ChainStats.SpentSum
	unconfirmed := st.Mempool.FundedSum - st.Mempool.SpentSum
	url := fill(b.net.ExplorerAddress, addr.String)
	rep.Bitcoin = &diagnose.BitcoinAccount{Address: addr.String, Type: addr.Type,
		ConfirmedSat: confirmed, UnconfirmedSat: unconfirmed,
		Confirmed: formatBTC(confirmed), Unconfirmed: formatBTC(unconfirmed),
		UnconfirmedTxs: st.Mempool.TxCount, TxCount: st.ChainStats.TxCount + st.Mempool.TxCount, ExplorerURL: url}
	rep.Chains = append(rep.Chains, diagnose.AccountChain{Chain: b.net.Name, Symbol: b.net.Symbol,
		Waiting: uint64(st.Mempool.TxCount), Balance: formatBTC(confirmed),
		Active: st.ChainStats.TxCount+st.Mempool.TxCount > 0, ExplorerURL: url})
}

// formatBTC writes satoshi as BTC with up to 8 decimals.
func formatBTC(sat int64) string {
	return new(big.Rat).SetFrac64(sat, 1e8).FloatString(8)
}
