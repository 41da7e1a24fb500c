package guides

import (
	"math"
	"strings"
)

// Guide nodes are also matched as documents: their title, body and match
// phrases in both languages, as content words and Chinese character pairs,
// each weighted by how rare it is among the nodes (inverse document
// frequency). A pasted text most of whose rare words a node's text
// explains points to that node, more weakly than any phrase found whole.
const (
	docTitleWeight  = 2.0
	docMinCover     = 0.6  // share of the text's weight the node must explain
	docMinTerms     = 3    // and at least this many of its terms
	strengthDoc     = 0.15 // plus up to strengthDocSpan for the share explained
	strengthDocSpan = 0.2
	maxQueryTerms   = 256
	familyBoost     = 1.2 // a TRON or Bitcoin node when the text names its chain
	otherFamily     = 0.9 // any other node then
	familyTRON      = "tron-"
	familyBitcoin   = "btc-"
)

// nodeDoc is one answer node as a bag of weighted terms.
type nodeDoc struct {
	node  *Node
	terms map[string]float64
}

// docIndex holds the node documents and the rarity of each term.
type docIndex struct {
	docs   []nodeDoc
	byTerm map[string][]int
	idf    map[string]float64
	unseen float64 // the weight of a term no node uses
}

// newDocIndex builds the documents of every answer node.
func (x *explainIndex) newDocIndex(l *Library) docIndex {
	d := docIndex{byTerm: map[string][]int{}, idf: map[string]float64{}}
	for _, t := range l.trees {
		for _, n := range t.Nodes {
			if n.Kind != KindAnswer || l.nodes[n.ID] != n {
				continue
			}
			terms := map[string]float64{}
			add := func(s string, w float64) {
				for _, term := range x.terms(s) {
					terms[term] = math.Max(terms[term], w)
				}
			}
			add(n.Title.En, docTitleWeight)
			add(n.Title.Zh, docTitleWeight)
			add(n.Body.En, 1)
			add(n.Body.Zh, 1)
			if n.Match != nil {
				for _, p := range n.Match.Phrases {
					add(p, docTitleWeight)
				}
			}
			i := len(d.docs)
			d.docs = append(d.docs, nodeDoc{node: n, terms: terms})
			for term := range terms {
				d.byTerm[term] = append(d.byTerm[term], i)
			}
		}
	}
	total := float64(len(d.docs))
	for term, docs := range d.byTerm {
		d.idf[term] = math.Log(1 + total/float64(len(docs)))
	}
	d.unseen = math.Log(1 + total)
	return d
}

// terms returns the content words and Chinese character pairs of s.
func (x *explainIndex) terms(s string) []string {
	norm := x.maskNoise(normalize(s))
	return append(contentWords(norm, x.stop), hanBigrams(norm)...)
}

// docEvidence scores the nodes whose documents explain most of the text.
func (x *explainIndex) docEvidence(norm string, w float64, lang Lang, add func(evidence)) {
	q := append(contentWords(norm, x.stop), hanBigrams(norm)...)
	if len(q) < docMinTerms {
		return
	}
	if len(q) > maxQueryTerms {
		q = q[:maxQueryTerms]
	}
	var total float64
	for _, term := range q {
		if v, ok := x.docs.idf[term]; ok {
			total += v
		} else {
			total += x.docs.unseen
		}
	}
	type acc struct {
		cover float64
		terms int
	}
	hits := map[int]*acc{}
	for _, term := range q {
		for _, i := range x.docs.byTerm[term] {
			a := hits[i]
			if a == nil {
				a = &acc{}
				hits[i] = a
			}
			a.cover += x.docs.idf[term] * math.Min(x.docs.docs[i].terms[term], 1)
			a.terms++
		}
	}
	for i, a := range hits {
		share := a.cover / total
		if a.terms < docMinTerms || share < docMinCover {
			continue
		}
		n := x.docs.docs[i].node
		add(evidence{node: n, key: "doc", strength: (strengthDoc + strengthDocSpan*share) * w, why: whyDoc(lang, n)})
	}
}

// family says which chain family a text names: "tron-", "btc-" or "".
func family(norm string) string {
	for _, w := range []string{"tron", "trx", "trc20", "trc-20", "tronlink", "tronscan", "tronweb", "tronpy", "trongrid", "波场"} {
		if containsWord(norm, w) {
			return familyTRON
		}
	}
	for _, w := range []string{"bitcoin", "btc", "sat/vb", "sats", "satoshi", "mempool", "electrum", "bitcoind", "rbf", "utxo", "比特币"} {
		if containsWord(norm, w) {
			return familyBitcoin
		}
	}
	return ""
}

// containsWord reports whether w occurs in norm not inside a longer ASCII
// word; a hyphen joins words here ("rpc" is not in "json-rpc").
func containsWord(norm, w string) bool {
	for from := 0; from < len(norm); {
		i := strings.Index(norm[from:], w)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(w)
		if atBoundary(norm, start, end) && !(start > 0 && norm[start-1] == '-' && isWordByte(norm[start])) &&
			!(end < len(norm) && norm[end] == '-' && isWordByte(norm[end-1])) {
			return true
		}
		from = start + 1
	}
	return false
}

func whyDoc(lang Lang, n *Node) string {
	if lang == Zh {
		return "与“" + n.Title.Get(Zh) + "”的说明相符"
	}
	return "words of \"" + n.Title.Get(En) + "\""
}
