package verify

import (
	"sort"
	"strings"
	"unicode"
)

// skeleton is the UTS #39 confusable skeleton of s, case-folded before and
// after, so "ΜеtаМаsk", "metamask" and "rnetamask"'s look-alike cousins
// compare by how they look: "1edger" and "ledger" share a skeleton.
// Combining marks are dropped after the mapping (ť, ė, ĺ read as t, e, l):
// UTS #39 keeps them, but a brand with an accent is still the brand to a
// reader.
func skeleton(s string) string {
	sk := uts39Skeleton(strings.ToLower(s))
	return strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, sk))
}

// skeletons maps skeleton over a list.
func skeletons(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = skeleton(x)
	}
	return out
}

// splitTokens cuts a label into its word-like parts at dashes, underscores,
// dots and digits: "imtoken-5g" → [imtoken g], "support---protocol" →
// [support protocol].
func splitTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '-' || r == '_' || r == '.' || unicode.IsDigit(r) || unicode.IsSpace(r)
	})
}

// runs joins every run of up to four adjacent tokens ("trust", "wallet" →
// "trustwallet"), so a brand split by dashes is still seen.
func runs(tokens []string) []string {
	var out []string
	for i := range tokens {
		s := ""
		for j := i; j < len(tokens) && j < i+4; j++ {
			s += tokens[j]
			out = append(out, s)
		}
	}
	return out
}

// findBrand looks for one of brands in runs: the run is the token, or
// starts or ends with it (for tokens of four letters or more, and for short
// ones when the rest is a lure word), unless the run contains one of the
// exceptions (claimtoken, powerledger, phantombuster…).
func findBrand(brands, exceptions, rs []string, lure map[string]bool) (token, in string, ok bool) {
	for _, r := range rs {
		if containsAny(r, exceptions) {
			continue
		}
		for _, b := range brands {
			if r == b {
				return b, r, true
			}
			var rest string
			switch {
			case strings.HasPrefix(r, b):
				rest = r[len(b):]
			case strings.HasSuffix(r, b):
				rest = r[:len(r)-len(b)]
			default:
				continue
			}
			if len(b) >= 4 || lure[rest] {
				return b, r, true
			}
		}
	}
	return "", "", false
}

func containsAny(s string, subs []string) bool {
	for _, e := range subs {
		if strings.Contains(s, e) {
			return true
		}
	}
	return false
}

// typoLimit is how many edits a brand token tolerates: none below seven
// letters (okx, bitget, ledger are words or too short; see findTypo), one for 7–9
// letters (imtoken, metamask, phantom, tronlink), two from ten (trustwallet,
// tokenpocket). MetaMask had to cut its own tolerance from 3 to 1 because of
// false positives (reference/SUPPORT.md §3.1).
func typoLimit(token string) int {
	switch n := len(token); {
	case n >= 10:
		return 2
	case n >= 7:
		return 1
	}
	return 0
}

// findTypo looks for a run within the typo limit of a brand token. Short
// brand tokens (ledger, bitget) get no edit distance, only the two forms
// their vendors warn about: letters swapped with the next one ("legder")
// and ASCII letters that pass for others ("ledqer", "iedger").
func findTypo(w *Wallet, rs []string) (token, in string, ok bool) {
	for _, r := range rs {
		if containsAny(r, w.Exceptions) {
			continue
		}
		for _, b := range w.BrandTokens {
			if r == b {
				continue
			}
			limit := typoLimit(b)
			if limit == 0 {
				if fr, fb := asciiFold(r), asciiFold(b); len(b) >= 5 && (swapped(r, b) || fr == fb || swapped(fr, fb)) {
					return b, r, true
				}
				continue
			}
			if abs(len(r)-len(b)) > limit {
				continue
			}
			if d := editDistance(r, b, limit); d > 0 && d <= limit {
				return b, r, true
			}
		}
	}
	return "", "", false
}

// swapped reports whether a is b with one pair of neighbouring letters
// exchanged.
func swapped(a, b string) bool {
	if len(a) != len(b) || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// asciiFold maps ASCII letters and digits that read alike to one form (q
// and g, i and l and 1, 0 and o, rn and m, vv and w), the look-alikes that
// stay inside ASCII and so outside the Unicode skeleton.
func asciiFold(s string) string {
	return strings.NewReplacer("rn", "m", "vv", "w", "q", "g", "i", "l", "1", "l", "0", "o").Replace(s)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the optimal-string-alignment distance (Damerau–
// Levenshtein with adjacent transpositions) between a and b, by rune,
// stopping early once every path exceeds limit (it then returns limit+1).
func editDistance(a, b string, limit int) int {
	x, y := []rune(a), []rune(b)
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}

// lureIn returns the first lure word among tokens.
func lureIn(tokens []string, lure map[string]bool) string {
	for _, t := range tokens {
		if lure[t] {
			return t
		}
	}
	return ""
}

// sortedWords lists a set's words in a stable order.
func sortedWords(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for w := range m {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// lureInRun returns the lure word a run adds to a brand token
// ("imtokensupport" → "support").
func lureInRun(run, brand string, lure map[string]bool) string {
	rest := strings.TrimPrefix(run, brand)
	if rest == run {
		rest = strings.TrimSuffix(run, brand)
	}
	if lure[rest] {
		return rest
	}
	return ""
}
