package tron

import (
	"context"
	"math/big"
	"sort"
	"strings"
	"sync"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// accountFacts are one endpoint's answers about an address.
type accountFacts struct {
	account  *accountAnswer // nil: not activated
	resource resourceAnswer
	usdt     *big.Int
}

// Account looks a T… (or 41…) address up on every TRON network at once, in
// one round per endpoint: getaccount, getaccountresource and USDT's
// balanceOf. The first endpoint of a network to answer soundly wins.
func (b *Backend) Account(ctx context.Context, q diagnose.Query) (*diagnose.AccountReport, error) {
	ref := q.Ref
	if ref == "" {
		ref = q.Raw
	}
	addr, err := ParseAddress(ref)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, b.cfg.Timeout)
	defer cancel()
	rep := &diagnose.AccountReport{Input: ref, Address: addr.String(), Chains: []diagnose.AccountChain{},
		Tron: []diagnose.TronAccount{}, Findings: []diagnose.Finding{}, Searched: []diagnose.Searched{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, t := range b.targets(q.Network) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			facts, rows := b.raceAccount(ctx, t, addr)
			mu.Lock()
			defer mu.Unlock()
			rep.Searched = append(rep.Searched, rows...)
			if facts == nil {
				return
			}
			ta := tronAccount(t.net, addr, facts)
			rep.Tron = append(rep.Tron, ta)
			if facts.account != nil {
				if keys, hijacked := foreignKeys(facts.account, addr); hijacked {
					fd := diagnose.Report{}
					fd.Add(diagnose.CodePermissionChanged, diagnose.SevError, map[string]string{
						"account": ta.Address, "keys": strings.Join(keys, ", "), "chain": ta.Chain})
					rep.Findings = append(rep.Findings, fd.Findings...)
				}
			}
			rep.Chains = append(rep.Chains, diagnose.AccountChain{ChainID: t.net.ChainID, Chain: t.net.Name,
				Symbol: t.net.Symbol, BalanceWei: i64(ta.BalanceSun), Balance: ta.Balance,
				IsContract: ta.Type == "Contract", Active: ta.Activated, ExplorerURL: ta.ExplorerURL})
		}()
	}
	wg.Wait()
	sort.Slice(rep.Tron, func(i, j int) bool { return rep.Tron[i].Network < rep.Tron[j].Network })
	sort.Slice(rep.Chains, func(i, j int) bool { return rep.Chains[i].ChainID < rep.Chains[j].ChainID })
	sort.SliceStable(rep.Findings, func(i, j int) bool { return rep.Findings[i].Data["chain"] < rep.Findings[j].Data["chain"] })
	if len(rep.Tron) == 0 {
		return rep, &diagnose.NoAnswerError{Searched: rep.Searched}
	}
	return rep, nil
}

// raceAccount races a network's endpoints and keeps the first sound
// answer.
func (b *Backend) raceAccount(ctx context.Context, t target, addr Address) (*accountFacts, []diagnose.Searched) {
	tries := diagnose.Race(ctx, t.endpoints, func(ctx context.Context, url string) (*accountFacts, int, *noderpc.Error) {
		ep, err := b.dial(url)
		if err != nil {
			return nil, 0, &noderpc.Error{Fault: noderpc.FaultHTTP, Reason: "the endpoint address is not usable", Err: err}
		}
		f, ferr := ep.accountRound(ctx, t.net, addr)
		return f, ep.requests(), ferr
	}, nil)
	var best *accountFacts
	var rows []diagnose.Searched
	for _, a := range tries {
		rows = append(rows, a.Row(t.net.ChainID, t.net.Name, a.Err == nil))
		if a.Err == nil {
			best = a.Value
		}
	}
	return best, rows
}

// accountRound asks the three account questions at once.
func (e *endpoint) accountRound(ctx context.Context, n Network, addr Address) (*accountFacts, *noderpc.Error) {
	f := &accountFacts{}
	err := parallel(
		func() *noderpc.Error {
			a, err := e.account(ctx, addr)
			f.account = a
			return err
		},
		func() *noderpc.Error {
			return e.call(ctx, pathResource, map[string]any{"address": addr.Hex()}, &f.resource)
		},
		func() *noderpc.Error {
			w, err := e.constantWord(ctx, n.USDT, selBalanceOf, addr)
			if err == nil {
				f.usdt = new(big.Int).SetBytes(w)
			}
			return err
		},
	)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func tronAccount(n Network, addr Address, f *accountFacts) diagnose.TronAccount {
	ta := diagnose.TronAccount{Network: n.Key, Chain: n.Name, Address: addr.String(), Balance: "0",
		OwnerKeys: []diagnose.PermissionKey{}, ActiveKeys: []diagnose.PermissionKey{},
		ExplorerURL: n.AddressURL(addr.String())}
	r := f.resource
	ta.FreeNetLimit, ta.FreeNetLeft = nonNeg(r.FreeNetLimit), left(r.FreeNetLimit, r.FreeNetUsed)
	ta.StakedNetLeft = left(r.NetLimit, r.NetUsed)
	ta.EnergyLimit, ta.EnergyLeft = nonNeg(r.EnergyLimit), left(r.EnergyLimit, r.EnergyUsed)
	if f.usdt != nil {
		ta.USDTBalance = formatUnits(f.usdt, 6)
	}
	a := f.account
	if a == nil {
		return ta
	}
	ta.Activated = true
	ta.Type = sanitizeWord(a.Type)
	if ta.Type == "" {
		ta.Type = "Normal"
	}
	ta.BalanceSun = nonNeg(a.Balance)
	ta.Balance = formatUnits(big.NewInt(ta.BalanceSun), n.Decimals)
	if p := a.OwnerPermission; p != nil {
		ta.OwnerKeys = permKeys(p)
		ta.OwnerThreshold = p.Threshold
	}
	for i := range a.ActivePermission {
		ta.ActiveKeys = append(ta.ActiveKeys, permKeys(&a.ActivePermission[i])...)
	}
	for _, k := range append(append([]diagnose.PermissionKey{}, ta.OwnerKeys...), ta.ActiveKeys...) {
		if k.Address != ta.Address {
			ta.ForeignKey = true
		}
	}
	return ta
}

func permKeys(p *permission) []diagnose.PermissionKey {
	out := []diagnose.PermissionKey{}
	for _, k := range p.Keys {
		ka, err := ParseAddress(k.Address)
		s := "?"
		if err == nil {
			s = ka.String()
		}
		out = append(out, diagnose.PermissionKey{Address: s, Weight: k.Weight})
	}
	return out
}

func left(limit, used int64) int64 {
	if limit > used && used >= 0 {
		return limit - used
	}
	if used < 0 && limit > 0 {
		return limit
	}
	return 0
}
