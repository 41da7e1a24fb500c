package guides

import (
	"encoding/json"
	"fmt"
	"strings"
)

// ConceptRule is one word combination: every group needs one of its words.
type ConceptRule struct {
	Guide string     `yaml:"guide" json:"guide"`
	All   [][]string `yaml:"all" json:"all"`
}

// Concepts returns the decoder's word combinations, written by hand in
// explain_concepts.yaml and embedded compiled (conceptsGZ).
func Concepts() ([]ConceptRule, error) {
	data, err := gunzip(conceptsGZ)
	if err != nil {
		return nil, fmt.Errorf("explain_concepts.yaml: %w", err)
	}
	var rules []ConceptRule
	if err := json.Unmarshal(data, &rules); err != nil {
		return nil, fmt.Errorf("explain_concepts.yaml: %w", err)
	}
	for i, r := range rules {
		if r.Guide == "" || len(r.All) == 0 {
			return nil, fmt.Errorf("explain_concepts.yaml rule %d: no guide or no words", i+1)
		}
	}
	return rules, nil
}

// Strength of a word combination: a little below a phrase found whole,
// more for more groups.
const (
	strengthConcept      = 0.5
	strengthConceptGroup = 0.03
	weightConcept        = 0.95
)

// conceptKey is a rule indexed for matching: its groups normalized.
type conceptKey struct {
	node   *Node
	groups [][]string
	text   string // the words as written, for the reason shown
}

func (x *explainIndex) addConcept(n *Node, r ConceptRule) {
	k := conceptKey{node: n}
	var shown []string
	for _, g := range r.All {
		var words []string
		for _, w := range g {
			if nw := x.maskNoise(normalize(w)); nw != "" {
				words = append(words, nw)
			}
		}
		if len(words) == 0 {
			return
		}
		k.groups = append(k.groups, words)
		shown = append(shown, g[0])
	}
	k.text = strings.Join(shown, " + ")
	x.concepts = append(x.concepts, k)
}

// conceptEvidence finds the rules every group of which occurs in norm.
func (x *explainIndex) conceptEvidence(norm string, w float64, lang Lang, add func(evidence)) {
	for _, k := range x.concepts {
		var found []string
		for _, g := range k.groups {
			hit := ""
			for _, word := range g {
				if containsWord(norm, word) {
					hit = word
					break
				}
			}
			if hit == "" {
				found = nil
				break
			}
			found = append(found, hit)
		}
		if found == nil {
			continue
		}
		s := (strengthConcept + strengthConceptGroup*float64(len(k.groups))) * weightConcept * w
		add(evidence{node: k.node, key: "concept " + k.text, strength: s, why: whyConcept(lang, found)})
	}
}

func whyConcept(lang Lang, words []string) string {
	if lang == Zh {
		return "词语“" + strings.Join(words, "”+“") + "”"
	}
	return "words " + strings.Join(words, " + ")
}
