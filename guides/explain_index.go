package guides

import (
	"strings"
	"unicode/utf8"
)

// How much a source's word counts: a node's own match rules were written
// for it; a generated catalogue key says the same thing in a source's own
// words, a little less sure of the node.
const (
	weightRule      = 1.0
	weightCatalogue = 0.95
	weightCodeWords = 0.9 // "out of energy" for OUT_OF_ENERGY
)

// phraseKey is one phrase the decoder looks for.
type phraseKey struct {
	node   *Node
	text   string   // as written by its source, for the reason shown
	norm   string   // normalized and masked
	weight float64  // weightRule or weightCatalogue
	words  []string // content words, for near matches
	grams  []string // Chinese character pairs, for near matches
}

// codeKey is one error code a node answers.
type codeKey struct {
	node   *Node
	text   string // as written, for the reason shown
	named  bool   // ACTION_REJECTED rather than 4001
	weight float64
}

// explainIndex is everything Explain matches against, built once at load.
type explainIndex struct {
	phrases  []phraseKey
	codes    map[string][]codeKey // by normCode key
	byWord   map[string][]int     // content word → phrases holding it
	byGram   map[string][]int     // character pair → phrases holding it
	noise    []noisePattern
	stop     map[string]bool
	scam     []scamSignal
	concepts []conceptKey
}

// newExplainIndex indexes the match rules of every node, the generated
// catalogue entries and the word combinations whose node exists. Broken content is skipped here: the
// validator reports it.
func newExplainIndex(l *Library, catalogue []CatalogueEntry, concepts []ConceptRule) *explainIndex {
	x := &explainIndex{codes: map[string][]codeKey{}, byWord: map[string][]int{}, byGram: map[string][]int{},
		noise: noisePatterns(), stop: stopWords(), scam: scamSignals()}
	for _, t := range l.trees {
		for _, n := range t.Nodes {
			if n.Match == nil || l.nodes[n.ID] != n {
				continue
			}
			for _, c := range n.Match.Codes {
				x.addCode(n, c, weightRule)
			}
			for _, p := range n.Match.Phrases {
				x.addPhrase(n, p, weightRule)
			}
		}
	}
	for _, e := range catalogue {
		n, ok := l.nodes[e.Guide]
		if !ok {
			continue
		}
		if e.Kind == "code" {
			x.addCode(n, e.Key, weightCatalogue)
			continue
		}
		x.addPhrase(n, e.Key, weightCatalogue)
	}
	for _, r := range concepts {
		if n, ok := l.nodes[r.Guide]; ok {
			x.addConcept(n, r)
		}
	}
	return x
}

func (x *explainIndex) addCode(n *Node, c string, w float64) {
	key, ok := normCode(c)
	if !ok {
		return
	}
	named := strings.Trim(key, "0123456789") != ""
	x.codes[key] = append(x.codes[key], codeKey{node: n, text: strings.TrimSpace(c), named: named, weight: w})
	if named && strings.Contains(key, "_") {
		// TRON explorers and wallets print OUT_OF_ENERGY as "OUT OF ENERGY".
		x.addPhrase(n, strings.ReplaceAll(key, "_", " "), w*weightCodeWords)
	}
}

func (x *explainIndex) addPhrase(n *Node, p string, w float64) {
	np := x.maskNoise(normalize(p))
	if utf8.RuneCountInString(np) < 2 || isASCII(np) && len(np) < 3 {
		return
	}
	k := phraseKey{node: n, text: strings.TrimSpace(p), norm: np, weight: w}
	if words := contentWords(np, x.stop); len(words) >= 3 {
		k.words = words
	}
	if grams := hanBigrams(np); len(grams) >= 3 {
		k.grams = grams
	}
	i := len(x.phrases)
	x.phrases = append(x.phrases, k)
	for _, wd := range k.words {
		x.byWord[wd] = append(x.byWord[wd], i)
	}
	for _, g := range k.grams {
		x.byGram[g] = append(x.byGram[g], i)
	}
}
