package chains

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Lookup finds a network by what a user typed for it: an alias ("bsc",
// "matic"), its name in any case or spacing ("BNB Smart Chain"), a decimal
// chain id ("56") or a hex one ("0x38"). The error wraps ErrUnknownChain and
// says how to see the list.
func (r *Registry) Lookup(nameOrID string) (Chain, error) {
	s := strings.TrimSpace(nameOrID)
	if s == "" {
		return Chain{}, errors.New(`no network given; run "unstuck chains" to see the names unstuck knows`)
	}
	if id, ok, err := parseID(s); ok {
		if err != nil {
			return Chain{}, err
		}
		if c, found := r.ByID(id); found {
			return c, nil
		}
		return Chain{}, fmt.Errorf(`%w: no network with chain id %d is built in; run "unstuck chains" to see the list, or pass --rpc <url> for another network`, ErrUnknownChain, id)
	}
	key := normKey(s)
	if i, ok := r.byKey[key]; ok {
		return r.chains[i].clone(), nil
	}
	hint := ""
	if near := r.nearest(key); near != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", near)
	}
	return Chain{}, fmt.Errorf(`%w%s%s; run "unstuck chains" to see the names and ids unstuck knows`, ErrUnknownChain, quoteIfPlain(s), hint)
}

// parseID reads a decimal or 0x-hex chain id. ok is false when s is not
// shaped like a number at all (then it is a name).
func parseID(s string) (id uint64, ok bool, err error) {
	base, digits := 10, s
	if len(s) > 2 && (s[:2] == "0x" || s[:2] == "0X") {
		base, digits = 16, s[2:]
	}
	for _, c := range digits {
		isDec := c >= '0' && c <= '9'
		isHex := isDec || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
		if (base == 10 && !isDec) || (base == 16 && !isHex) {
			return 0, false, nil
		}
	}
	id, err = strconv.ParseUint(digits, base, 64)
	if err != nil || id == 0 {
		return 0, true, fmt.Errorf("%w: a chain id is a whole number from 1 to 18446744073709551615", ErrUnknownChain)
	}
	return id, true, nil
}

// quoteIfPlain echoes a short, plain network name back to the user. Anything
// longer or stranger is not repeated: a flag value can be a pasted secret.
func quoteIfPlain(s string) string {
	if utf8.RuneCountInString(s) > 24 {
		return ""
	}
	hex := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'f', r >= 'A' && r <= 'F':
			hex++
		case r >= 'g' && r <= 'z', r >= 'G' && r <= 'Z', r == ' ', r == '-', r == '_', r == '.':
		default:
			if r < 0x2E80 { // allow CJK names, refuse symbols and control runes
				return ""
			}
		}
	}
	if hex >= 16 {
		return ""
	}
	return fmt.Sprintf(" %q", s)
}

// nearest is the known name within two typos of key, when it belongs to a
// single network.
func (r *Registry) nearest(key string) string {
	if utf8.RuneCountInString(key) < 3 {
		return ""
	}
	found, foundID, best, tie := "", uint64(0), 3, false
	for _, c := range r.chains {
		for _, name := range append([]string{c.Name}, c.Aliases...) {
			switch d := distance(key, normKey(name)); {
			case d < best:
				found, foundID, best, tie = name, c.ID, d, false
			case d == best && c.ID != foundID:
				tie = true
			}
		}
	}
	if found == "" || tie {
		return ""
	}
	return strings.ToLower(found)
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
