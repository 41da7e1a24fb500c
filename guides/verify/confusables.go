package verify

import (
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// uts39Skeleton is the UTS #39 skeleton of s: NFD, each code point mapped
// to its prototype from Unicode's confusables.txt, NFD again. The table is
// compact (sorted keys and one string) so that nothing is built at start.
func uts39Skeleton(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		i := sort.Search(len(confusableKeys), func(i int) bool { return confusableKeys[i] >= r })
		if i < len(confusableKeys) && confusableKeys[i] == r {
			start := 0
			if i > 0 {
				start = int(confusableEnds[i-1])
			}
			b.WriteString(confusableData[start:confusableEnds[i]])
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFD.String(b.String())
}
