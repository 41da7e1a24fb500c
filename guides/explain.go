package guides

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// Match is one answer node the error decoder picked for a pasted text.
type Match struct {
	Guide string  // the node id
	Title string  // the node's title, in the asked language
	Why   string  // what matched: `code 4902`, `phrase "nonce too low"`
	Score float64 // 0 to 1, higher is surer
}

// maxExplainInput bounds the text Explain looks at; error texts are short.
// maxLayerMatch bounds the part of one layer matched against phrases.
const (
	maxExplainInput = 16 << 10
	maxLayerMatch   = 4 << 10
)

// Evidence strengths, 0 to 1, before the source's weight. A phrase found
// whole beats a bare number (numbers are also amounts and chain ids); a
// number named as a code ("code 4902", "error -32002", {"code":4001})
// counts almost as much as a phrase; a longer phrase is more specific.
// Near matches (most of a phrase's words, most of its Chinese character
// pairs) count less than the phrase found whole.
const (
	strengthPhrase     = 0.6
	strengthPhraseLong = 0.35 // added in full for phrases of phraseFullLen bytes or more
	phraseFullLen      = 32
	strengthCode       = 0.85
	strengthCodeBare   = 0.55 // a lone number, the text being little more than it
	strengthCodeStray  = 0.3  // a number in a longer text with no "code" before it
	strengthWords      = 0.3  // plus up to spanWords for the share of words found
	spanWords          = 0.3
	strengthGrams      = 0.3 // plus up to spanGrams for the share of character pairs found
	spanGrams          = 0.35
	strengthInside     = 0.25 // plus up to spanInside: a short Chinese text inside a longer phrase
	spanInside         = 0.25
	nearWords          = 0.75 // share of a phrase's words that makes a near match
	nearGrams          = 0.6  // share of a phrase's character pairs
	insideGrams        = 0.8  // share of the text's character pairs found in one phrase
	moreEvidence       = 0.04 // per further piece of evidence, up to maxMore
	maxMore            = 0.12
	genericFactor      = 0.45 // catch-all and triage nodes stay low
	minScore           = 0.15
	outerLayer         = 0.8 // weight of the outermost message when it wraps others
	whyShare           = 0.6 // a reason is shown when at least this share of the best one
)

// evidence is one reason to pick a node.
type evidence struct {
	node     *Node
	key      string // dedup key
	strength float64
	why      string
}

// Explain matches an error text a wallet, DApp or node showed (English or
// Chinese, plain, JSON, nested or with a stack trace) to the answer nodes
// that explain it, best first, each with a score and the reason. It
// unwraps nested messages and prefers the innermost; finds codes; matches
// the nodes' phrases and the generated catalogue's keys whole, or nearly by
// their words (Chinese by character pairs); matches the hand-written word
// combinations; raises the chain family the text names; and recognises the
// fake-support scam script. Generic real errors land on a catch-all node
// with a low score; text with nothing recognisable gives an empty result.
func (l *Library) Explain(text string, lang Lang) []Match {
	if l.explain == nil {
		return nil
	}
	x := l.explain()
	if len(text) > maxExplainInput {
		text = text[:maxExplainInput]
	}
	text = strings.ToValidUTF8(text, "")
	u := unwrap(text)
	maxDepth := 0
	for _, ly := range u.layers {
		maxDepth = max(maxDepth, ly.depth)
	}
	ev := map[string]*evidence{} // node id + key → the strongest
	fam := ""                    // the chain family the text names, if any
	add := func(e evidence) {
		id := e.node.ID + "\x00" + e.key
		if old, ok := ev[id]; !ok || old.strength < e.strength {
			ev[id] = &e
		}
	}
	for _, ly := range u.layers {
		w := 1.0
		if maxDepth > 0 {
			w = outerLayer + (1-outerLayer)*float64(ly.depth)/float64(maxDepth)
		}
		norm := x.maskNoise(normalize(ly.text))
		if norm == "" {
			continue
		}
		if len(norm) > maxLayerMatch {
			// A long paste is mostly data; its messages are inner layers.
			norm = strings.ToValidUTF8(norm[:maxLayerMatch], "")
		}
		x.codeEvidence(norm, w, lang, add)
		x.phraseEvidence(norm, w, lang, add)
		x.conceptEvidence(norm, w, lang, add)
		if f := family(norm); f != "" {
			fam = f
		}
		if s, hit := x.scamScore(norm); s > 0 {
			if n, ok := l.nodes[scamGuide]; ok {
				add(evidence{node: n, key: "scam", strength: s * w, why: whyScam(lang, hit)})
			}
		}
	}
	for _, c := range u.codes {
		x.structuredCode(c, lang, add)
	}
	return l.rank(ev, fam, lang)
}

// codeEvidence finds the codes in normalized text.
func (x *explainIndex) codeEvidence(norm string, w float64, lang Lang, add func(evidence)) {
	toks := tokens(norm)
	words := 0
	for _, tk := range toks {
		if strings.Trim(tk.key, "0123456789") != "" {
			words++
		}
	}
	for _, tk := range toks {
		keys, ok := x.codes[tk.key]
		if !ok {
			continue
		}
		for _, k := range keys {
			s := strengthCode
			if !k.named && !codeContext(norm[:tk.pos]) && !(tk.pos > 0 && norm[tk.pos-1] == '-') {
				switch {
				case words <= 2 && len(tk.key) >= 4:
					s = strengthCodeBare
				case len(tk.key) >= 4:
					s = strengthCodeStray
				default:
					continue
				}
			}
			add(evidence{node: k.node, key: "code " + tk.key, strength: s * k.weight * w, why: whyCode(lang, k.text)})
		}
	}
}

// structuredCode counts a code read from a "code" field.
func (x *explainIndex) structuredCode(c string, lang Lang, add func(evidence)) {
	key, ok := normCode(c)
	if !ok {
		return
	}
	for _, k := range x.codes[key] {
		add(evidence{node: k.node, key: "code " + key, strength: strengthCode * k.weight, why: whyCode(lang, k.text)})
	}
}

// phraseEvidence finds phrases whole (longest first, a phrase inside a
// longer match not counting again) and nearly: most of a phrase's words,
// most of its Chinese character pairs, or a short Chinese text that is
// most of one phrase. When one phrase is the whole text, near matches say
// nothing more.
func (x *explainIndex) phraseEvidence(norm string, w float64, lang Lang, add func(evidence)) {
	whole := map[int]bool{}
	covered := false
	for _, h := range x.wholeHits(norm) {
		k := x.phrases[h]
		whole[h] = true
		covered = covered || len(k.norm) == len(norm)
		s := strengthPhrase + strengthPhraseLong*math.Min(float64(len(k.norm)), phraseFullLen)/phraseFullLen
		add(evidence{node: k.node, key: "phrase " + k.norm, strength: s * k.weight * w, why: whyPhrase(lang, k.text)})
	}
	if covered {
		return
	}
	if words := contentWords(norm, x.stop); len(words) > 0 {
		hits := map[int]int{}
		for _, wd := range words {
			for _, i := range x.byWord[wd] {
				hits[i]++
			}
		}
		for i, n := range hits {
			k := x.phrases[i]
			share := float64(n) / float64(len(k.words))
			if whole[i] || share < nearWords {
				continue
			}
			s := strengthWords + spanWords*share
			add(evidence{node: k.node, key: "phrase " + k.norm, strength: s * k.weight * w, why: whyNear(lang, k.text)})
		}
	}
	if grams := hanBigrams(norm); len(grams) > 0 {
		hits := map[int]int{}
		for _, g := range grams {
			for _, i := range x.byGram[g] {
				hits[i]++
			}
		}
		for i, n := range hits {
			k := x.phrases[i]
			if whole[i] || n < 2 {
				continue
			}
			share := float64(n) / float64(len(k.grams))
			inside := float64(n) / float64(len(grams))
			var s float64
			switch {
			case share >= nearGrams:
				s = strengthGrams + spanGrams*share
			case inside >= insideGrams && len(grams) <= 16:
				s = strengthInside + spanInside*inside
			default:
				continue
			}
			add(evidence{node: k.node, key: "phrase " + k.norm, strength: s * k.weight * w, why: whyNear(lang, k.text)})
		}
	}
}

// wholeHits returns the phrases found whole in norm at word boundaries;
// one inside a longer found phrase is dropped, so "replacement transaction
// underpriced" does not also count as "transaction underpriced".
func (x *explainIndex) wholeHits(norm string) []int {
	type hit struct{ i, start, end int }
	var cands []hit
	for i, k := range x.phrases {
		for from := 0; from < len(norm); {
			j := strings.Index(norm[from:], k.norm)
			if j < 0 {
				break
			}
			start := from + j
			if atBoundary(norm, start, start+len(k.norm)) {
				cands = append(cands, hit{i, start, start + len(k.norm)})
				break
			}
			from = start + 1
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].end-cands[a].start > cands[b].end-cands[b].start })
	var kept []hit
	for _, c := range cands {
		inside := false
		for _, k := range kept {
			if c.start >= k.start && c.end <= k.end && (c.end-c.start < k.end-k.start) {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, c)
		}
	}
	out := make([]int, len(kept))
	for i, k := range kept {
		out[i] = k.i
	}
	return out
}

// rank folds the evidence into one score per node: its best evidence plus
// a little for each further piece, generic nodes damped, the nodes of the
// chain family the text names (fam) raised, best first.
func (l *Library) rank(ev map[string]*evidence, fam string, lang Lang) []Match {
	type acc struct {
		best, more float64
		items      []*evidence
	}
	byNode := map[string]*acc{}
	keys := sortedKeys(ev)
	for _, k := range keys {
		e := ev[k]
		a := byNode[e.node.ID]
		if a == nil {
			a = &acc{}
			byNode[e.node.ID] = a
		}
		a.items = append(a.items, e)
	}
	out := make([]Match, 0, len(byNode))
	for id, a := range byNode {
		sort.SliceStable(a.items, func(i, j int) bool { return a.items[i].strength > a.items[j].strength })
		score := a.items[0].strength + math.Min(moreEvidence*float64(len(a.items)-1), maxMore)
		n := l.nodes[id]
		if n.Match != nil && n.Match.Generic {
			score *= genericFactor
		}
		switch {
		case fam == "":
		case strings.HasPrefix(id, fam):
			score *= familyBoost
		case !strings.HasPrefix(id, familyTRON) && !strings.HasPrefix(id, familyBitcoin):
			score *= otherFamily
		}
		score = math.Min(score, 0.99)
		if score < minScore {
			continue
		}
		var why []string
		seen := map[string]bool{}
		for _, e := range a.items {
			// The reasons shown: the strong ones, up to three.
			if !seen[e.why] && len(why) < 3 && e.strength >= whyShare*a.items[0].strength {
				seen[e.why] = true
				why = append(why, e.why)
			}
		}
		sep := ", "
		if lang == Zh {
			sep = "、"
		}
		out = append(out, Match{Guide: id, Title: n.Title.Get(lang), Why: strings.Join(why, sep),
			Score: math.Round(score*1000) / 1000})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Guide < out[j].Guide
	})
	return out
}

// codeContext reports whether the text just before a number names it as a
// code ("code 4902", "error -32002", "错误码 4001").
func codeContext(before string) bool {
	if len(before) > 24 {
		before = before[len(before)-24:]
	}
	for _, w := range []string{"code", "error", "err", "http", "status", "错误码", "代码", "错误"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
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

func whyNear(lang Lang, p string) string {
	if utf8.RuneCountInString(p) > 60 {
		p = string([]rune(p)[:60]) + "…"
	}
	if lang == Zh {
		return "接近“" + p + "”"
	}
	return fmt.Sprintf("close to %q", p)
}

func whyScam(lang Lang, hit []string) string {
	if lang == Zh {
		return "客服诈骗话术（" + strings.Join(hit, "、") + "）"
	}
	return "fake-support scam script (" + strings.Join(hit, ", ") + ")"
}
