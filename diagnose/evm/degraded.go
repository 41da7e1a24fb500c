package evm

import (
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// The degraded-RPC rule: a verdict says what it rests on. When some chains
// could not be searched, or a follow-up question failed, was answered by
// another endpoint, or could not read the blocks a replacement hides in,
// the report carries rpc_degraded, with each thing it had to do without
// in the user's language. The notes are collected in Facts.Degraded as the
// rounds go; noteDegraded turns them into the finding.

// Note is one thing a verdict had to do without, said in the report's
// rpc_degraded finding in the user's language.
type Note struct {
	Kind     NoteKind
	Endpoint string // redacted: for NoteElsewhere
	Fault    noderpc.Fault
	Reason   string // the fault in English: for NoteFollowUpFailed
}

// NoteKind says what a Note is about.
type NoteKind int

// Notes.
const (
	// NoteElsewhere: the follow-up questions went to another endpoint.
	NoteElsewhere NoteKind = iota
	// NoteFollowUpFailed: every endpoint failed the follow-up questions.
	NoteFollowUpFailed
	// NoteScanFailed: the blocks since a remembered pending tx could not
	// be read.
	NoteScanFailed
	// NoteTokenLookup: a token's symbol or decimals could not be read.
	NoteTokenLookup
	// NoteStateRefused: an endpoint could not replay the failed tx at its
	// block (no state that old, or refused): Endpoint and Fault say which
	// and why.
	NoteStateRefused
)

// Words says the note in lang ("en" or "zh").
func (n Note) Words(lang string) string {
	zh := lang == "zh"
	switch n.Kind {
	case NoteElsewhere:
		if zh {
			return "后续查询改由 " + n.Endpoint + " 回答"
		}
		return "the follow-up questions went to " + n.Endpoint
	case NoteFollowUpFailed:
		if zh {
			return "后续查询失败（" + n.Fault.WordsZH() + "）"
		}
		return "follow-up questions failed: " + n.Reason
	case NoteTokenLookup:
		if zh {
			return "代币的名称或小数位读取失败，金额按最小单位显示"
		}
		return "a token's symbol or decimals could not be read, so its amount is in raw units"
	case NoteStateRefused:
		if zh {
			return n.Endpoint + " 无法重放这笔交易（" + n.Fault.WordsZH() + "）"
		}
		return n.Endpoint + " could not replay the transaction: " + n.Reason
	}
	if zh {
		return "无法读取它被看到之后的区块"
	}
	return "the blocks since it was seen could not be read"
}

// failedChains names the chains no endpoint answered for.
func failedChains(results []groupResult) string {
	var names []string
	for _, r := range results {
		if r.found == nil && len(r.absent) == 0 && !onlyCancelled(r) {
			name := r.group.chain.Name
			if name == "" && len(r.group.endpoints) > 0 {
				name = noderpc.Redact(r.group.endpoints[0])
			}
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

// noteDegraded adds rpc_degraded when some chains could not be searched or
// some follow-up questions failed, so that a verdict says what it rests on.
func (e *Backend) noteDegraded(rep *diagnose.Report, results []groupResult, f *Facts) {
	if rep.Has(diagnose.CodeRPCDegraded) {
		return
	}
	failed := failedChains(results)
	var notes []Note
	if f != nil {
		notes = f.Degraded
	}
	if failed == "" && len(notes) == 0 {
		return
	}
	data := map[string]string{"failed": failed}
	if len(notes) > 0 {
		// The notes are words, so they are in the data in both languages.
		en, zh := make([]string, len(notes)), make([]string, len(notes))
		for i, n := range notes {
			en[i], zh[i] = n.Words("en"), n.Words("zh")
		}
		data["notes"], data["notes_zh"] = strings.Join(en, "; "), strings.Join(zh, "；")
	}
	switch { // only the parts there are: a missing one would read "?"
	case failed == "":
		data["variant"] = "notes"
	case len(notes) == 0:
		data["variant"] = "failed"
	}
	rep.Add(diagnose.CodeRPCDegraded, diagnose.SevInfo, data)
}

// allRefused is the HTTP status when every endpoint that failed turned the
// request away (404, 414…), else "".
func allRefused(results []groupResult) string {
	code := ""
	for _, r := range results {
		for _, a := range r.failed {
			if a.err.Fault == noderpc.FaultCancelled {
				continue
			}
			c := diagnose.Searched{Fault: string(a.err.Fault), Error: a.err.Reason}.RefusedStatus()
			if c == "" {
				return ""
			}
			code = c
		}
	}
	return code
}

// onlyCancelled: the group was stopped because another chain answered.
func onlyCancelled(r groupResult) bool {
	for _, a := range r.failed {
		if a.err.Fault != noderpc.FaultCancelled {
			return false
		}
	}
	return true
}
