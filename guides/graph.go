package guides

import "unicode/utf8"

// graph checks reachability: every node must be reachable from its own
// tree's start (following any link, across trees too), and from every node
// some answer must be reachable (a loop of questions with no answer in it
// traps the user).
func (v *validator) graph() {
	edges := map[string][]string{}
	reverse := map[string][]string{}
	for id, n := range v.lib.nodes {
		for _, to := range n.Links() {
			if _, ok := v.lib.nodes[to]; ok {
				edges[id] = append(edges[id], to)
				reverse[to] = append(reverse[to], id)
			}
		}
	}
	for _, t := range v.lib.trees {
		if _, ok := v.lib.nodes[t.Start]; !ok {
			continue // reported by trees()
		}
		seen := walk([]string{t.Start}, edges)
		for _, n := range t.Nodes {
			if v.lib.nodes[n.ID] == n && !seen[n.ID] {
				v.add(ProblemUnreachable, t, n.ID, "cannot be reached from start %q", t.Start)
			}
		}
	}
	var answers []string
	for id, n := range v.lib.nodes {
		if n.Kind == KindAnswer {
			answers = append(answers, id)
		}
	}
	out := walk(answers, reverse)
	for _, t := range v.lib.trees {
		for _, n := range t.Nodes {
			if v.lib.nodes[n.ID] == n && n.Kind != KindAnswer && !out[n.ID] {
				v.add(ProblemNoWayOut, t, n.ID, "no answer can be reached from here")
			}
		}
	}
}

// walk returns every node reachable from roots over edges.
func walk(roots []string, edges map[string][]string) map[string]bool {
	seen := map[string]bool{}
	stack := append([]string(nil), roots...)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[id] {
			continue
		}
		seen[id] = true
		stack = append(stack, edges[id]...)
	}
	return seen
}

// matches checks the error decoder's rules: codes are whole numbers or
// names, phrases are long enough to mean something, and no code or phrase
// is claimed by two nodes (the decoder could not choose).
func (v *validator) matches() {
	claimed := map[string]string{}
	for _, t := range v.lib.trees {
		for _, n := range t.Nodes {
			if n.Match == nil {
				continue
			}
			if len(n.Match.Codes)+len(n.Match.Phrases) == 0 {
				v.add(ProblemMatch, t, n.ID, "match has no codes and no phrases")
			}
			for _, c := range n.Match.Codes {
				key, ok := normCode(c)
				if !ok {
					v.add(ProblemMatch, t, n.ID, "code %q is not a whole number or a NAME_LIKE_THIS", c)
					continue
				}
				v.claim(claimed, t, n, "code "+key)
			}
			for _, p := range n.Match.Phrases {
				np := normalize(p)
				if utf8.RuneCountInString(np) < 2 || isASCII(np) && len(np) < 3 {
					v.add(ProblemMatch, t, n.ID, "phrase %q is too short to match safely", p)
					continue
				}
				v.claim(claimed, t, n, "phrase "+np)
			}
		}
	}
}

func (v *validator) claim(claimed map[string]string, t *Tree, n *Node, key string) {
	if prev, ok := claimed[key]; ok && prev != n.ID {
		v.add(ProblemMatch, t, n.ID, "%s is already matched by node %q", key, prev)
		return
	}
	claimed[key] = n.ID
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
