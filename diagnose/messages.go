package diagnose

import "strings"

// message is a finding's title and detail in one language. Placeholders
// {name} are filled from the finding's data.
type message struct{ title, detail string }

// catalog returns the words for a finding in a language ("en" or "zh"),
// by code and variant. These are facts with numbers; what to do about them
// lives in the guides.
func catalog(lang string, key string) (message, bool) {
	for _, m := range catalogues(lang) {
		if msg, ok := m[key]; ok {
			return msg, true
		}
	}
	return message{}, false
}

// catalogues are the message tables of a language: the shared and EVM one
// first, then one per other family (messages_<family>_<lang>.go).
func catalogues(lang string) []map[string]message {
	if lang == "zh" {
		return []map[string]message{messagesZH(), messagesEndpointZH(), messagesTronZH(), messagesBitcoinZH()}
	}
	return []map[string]message{messagesEN(), messagesEndpointEN(), messagesTronEN(), messagesBitcoinEN()}
}

// render fills a finding's title and detail in a language.
func render(lang string, code Code, data map[string]string) (string, string) {
	key := string(code)
	if v := data["variant"]; v != "" {
		if _, ok := catalog(lang, key+"/"+v); ok {
			key += "/" + v
		}
	}
	msg, ok := catalog(lang, key)
	if !ok {
		msg, _ = catalog("en", key)
	}
	return fill(msg.title, data), fill(msg.detail, data)
}

// Localize rewrites the findings' titles and details in lang ("en", "zh").
func Localize(rep *Report, lang string) { LocalizeFindings(rep.Findings, lang) }

// fill replaces {name} with data[name] (sanitized), or "?" when missing; a
// missing {name_zh} falls back to data[name].
func fill(s string, data map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		name := s[i+1 : i+j]
		v := data[name]
		if base, ok := strings.CutSuffix(name, "_zh"); ok && v == "" {
			v = data[base] // a value with no Chinese form (node text) is shown as written
		}
		if v == "" {
			v = "?"
		}
		b.WriteString(Sanitize(v))
		s = s[i+j+1:]
	}
	return strings.TrimSpace(b.String())
}

// LocalizeFindings rewrites findings' titles and details in lang.
func LocalizeFindings(fs []Finding, lang string) {
	for i := range fs {
		fs[i].Title, fs[i].Detail = render(lang, fs[i].Code, fs[i].Data)
	}
}
