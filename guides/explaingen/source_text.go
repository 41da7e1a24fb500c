package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// tronNames reads the backticked names listed in TRON.md after marker up
// to the end of that paragraph: the contractRet enum and the broadcast codes.
func tronNames(doc, marker string) ([]string, error) {
	i := strings.Index(doc, marker)
	if i < 0 {
		return nil, fmt.Errorf("TRON.md: %q not found", marker)
	}
	para := doc[i+len(marker):]
	if j := strings.Index(para, "\n\n"); j >= 0 {
		para = para[:j]
	}
	var names []string
	for _, m := range regexp.MustCompile("`([A-Z_, ()a-z\\n]+)`").FindAllStringSubmatch(para, -1) {
		for _, n := range strings.Split(m[1], ",") {
			n = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(n), "(sic)"))
			if regexp.MustCompile(`^[A-Z][A-Z_]+$`).MatchString(n) {
				names = append(names, n)
			}
		}
	}
	return names, nil
}

// tronEntries routes TRON.md's code names and recorded messages.
func tronEntries(path string, codes map[string]string, messages map[string]string) ([]Entry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	doc := string(data)
	const licence = "java-tron LGPL-3.0; names and messages as recorded in shared/reference/TRON.md"
	found := map[string]bool{}
	var out []Entry
	for _, marker := range []string{"Its enum (Tron.proto `Transaction.Result.contractResult`):", "`code` is one of:"} {
		names, err := tronNames(doc, marker)
		if err != nil {
			return nil, err
		}
		what := "contractRet"
		if strings.HasPrefix(marker, "`code`") {
			what = "broadcast code"
		}
		for _, n := range names {
			guide, ok := codes[n]
			if !ok {
				continue
			}
			found[n] = true
			out = append(out, Entry{Guide: guide, Kind: "code", Lang: "any", Key: n,
				Source: "java-tron " + what + " via shared/reference/TRON.md", Licence: licence})
		}
	}
	if err := missing("TRON code", codes, found); err != nil {
		return nil, err
	}
	for msg, guide := range messages {
		if !strings.Contains(doc, msg) {
			return nil, fmt.Errorf("TRON.md: message %q not found", msg)
		}
		lang := "en"
		if hanCount(msg) > 0 {
			lang = "zh"
		}
		out = append(out, phrases(guide, lang, msg, "java-tron message recorded in shared/reference/TRON.md", licence)...)
	}
	return out, nil
}

var (
	coreFile   = regexp.MustCompile(`^# file: (\S+) (\S+) @([0-9a-f]{40})$`)
	coreReason = regexp.MustCompile(`(?:TxValidationResult::[A-Z_]+, |^\s*)"([a-zA-Z0-9 -]+)"`)
	corePrintf = regexp.MustCompile(`strprintf\("([^"]+)"`)
	coreRPC    = regexp.MustCompile(`^\s*(RPC_[A-Z_]+)\s*=\s*(-[0-9]+),`)
)

// excerptLine is one verbatim line of an excerpt file and the source its
// "# file: <repo> <path> @<commit>" header names.
type excerptLine struct{ src, text string }

// excerptLines reads an excerpt file: comments and blank lines dropped,
// every other line under the header it follows; a line before any header
// is an error.
func excerptLines(path string) ([]excerptLine, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []excerptLine
	src := ""
	for _, line := range strings.Split(string(data), "\n") {
		if m := coreFile.FindStringSubmatch(line); m != nil {
			src = m[1] + " " + m[2] + "@" + m[3][:12]
			continue
		}
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if src == "" {
			return nil, fmt.Errorf("%s: a line before any # file: header", path)
		}
		out = append(out, excerptLine{src: src, text: line})
	}
	return out, nil
}

// bitcoinCoreEntries reads the verbatim Bitcoin Core lines of the excerpt:
// reject reasons, their debug-message templates, and RPC error codes.
func bitcoinCoreEntries(path string, reasons, rpc map[string]string) ([]Entry, error) {
	lines, err := excerptLines(path)
	if err != nil {
		return nil, err
	}
	const licence = "Bitcoin Core MIT"
	var out []Entry
	found := map[string]bool{}
	for _, l := range lines {
		line, src := l.text, l.src
		if m := coreRPC.FindStringSubmatch(line); m != nil {
			if guide, ok := rpc[m[1]]; ok {
				found[m[1]] = true
				out = append(out, Entry{Guide: guide, Kind: "code", Lang: "any", Key: m[2], Source: src + " " + m[1], Licence: licence})
			}
			continue
		}
		if m := coreReason.FindStringSubmatch(line); m != nil {
			if guide, ok := reasons[m[1]]; ok {
				found[m[1]] = true
				out = append(out, Entry{Guide: guide, Kind: "phrase", Lang: "en", Key: m[1], Source: src, Licence: licence})
			}
		}
		if m := corePrintf.FindStringSubmatch(line); m != nil {
			if guide, ok := reasons[m[1]]; ok {
				found[m[1]] = true
				out = append(out, phrases(guide, "en", m[1], src, licence)...)
			}
		}
	}
	if err := missing("Bitcoin Core reason", reasons, found); err != nil {
		return nil, err
	}
	return out, missing("Bitcoin Core RPC code", rpc, found)
}

// localeExcerpt is a wallet's selected locale entries (excerpts/metamask.json,
// excerpts/tronlink.json).
type localeExcerpt struct {
	Repo    string `json:"repo"`
	Licence string `json:"licence"`
	Locales []struct {
		Lang     string            `json:"lang"`
		Path     string            `json:"path"`
		Commit   string            `json:"commit"`
		Messages map[string]string `json:"messages"`
	} `json:"locales"`
}

// localeEntries routes a wallet's message ids; every excerpted id must be
// routed, and every route must name an excerpted id.
func localeEntries(path string, routes map[string]string) ([]Entry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ex localeExcerpt
	if err := json.Unmarshal(data, &ex); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	found := map[string]bool{}
	var out []Entry
	for _, loc := range ex.Locales {
		for id, msg := range loc.Messages {
			guide, ok := routes[id]
			if !ok {
				return nil, fmt.Errorf("%s: message %s (%s) has no route", path, id, loc.Lang)
			}
			found[id] = true
			if len(loc.Commit) < 12 {
				return nil, fmt.Errorf("%s: locale %s has no commit", path, loc.Lang)
			}
			src := ex.Repo + " " + loc.Path + "@" + loc.Commit[:12] + " " + id
			out = append(out, phrases(guide, loc.Lang, msg, src, ex.Licence)...)
		}
	}
	return out, missing(path+" message", routes, found)
}

var javaMessage = regexp.MustCompile(`^\s*(?:throw new ContractValidateException\()?"([^"]+)"\);?$`)

// javaTronEntries reads the verbatim java-tron lines of the excerpt: the
// messages a node's validation throws.
func javaTronEntries(path string, routes map[string]string) ([]Entry, error) {
	lines, err := excerptLines(path)
	if err != nil {
		return nil, err
	}
	const licence = "java-tron LGPL-3.0"
	var out []Entry
	found := map[string]bool{}
	for _, l := range lines {
		line, src := l.text, l.src
		m := javaMessage.FindStringSubmatch(line)
		if m == nil {
			return nil, fmt.Errorf("%s: a line that is not a quoted message under a # file: header: %q", path, line)
		}
		if guide, ok := routes[m[1]]; ok {
			found[m[1]] = true
			out = append(out, phrases(guide, "en", m[1], src, licence)...)
		}
	}
	return out, missing("java-tron message", routes, found)
}
