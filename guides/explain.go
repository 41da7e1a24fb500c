package guides

import (
	"fmt"
	"sort"
	"strings"
)

// Match is one answer node the error decoder picked for a pasted text.
type Match struct {
	Guide string // the node id
	Title string // the node's title, in the asked language
	Why   string // what matched: `code 4902`, `phrase "nonce too low"`
	Score int    // higher is better
}

// maxExplainInput bounds the text Explain looks at; error texts are short.
const maxExplainInput = 16 << 10

// Scores. A phrase outranks a bare number (numbers also appear as amounts
// and chain ids); a number right after "code" or "error" counts more; a
// longer phrase is more specific than a shorter one. A node scores its best
// item plus a little for each further item, so piling up weak evidence
// does not beat one strong match.
const (
	scoreCode        = 45
	scoreCodeContext = 30
	scorePhrase      = 50
	scorePhraseMax   = 30
	scoreMore        = 5
)

// Explain matches an error text a wallet, DApp or node showed (English or
// Chinese, with or without its code, JSON or not) to the answer nodes that
// explain it, best first. Codes match as whole numbers with the sign
// ignored; phrases match after normalization, a longer phrase hiding a
// shorter one inside it. Nothing recognised gives an empty result.
func (l *Library) Explain(text string, lang Lang) []Match {
	if len(text) > maxExplainInput {
		text = text[:maxExplainInput]
	}
	norm := normalize(text)
	if norm == "" {
		return nil
	}
	type hit struct {
		best, extra int
		why         []string
		seen        map[string]bool
	}
	hits := map[string]*hit{}
	add := func(n *Node, key string, score int, why string) {
		h := hits[n.ID]
		if h == nil {
			h = &hit{seen: map[string]bool{}}
			hits[n.ID] = h
		}
		if h.seen[key] {
			return
		}
		h.seen[key] = true
		if h.best > 0 {
			h.extra += scoreMore
		}
		h.best = max(h.best, score)
		h.why = append(h.why, why)
	}

	toks := tokens(norm)
	for _, n := range l.matchNodes() {
		for _, c := range n.Match.Codes {
			key, ok := normCode(c)
			if !ok {
				continue
			}
			for _, tk := range toks {
				if tk.key != key {
					continue
				}
				score := scoreCode
				if codeContext(norm[:tk.pos]) {
					score += scoreCodeContext
				}
				add(n, "code "+key, score, whyCode(lang, strings.TrimSpace(c)))
				break
			}
		}
	}
	for _, ph := range phraseHits(norm, l.matchNodes()) {
		score := scorePhrase + min(len(ph.norm), scorePhraseMax)
		add(ph.node, "phrase "+ph.norm, score, whyPhrase(lang, ph.phrase))
	}

	out := make([]Match, 0, len(hits))
	for id, h := range hits {
		n := l.nodes[id]
		score := h.best + h.extra
		if n.Match.Generic {
			score /= 2
		}
		sep := ", "
		if lang == Zh {
			sep = "、"
		}
		out = append(out, Match{Guide: id, Title: n.Title.Get(lang), Why: strings.Join(h.why, sep), Score: score})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Guide < out[j].Guide
	})
	return out
}

// matchNodes lists the nodes with match rules, in tree and file order.
func (l *Library) matchNodes() []*Node {
	var out []*Node
	for _, t := range l.trees {
		for _, n := range t.Nodes {
			if n.Match != nil && l.nodes[n.ID] == n {
				out = append(out, n)
			}
		}
	}
	return out
}

// codeContext reports whether the text just before a number names it as a
// code ("code 4902", "error -32002", "错误码 4001").
func codeContext(before string) bool {
	if len(before) > 24 {
		before = before[len(before)-24:]
	}
	for _, w := range []string{"code", "error", "err", "错误码", "代码", "错误"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

type phraseHit struct {
	node   *Node
	phrase string // as written in the content
	norm   string
	start  int
}

// phraseHits finds every phrase in norm at word boundaries, longest first;
// an occurrence inside a longer phrase that already matched is dropped, so
// "replacement transaction underpriced" does not also count as
// "transaction underpriced".
func phraseHits(norm string, nodes []*Node) []phraseHit {
	var cands []phraseHit
	for _, n := range nodes {
		for _, p := range n.Match.Phrases {
			np := normalize(p)
			if np == "" {
				continue
			}
			for from := 0; from < len(norm); {
				i := strings.Index(norm[from:], np)
				if i < 0 {
					break
				}
				start := from + i
				if atBoundary(norm, start, start+len(np)) {
					cands = append(cands, phraseHit{node: n, phrase: p, norm: np, start: start})
				}
				from = start + 1
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return len(cands[i].norm) > len(cands[j].norm) })
	var kept []phraseHit
	for _, c := range cands {
		inside := false
		for _, k := range kept {
			if c.start >= k.start && c.start+len(c.norm) <= k.start+len(k.norm) {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, c)
		}
	}
	return kept
}

// atBoundary reports whether norm[start:end] does not cut an ASCII word.
func atBoundary(norm string, start, end int) bool {
	if start > 0 && isWordByte(norm[start]) && isWordByte(norm[start-1]) {
		return false
	}
	if end < len(norm) && isWordByte(norm[end-1]) && isWordByte(norm[end]) {
		return false
	}
	return true
}

func whyCode(lang Lang, c string) string {
	if lang == Zh {
		return "错误码 " + c
	}
	return "code " + c
}

func whyPhrase(lang Lang, p string) string {
	if lang == Zh {
		return "短语“" + p + "”"
	}
	return fmt.Sprintf("phrase %q", p)
}
