package main

import (
	"archive/tar"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// tarball is the text of some files of one npm package tarball.
type tarball struct {
	name, version string // from package/package.json
	files         map[string]string
}

// readTarball reads the named files (paths inside package/) of an npm
// tarball; a missing file is an error.
func readTarball(path string, want ...string) (tarball, error) {
	f, err := os.Open(path)
	if err != nil {
		return tarball{}, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return tarball{}, fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(zr)
	need := map[string]bool{"package.json": true}
	for _, w := range want {
		need[w] = true
	}
	tb := tarball{files: map[string]string{}}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return tarball{}, fmt.Errorf("%s: %w", path, err)
		}
		name := strings.TrimPrefix(h.Name, "package/")
		if !need[name] {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(tr, 64<<20))
		if err != nil {
			return tarball{}, fmt.Errorf("%s: %s: %w", path, name, err)
		}
		tb.files[name] = string(data)
	}
	for n := range need {
		if _, ok := tb.files[n]; !ok {
			return tarball{}, fmt.Errorf("%s: no file package/%s", path, n)
		}
	}
	m := regexp.MustCompile(`"name":\s*"([^"]+)"`).FindStringSubmatch(tb.files["package.json"])
	v := regexp.MustCompile(`"version":\s*"([^"]+)"`).FindStringSubmatch(tb.files["package.json"])
	if m == nil || v == nil {
		return tarball{}, fmt.Errorf("%s: package.json has no name or version", path)
	}
	tb.name, tb.version = m[1], v[1]
	return tb, nil
}

// findTarball finds the one tarball in dir whose file name starts with prefix.
func findTarball(dir, prefix string) (string, error) {
	matches, err := filepath.Glob(filepath.Join(dir, prefix+"*.tgz"))
	if err != nil {
		return "", err
	}
	if len(matches) != 1 {
		return "", fmt.Errorf("want one %s*.tgz in %s (npm pack it there), found %d", prefix, dir, len(matches))
	}
	return matches[0], nil
}

func (tb tarball) src(file, id string) string {
	s := "npm " + tb.name + "@" + tb.version + " " + file
	if id != "" {
		s += " " + id
	}
	return s
}

// wcErrorTable matches one entry of WalletConnect's SDK_ERRORS and
// INTERNAL_ERRORS tables in the built bundle: NAME:{message:"…",code:5e3}.
var wcErrorTable = regexp.MustCompile(`\b([A-Z][A-Z_]+):\{message:"([^"]+)",code:([0-9]+(?:e[0-9]+)?)\}`)

// walletConnectErrors reads the SDK error tables from @walletconnect/utils.
func walletConnectErrors(tb tarball, file, licence string, routes map[string]string) ([]Entry, error) {
	found := map[string]bool{}
	var out []Entry
	for _, m := range wcErrorTable.FindAllStringSubmatch(tb.files[file], -1) {
		name, msg := m[1], m[2]
		guide, ok := routes[name]
		if !ok || found[name] {
			continue
		}
		found[name] = true
		code, err := strconv.ParseFloat(m[3], 64)
		if err != nil {
			return nil, fmt.Errorf("%s: code %q: %w", name, m[3], err)
		}
		src := tb.src(file, name)
		out = append(out, phrases(guide, "en", msg, src, licence)...)
		if code >= 1000 { // small codes (1–9) are too common as plain numbers
			out = append(out, Entry{Guide: guide, Kind: "code", Lang: "any", Key: strconv.Itoa(int(code)), Source: src, Licence: licence})
		}
	}
	return out, missing("WalletConnect error", routes, found)
}

// textRoutes checks that each routed text occurs in file and makes it an
// entry: for messages a bundle builds at run time, where no table exists.
func textRoutes(tb tarball, file, licence string, routes map[string]string) ([]Entry, error) {
	var out []Entry
	for text, guide := range routes {
		if !strings.Contains(tb.files[file], text) {
			return nil, fmt.Errorf("%s: text %q not found", tb.src(file, ""), text)
		}
		out = append(out, phrases(guide, "en", text, tb.src(file, ""), licence)...)
	}
	return out, nil
}

// ethersError matches ethers' error constructors: v6 makeError("msg",
// "CODE") and v5 throwError("msg", Logger.errors.CODE).
var ethersError = regexp.MustCompile("(?:makeError|assert\\([^;]{0,80}?|throwError)\\(?\\s*[\"`]([^\"`]{4,160})[\"`],\\s*(?:Logger\\.errors\\.|\")([A-Z_]+)")

// ethersErrors reads ethers' messages and error codes. byCode routes every
// message of a code; byMessage routes single messages of noisier codes.
func ethersErrors(tb tarball, files []string, licence string, byCode, byMessage map[string]string) ([]Entry, error) {
	var out []Entry
	foundCode, foundMsg := map[string]bool{}, map[string]bool{}
	for _, file := range files {
		for _, m := range ethersError.FindAllStringSubmatch(tb.files[file], -1) {
			msg, code := m[1], m[2]
			if _, ok := byMessage[msg]; ok {
				foundMsg[msg] = true
			}
			guide, ok := byCode[code]
			if !ok {
				guide, ok = byMessage[msg]
				if !ok {
					continue
				}
			}
			src := tb.src(file, code)
			if !foundCode[code] {
				if g, ok := byCode[code]; ok {
					out = append(out, Entry{Guide: g, Kind: "code", Lang: "any", Key: code, Source: src, Licence: licence})
				}
			}
			foundCode[code] = true
			out = append(out, phrases(guide, "en", msg, src, licence)...)
		}
	}
	if err := missing("ethers code", byCode, foundCode); err != nil {
		return nil, fmt.Errorf("%s: %w", tb.name, err)
	}
	if err := missing("ethers message", byMessage, foundMsg); err != nil {
		return nil, fmt.Errorf("%s: %w", tb.name, err)
	}
	return out, nil
}

// viemClass matches one error class of viem's built ESM files with the
// message it passes to super and, after it, its static code or nodeMessage.
var (
	viemClass       = regexp.MustCompile(`export class ([A-Za-z]+Error) extends [A-Za-z]+ \{`)
	viemShort       = regexp.MustCompile(`shortMessage: '([^']+)'`)
	viemSuper       = regexp.MustCompile("super\\('([^']+)'|super\\(`([^`]+)`")
	viemCode        = regexp.MustCompile(`defineProperty\(([A-Za-z]+Error), "code", \{[^}]*value: (-?[0-9]+)`)
	viemNodeMessage = regexp.MustCompile(`defineProperty\(([A-Za-z]+Error), "nodeMessage", \{[^}]*value: /(.+)/\n`)
)

// viemErrors reads viem's error classes: the short message, the EIP-1193
// or JSON-RPC code, and the node messages each class recognises.
func viemErrors(tb tarball, files []string, licence string, routes map[string]string) ([]Entry, error) {
	var out []Entry
	found := map[string]bool{}
	for _, file := range files {
		text := tb.files[file]
		locs := viemClass.FindAllStringSubmatchIndex(text, -1)
		for i, loc := range locs {
			name := text[loc[2]:loc[3]]
			guide, ok := routes[name]
			if !ok {
				continue
			}
			found[name] = true
			end := len(text)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			body := text[loc[0]:end]
			src := tb.src(file, name)
			if m := viemShort.FindStringSubmatch(body); m != nil {
				out = append(out, phrases(guide, "en", m[1], src, licence)...)
			} else if m := viemSuper.FindStringSubmatch(body); m != nil {
				out = append(out, phrases(guide, "en", m[1]+m[2], src, licence)...)
			}
			if m := viemCode.FindStringSubmatch(body); m != nil && m[1] == name {
				if n, _ := strconv.Atoi(strings.TrimPrefix(m[2], "-")); n >= 1000 {
					out = append(out, Entry{Guide: guide, Kind: "code", Lang: "any", Key: m[2], Source: src, Licence: licence})
				}
			}
			if m := viemNodeMessage.FindStringSubmatch(body); m != nil && m[1] == name {
				for _, alt := range strings.Split(m[2], "|") {
					alt = strings.NewReplacer(`\^`, "^", `\(`, "(", `\)`, ")", `\.`, ".", `\*`, "*", `\+`, "+").Replace(alt)
					if strings.ContainsAny(alt, `\[]?{}`) {
						continue // a real pattern, not a plain message
					}
					out = append(out, phrases(guide, "en", alt, src+" nodeMessage", licence)...)
				}
			}
		}
	}
	return out, missing("viem class", routes, found)
}

// missing reports routes whose identifier the source did not have.
func missing(what string, routes map[string]string, found map[string]bool) error {
	var gone []string
	for k := range routes {
		if !found[k] {
			gone = append(gone, k)
		}
	}
	if len(gone) > 0 {
		return fmt.Errorf("%s not found in the source: %s", what, strings.Join(gone, ", "))
	}
	return nil
}
