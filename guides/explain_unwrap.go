package guides

import (
	"encoding/hex"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// layer is one message found in a pasted error; depth counts how far it
// sits inside wrappers (0 is the whole text). The innermost message is
// usually the real cause: "Internal JSON-RPC error" wraps "execution
// reverted: …", ethers' "processing response error" wraps the node's body.
type layer struct {
	text  string
	depth int
}

// unwrapped is what unwrap found: the layers, outermost first, and the
// error codes given in structured fields ("code": 4001, code=ACTION_REJECTED).
type unwrapped struct {
	layers []layer
	codes  []string
}

// Bounds on the work one pasted text may cause.
const (
	maxLayers     = 32
	maxUnwrapDeep = 8
)

// messageKeys are the JSON and key=value fields that hold a message.
func messageKeys() map[string]bool {
	return map[string]bool{"message": true, "reason": true, "shortmessage": true, "details": true,
		"error": true, "data": true, "body": true, "msg": true, "errormessage": true, "error_message": true,
		"errordetails": true, "resmessage": true, "description": true, "detail": true, "cause": true}
}

// codeKeys are the fields that hold an error code.
func codeKeys() map[string]bool {
	return map[string]bool{"code": true, "errorcode": true, "error_code": true, "status": true}
}

// unwrapper holds the state of one unwrap call.
type unwrapper struct {
	out      unwrapped
	msgKeys  map[string]bool
	codeKeys map[string]bool
	seen     map[string]bool
}

var (
	reStackLine = regexp.MustCompile(`(?m)^\s*(?:at\s+\S.*[:(].*\d.*|File ".*", line \d+.*|#\d+ \S.*|goroutine \d+.*|\S+\.go:\d+.*|\.\.\. \d+ (?:more|common frames omitted).*)$`)
	reKeyValue  = regexp.MustCompile(`\b(reason|message|body|error|data|shortMessage|details)=("(?:[^"\\]|\\.)*")`)
	reLooseMsg  = regexp.MustCompile(`(?i)\b(message|reason|shortMessage|details|error)["']?\s*[:=]\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')`)
	reLooseCode = regexp.MustCompile(`(?i)\bcode["']?\s*[:=]\s*['"]?(-?\d{1,6}|[A-Z][A-Z_]{2,40})\b`)
	reLineLabel = regexp.MustCompile(`(?mi)^\s*(?:Details|Caused by|Reason|原因|错误信息|详情)\s*[:：]\s*(.+)$`)
	reHexRun    = regexp.MustCompile(`\b(?:0x)?([0-9a-fA-F]{16,})\b`)
)

// unwrap finds the messages nested in a pasted error: JSON objects (also
// inside JSON strings), ethers' key="value" pairs, viem's "Details:" and
// Java's "Caused by:" lines, and hex-encoded messages (TRON answers), with
// stack-trace lines dropped. It never fails: text it cannot read is just
// the outer layer.
func unwrap(s string) unwrapped {
	u := &unwrapper{msgKeys: messageKeys(), codeKeys: codeKeys(), seen: map[string]bool{}}
	root := s
	if strings.Contains(s, "\n") {
		root = reStackLine.ReplaceAllString(s, "")
	}
	root = strings.TrimSpace(root)
	u.add(root, 0)
	u.visit(root, 0)
	return u.out
}

func (u *unwrapper) add(text string, depth int) bool {
	text = strings.TrimSpace(text)
	if text == "" || len(u.out.layers) >= maxLayers || u.seen[text] {
		return false
	}
	u.seen[text] = true
	u.out.layers = append(u.out.layers, layer{text: text, depth: depth})
	return true
}

func (u *unwrapper) addCode(c string) {
	c = strings.TrimSpace(c)
	if c != "" && len(u.out.codes) < maxLayers {
		u.out.codes = append(u.out.codes, c)
	}
}

// visit looks for nested messages inside text found at depth.
func (u *unwrapper) visit(text string, depth int) {
	if depth >= maxUnwrapDeep || len(u.out.layers) >= maxLayers {
		return
	}
	for _, obj := range jsonObjects(text) {
		var v any
		if json.Unmarshal([]byte(obj), &v) == nil {
			u.walk(v, depth+1)
			continue
		}
		for _, m := range reLooseMsg.FindAllStringSubmatch(obj, 8) {
			msg := m[2] + m[3]
			if uq, err := strconv.Unquote(`"` + m[2] + `"`); err == nil && m[2] != "" {
				msg = uq
			}
			if u.add(msg, depth+1) {
				u.visit(msg, depth+1)
			}
		}
		for _, m := range reLooseCode.FindAllStringSubmatch(obj, 8) {
			u.addCode(m[1])
		}
	}
	if strings.Contains(text, `="`) {
		for _, m := range reKeyValue.FindAllStringSubmatch(text, 16) {
			v, err := strconv.Unquote(m[2])
			if err != nil {
				continue
			}
			if u.add(v, depth+1) {
				u.visit(v, depth+1)
			}
		}
	}
	if strings.ContainsAny(text, ":：") {
		for _, m := range reLineLabel.FindAllStringSubmatch(text, 8) {
			if u.add(m[1], depth+1) {
				u.visit(m[1], depth+1)
			}
		}
	}
	if hexRun(16)(strings.ToLower(text)) {
		for _, m := range reHexRun.FindAllStringSubmatch(text, 8) {
			if msg, ok := hexMessage(m[1]); ok && u.add(msg, depth+1) {
				u.visit(msg, depth+1)
			}
		}
	}
}

// walk reads a parsed JSON value: message fields become layers, code
// fields codes, nested objects go one level deeper.
func (u *unwrapper) walk(v any, depth int) {
	if depth > maxUnwrapDeep || len(u.out.layers) >= maxLayers {
		return
	}
	switch v := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(v) {
			x, key := v[k], strings.ToLower(k)
			switch x := x.(type) {
			case string:
				if u.codeKeys[key] {
					u.addCode(x)
				} else if u.msgKeys[key] && u.add(x, depth) {
					u.visit(x, depth)
				}
			case float64:
				if u.codeKeys[key] && x == float64(int64(x)) {
					u.addCode(strconv.FormatInt(int64(x), 10))
				}
			default:
				u.walk(x, depth+1)
			}
		}
	case []any:
		for _, x := range v {
			u.walk(x, depth)
		}
	}
}

// jsonObjects returns the outermost {…} spans of s, matched with quotes
// and escapes taken into account.
func jsonObjects(s string) []string {
	var out []string
	for i := 0; i < len(s) && len(out) < maxLayers; i++ {
		if s[i] != '{' {
			continue
		}
		end := matchBrace(s, i)
		if end < 0 {
			continue
		}
		out = append(out, s[i:end+1])
		i = end
	}
	return out
}

// matchBrace returns the index of the } closing the { at start, or -1.
func matchBrace(s string, start int) int {
	depth := 0
	var quote byte
	for i := start; i < len(s); i++ {
		c := s[i]
		if quote != 0 {
			switch c {
			case '\\':
				i++
			case quote:
				quote = 0
			}
			continue
		}
		switch c {
		case '"', '\'':
			quote = c
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// hexMessage decodes a hex run that spells readable text (TRON nodes send
// their messages hex-encoded).
func hexMessage(h string) (string, bool) {
	if len(h)%2 != 0 || len(h) > 4096 {
		return "", false
	}
	b, err := hex.DecodeString(h)
	if err != nil || !utf8.Valid(b) {
		return "", false
	}
	s := string(b)
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsPrint(r) || r == ' ':
		default:
			return "", false
		}
	}
	if letters*2 < utf8.RuneCountInString(s) || letters < 6 {
		return "", false
	}
	return s, true
}
