package guides

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Validate checks the whole library and returns every problem found (as
// *Problem errors), in a stable order. An empty result means the content
// is sound: every link resolves, every node is reachable from its tree's
// start, an answer can be reached from every node, every question has at
// least two options, every text exists in both languages (the Chinese
// leaving no English untranslated), every finding code has an answer
// node, and every check routes every status.
func (l *Library) Validate() []error {
	v := &validator{lib: l}
	v.trees()
	for _, t := range l.trees {
		for _, n := range t.Nodes {
			v.node(t, n)
		}
	}
	v.findings()
	v.matches()
	v.graph()
	return v.problems
}

type validator struct {
	lib      *Library
	problems []error
}

func (v *validator) add(kind ProblemKind, t *Tree, nodeID, format string, args ...any) {
	p := &Problem{Kind: kind, Node: nodeID, Detail: fmt.Sprintf(format, args...)}
	if t != nil {
		p.File, p.Tree = t.file, t.ID
	}
	v.problems = append(v.problems, p)
}

func validID(id string) bool {
	if id == "" || id[0] == '-' || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func (v *validator) trees() {
	seen := map[string]bool{}
	for _, t := range v.lib.trees {
		if !validID(t.ID) {
			v.add(ProblemSchema, t, "", "tree id %q must be lower-case letters, digits and dashes", t.ID)
		}
		if seen[t.ID] {
			v.add(ProblemDuplicate, t, "", "tree id %q is used twice", t.ID)
		}
		seen[t.ID] = true
		v.text(t, "", "title", t.Title)
		v.text(t, "", "summary", t.Summary)
		if len(t.Nodes) == 0 {
			v.add(ProblemSchema, t, "", "tree has no nodes")
		}
		start, ok := v.lib.nodes[t.Start]
		switch {
		case t.Start == "":
			v.add(ProblemSchema, t, "", "tree has no start node")
		case !ok:
			v.add(ProblemDangling, t, "", "start %q is not a node", t.Start)
		case start.Tree != t.ID:
			v.add(ProblemSchema, t, "", "start %q belongs to tree %q", t.Start, start.Tree)
		}
	}
}

// text checks one bilingual text: both languages present, Chinese actually
// Chinese and free of English outside names, technical words, quotes and
// glosses (guideEnglish), English free of Chinese, the same placeholders
// in both, and only known placeholders.
func (v *validator) text(t *Tree, nodeID, field string, x Text) {
	en, zh := strings.TrimSpace(x.En), strings.TrimSpace(x.Zh)
	switch {
	case en == "" && zh == "":
		v.add(ProblemTranslation, t, nodeID, "%s is empty in both languages", field)
		return
	case en == "":
		v.add(ProblemTranslation, t, nodeID, "%s has no English text", field)
	case zh == "":
		v.add(ProblemTranslation, t, nodeID, "%s has no Chinese text", field)
	case !hasHan(zh):
		v.add(ProblemTranslation, t, nodeID, "%s: the zh text has no Chinese in it", field)
	case hasHan(en):
		v.add(ProblemTranslation, t, nodeID, "%s: the en text contains Chinese", field)
	default:
		if words := guideEnglish(zh); len(words) > 0 {
			v.add(ProblemTranslation, t, nodeID, "%s: the zh text leaves English untranslated: %s", field, strings.Join(words, " "))
		}
	}
	for _, s := range []string{x.En, x.Zh} {
		if strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) >= 0 {
			v.add(ProblemSchema, t, nodeID, "%s contains control characters", field)
		}
		for _, p := range placeholders(s) {
			if _, ok := placeholderFallback(p, En); !ok {
				v.add(ProblemPlaceholder, t, nodeID, "%s uses unknown placeholder {%s}", field, p)
			}
		}
	}
	if en != "" && zh != "" && !sameSet(placeholders(x.En), placeholders(x.Zh)) {
		v.add(ProblemPlaceholder, t, nodeID, "%s: en and zh use different placeholders", field)
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func sameSet(a, b []string) bool {
	set := func(xs []string) string {
		m := map[string]bool{}
		for _, x := range xs {
			m[x] = true
		}
		return strings.Join(sortedKeys(m), ",")
	}
	return set(a) == set(b)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// routeStatusOrder lists the statuses present in routes: known statuses
// in their contract order, then any others sorted.
func routeStatusOrder(routes map[string]string) []string {
	var out []string
	known := map[string]bool{}
	for _, s := range append(TxStatuses(), StatusOK, StatusNoMatch) {
		if known[s] {
			continue
		}
		known[s] = true
		if _, ok := routes[s]; ok {
			out = append(out, s)
		}
	}
	for _, s := range sortedKeys(routes) {
		if !known[s] {
			out = append(out, s)
		}
	}
	return out
}

func (v *validator) node(t *Tree, n *Node) {
	if !validID(n.ID) {
		v.add(ProblemSchema, t, n.ID, "node id %q must be lower-case letters, digits and dashes", n.ID)
	}
	if first := v.lib.nodes[n.ID]; first != n {
		v.add(ProblemDuplicate, t, n.ID, "node id %q is also used in tree %q", n.ID, first.Tree)
	}
	if _, clash := v.lib.byID[n.ID]; clash {
		v.add(ProblemDuplicate, t, n.ID, "node id %q is also a tree id", n.ID)
	}
	switch n.Kind {
	case KindQuestion:
		v.question(t, n)
	case KindCheck:
		v.check(t, n)
	case KindAnswer:
		v.answer(t, n)
	default:
		v.add(ProblemSchema, t, n.ID, "kind %q is not question, check or answer", n.Kind)
	}
	for _, id := range n.Related {
		v.link(t, n, "related", id)
	}
}

func (v *validator) link(t *Tree, n *Node, what, id string) {
	if id == "" {
		v.add(ProblemDangling, t, n.ID, "%s link is empty", what)
	} else if _, ok := v.lib.nodes[id]; !ok {
		v.add(ProblemDangling, t, n.ID, "%s link %q is not a node", what, id)
	}
}

// unused reports fields that do not belong to the node's kind.
func (v *validator) unused(t *Tree, n *Node, fields map[string]bool) {
	for _, f := range sortedKeys(fields) {
		if fields[f] {
			v.add(ProblemSchema, t, n.ID, "field %q does not belong on a %s node", f, n.Kind)
		}
	}
}

func empty(x Text) bool { return x.En == "" && x.Zh == "" }

func (v *validator) question(t *Tree, n *Node) {
	v.text(t, n.ID, "text", n.Text)
	if len(n.Options) < 2 {
		v.add(ProblemFewOptions, t, n.ID, "%d option(s)", len(n.Options))
	}
	for i, o := range n.Options {
		v.text(t, n.ID, fmt.Sprintf("option %d label", i+1), o.Label)
		v.link(t, n, fmt.Sprintf("option %d", i+1), o.Next)
	}
	v.unused(t, n, map[string]bool{"check": n.Check != "", "prompt": !empty(n.Prompt),
		"routes": n.Routes.Status != nil || n.Routes.Findings != nil, "skip": n.Skip != "",
		"title": !empty(n.Title), "body": !empty(n.Body), "action": !empty(n.Action),
		"finding": len(n.Finding) > 0, "match": n.Match != nil, "related": len(n.Related) > 0})
}

func (v *validator) check(t *Tree, n *Node) {
	v.text(t, n.ID, "prompt", n.Prompt)
	statuses := CheckStatuses(n.Check)
	if statuses == nil {
		v.add(ProblemSchema, t, n.ID, "check %q is not tx, account, endpoint, explain, verify or channels", n.Check)
	}
	allowed := map[string]bool{}
	for _, s := range statuses {
		allowed[s] = true
		if _, ok := n.Routes.Status[s]; !ok {
			v.add(ProblemMissingStatus, t, n.ID, "no route for status %q", s)
		}
	}
	for _, s := range routeStatusOrder(n.Routes.Status) {
		if statuses != nil && !allowed[s] {
			v.add(ProblemSchema, t, n.ID, "status %q is not a status of a %s check", s, n.Check)
		}
		v.link(t, n, "status "+s, n.Routes.Status[s])
	}
	known := v.knownCodes()
	if n.Check == CheckExplain && len(n.Routes.Findings) > 0 {
		v.add(ProblemSchema, t, n.ID, "an explain check routes to its best match, not on findings")
	}
	for _, c := range sortedKeys(n.Routes.Findings) {
		if !known[c] {
			v.add(ProblemUnknownFinding, t, n.ID, "routes on unknown finding code %q", c)
		}
		v.link(t, n, "finding "+c, n.Routes.Findings[c])
	}
	if n.Skip != "" {
		v.link(t, n, "skip", n.Skip)
	} else if n.Check == CheckTx || n.Check == CheckAccount {
		v.add(ProblemSchema, t, n.ID, "a %s check needs a skip node for users without one", n.Check)
	}
	v.unused(t, n, map[string]bool{"text": !empty(n.Text), "options": len(n.Options) > 0,
		"title": !empty(n.Title), "body": !empty(n.Body), "action": !empty(n.Action),
		"finding": len(n.Finding) > 0, "match": n.Match != nil, "related": len(n.Related) > 0})
}

func (v *validator) answer(t *Tree, n *Node) {
	v.text(t, n.ID, "title", n.Title)
	v.text(t, n.ID, "body", n.Body)
	v.text(t, n.ID, "action", n.Action)
	known := v.knownCodes()
	for _, c := range n.Finding {
		if !known[c] {
			v.add(ProblemUnknownFinding, t, n.ID, "finding: %q is not a finding code", c)
		}
	}
	v.unused(t, n, map[string]bool{"text": !empty(n.Text), "options": len(n.Options) > 0,
		"check": n.Check != "", "prompt": !empty(n.Prompt),
		"routes": n.Routes.Status != nil || n.Routes.Findings != nil, "skip": n.Skip != ""})
}

func (v *validator) knownCodes() map[string]bool {
	m := map[string]bool{}
	for _, c := range v.lib.codes {
		m[c] = true
	}
	return m
}

// findings checks that each finding code has exactly one answer node.
func (v *validator) findings() {
	owner := map[string]*Node{}
	for _, t := range v.lib.trees {
		for _, n := range t.Nodes {
			if n.Kind != KindAnswer {
				continue
			}
			for _, c := range n.Finding {
				if prev, dup := owner[c]; dup && prev != n {
					v.add(ProblemDuplicate, t, n.ID, "finding %q already has answer node %q", c, prev.ID)
					continue
				}
				owner[c] = n
			}
		}
	}
	for _, c := range v.lib.codes {
		if owner[c] == nil {
			v.add(ProblemNoAnswer, nil, "", "no answer node has finding: %s", c)
		}
	}
}
