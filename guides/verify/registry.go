package verify

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/idna"
	"gopkg.in/yaml.v3"

	"github.com/unstuck-dev/unstuck/guides"
)

//go:generate go test -run TestCompiled -update

// compiledGZ is channels/*.yaml and patterns.yaml parsed by LoadFS and
// written out as gzip-compressed JSON (a compiled value). The YAML stays
// the source of truth: TestCompiledRegistry rewrites this file with
// -update and fails when it no longer matches the YAML. Compressed it is
// a fifth of the YAML's size, and the release binary links no YAML parser.
//
//go:embed registry.json.gz
var compiledGZ []byte

// compiled is the registry as compiledGZ stores it: wallets in id order.
type compiled struct {
	Wallets  []*Wallet `json:"wallets"`
	Patterns Patterns  `json:"patterns"`
}

// maxCompiledSize bounds the decompressed compiled registry.
const maxCompiledSize = 8 << 20

// Grade says how a fact is known.
type Grade string

// Grades, strongest first.
const (
	GradeVendor    Grade = "vendor"    // the wallet's own domain, repository or app text
	GradeCurated   Grade = "curated"   // a human-checked third-party list (walletbeat)
	GradeSecondary Grade = "secondary" // a third party; shown with a caution
)

// Source is where a fact comes from and when it was read.
type Source struct {
	Ref       string `yaml:"ref"`
	Via       string `yaml:"via"`
	Retrieved string `yaml:"retrieved"`
	Grade     Grade  `yaml:"grade"`
}

// Channel kinds a registry entry may use.
const (
	KindDomain           = "domain"            // a registrable domain: it and every host under it
	KindHost             = "host"              // one exact host (shared platforms, single subdomains)
	KindURL              = "url"               // a host and a path prefix (github.com/org)
	KindHelp             = "help"              // the help centre's address
	KindEmail            = "email"             // an exact e-mail address
	KindInApp            = "in_app"            // a path inside the app
	KindX                = "x"                 // X (Twitter) handle
	KindTelegram         = "telegram"          // Telegram user or group name
	KindDiscord          = "discord"           // Discord invite code (case-sensitive)
	KindReddit           = "reddit"            // subreddit
	KindYouTube          = "youtube"           // YouTube handle
	KindInstagram        = "instagram"         // Instagram account
	KindFacebook         = "facebook"          // Facebook page
	KindMedium           = "medium"            // Medium account
	KindFarcaster        = "farcaster"         // Farcaster account
	KindWeChat           = "wechat"            // WeChat official account name
	KindAndroidPackage   = "android_package"   // Android application id
	KindAndroidDeveloper = "android_developer" // Google Play developer name
	KindIOSDeveloper     = "ios_developer"     // App Store developer name
	KindIOSAppID         = "ios_app_id"        // App Store id
	KindChromeExtension  = "chrome_extension"  // Chrome Web Store extension id
	KindGPGKey           = "gpg_key"           // fingerprint of the key that signs releases
	KindAPKCheck         = "apk_check"         // the vendor's page for checking an APK
	KindVerifyTool       = "verify_tool"       // the vendor's own contact-verification tool
	KindAppName          = "app_name"          // the app's exact name
)

// socialKinds are the channel kinds that hold an account name.
func socialKinds() []string {
	return []string{KindX, KindTelegram, KindDiscord, KindReddit, KindYouTube, KindInstagram,
		KindFacebook, KindMedium, KindFarcaster, KindWeChat}
}

// knownKinds lists every channel kind and the kinds "unknown" may name.
func knownKinds() map[string]bool {
	m := map[string]bool{"phone": true, "weibo": true}
	for _, k := range append(socialKinds(), KindDomain, KindHost, KindURL, KindHelp, KindEmail, KindInApp,
		KindAndroidPackage, KindAndroidDeveloper, KindIOSDeveloper, KindIOSAppID, KindChromeExtension,
		KindGPGKey, KindAPKCheck, KindVerifyTool, KindAppName) {
		m[k] = true
	}
	return m
}

// Channel is one official channel.
type Channel struct {
	Kind   string      `yaml:"kind"`
	Value  string      `yaml:"value"`
	Note   guides.Text `yaml:"note"`
	Source Source      `yaml:"source"`
}

// Statement is the vendor's own words on its support model. Original says
// which language the vendor wrote (en, zh or both); the other is unstuck's
// translation.
type Statement struct {
	Original string      `yaml:"original"`
	En       string      `yaml:"en"`
	Zh       string      `yaml:"zh"`
	Note     guides.Text `yaml:"note"`
	Source   Source      `yaml:"source"`
}

// Text is the statement in both languages.
func (s Statement) Text() guides.Text { return guides.Text{En: s.En, Zh: s.Zh} }

// Phone support, as far as the sources say.
const (
	PhoneNone    = "none"    // the vendor has no phone support
	PhoneYes     = "yes"     // the vendor runs phone support (only on its own contact page)
	PhoneUnknown = "unknown" // no source either way
)

// Wallet is one wallet's registry record.
type Wallet struct {
	ID          string      `yaml:"id"`
	Name        string      `yaml:"name"`
	Names       []string    `yaml:"names"`
	BrandTokens []string    `yaml:"brand_tokens"`
	Exceptions  []string    `yaml:"brand_token_exceptions"`
	Phone       string      `yaml:"phone"`
	PhoneSource Source      `yaml:"phone_source"`
	PhoneNote   guides.Text `yaml:"phone_note"`
	NoEmail     guides.Text `yaml:"no_email"`
	Channels    []Channel   `yaml:"channels"`
	Fakes       []Channel   `yaml:"fakes"`
	Unknown     []string    `yaml:"unknown"`
	Statements  []Statement `yaml:"statements"`
}

// Of lists the wallet's channels of one kind.
func (w *Wallet) Of(kind string) []Channel {
	var out []Channel
	for _, c := range w.Channels {
		if c.Kind == kind {
			out = append(out, c)
		}
	}
	return out
}

// IsUnknown reports whether the registry records that no source names a
// channel of this kind.
func (w *Wallet) IsUnknown(kind string) bool {
	for _, k := range w.Unknown {
		if k == kind {
			return true
		}
	}
	return false
}

// Official lists the wallet's channels as a user would type or look for
// them: domains and addresses as written, accounts as links.
func (w *Wallet) Official() []string {
	out := make([]string, 0, len(w.Channels))
	for _, c := range w.Channels {
		out = append(out, c.Display())
	}
	return out
}

// Display is the channel as one line: a link for accounts, the value for
// domains and addresses, a labelled value for app identifiers.
func (c Channel) Display() string {
	switch c.Kind {
	case KindX:
		return "x.com/" + c.Value
	case KindTelegram:
		return "t.me/" + c.Value
	case KindDiscord:
		return "discord.com/invite/" + c.Value
	case KindReddit:
		return "reddit.com/r/" + c.Value
	case KindYouTube:
		return "youtube.com/@" + c.Value
	case KindInstagram:
		return "instagram.com/" + c.Value
	case KindFacebook:
		return "facebook.com/" + c.Value
	case KindMedium:
		return "medium.com/@" + c.Value
	case KindFarcaster:
		return "farcaster.xyz/" + c.Value
	case KindDomain, KindHost, KindURL, KindHelp, KindEmail, KindAPKCheck, KindVerifyTool:
		return c.Value
	}
	return c.Kind + ": " + c.Value
}

// DisplayIn is Display with app identifiers labelled in lang.
func (c Channel) DisplayIn(lang guides.Lang) string {
	d := c.Display()
	if p := c.Kind + ": "; strings.HasPrefix(d, p) {
		sep := ": "
		if lang == guides.Zh {
			sep = "："
		}
		return KindName(c.Kind, lang) + sep + c.Value
	}
	return d
}

// Patterns are the non-channel data the rules use.
type Patterns struct {
	FreeMail  []string            `yaml:"free_mail"`
	FreeHosts []string            `yaml:"free_hosts"`
	LureWords []string            `yaml:"lure_words"`
	Scripts   map[string][]string `yaml:"scripts"`
}

// Script groups, in the order they are reported.
const (
	ScriptPhrase  = "phrase"
	ScriptFix     = "fix"
	ScriptContact = "contact"
	ScriptFreeze  = "freeze"
)

func scriptGroups() []string { return []string{ScriptPhrase, ScriptFix, ScriptContact, ScriptFreeze} }

// Registry is every wallet and the patterns, parsed and checked. It is
// read-only after Load.
type Registry struct {
	wallets  []*Wallet
	patterns Patterns
}

// Wallets lists the wallets in id order.
func (r *Registry) Wallets() []*Wallet { return append([]*Wallet(nil), r.wallets...) }

// Wallet finds a wallet by id, name or any alias, ignoring case, spaces,
// dashes and underscores ("TP钱包", "trust-wallet", "IM钱包").
func (r *Registry) Wallet(name string) (*Wallet, bool) {
	key := nameKey(name)
	if key == "" {
		return nil, false
	}
	for _, w := range r.wallets {
		for _, n := range append([]string{w.ID, w.Name}, w.Names...) {
			if nameKey(n) == key {
				return w, true
			}
		}
	}
	return nil, false
}

func nameKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '\t', '\u3000':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// maxFileSize bounds one data file.
const maxFileSize = 1 << 20

// Load reads and checks the embedded registry (see compiledGZ).
func Load() (*Registry, error) {
	var c compiled
	if err := decodeCompiled(compiledGZ, &c); err != nil {
		return nil, fmt.Errorf("verify registry: %w", err)
	}
	for _, w := range c.Wallets {
		if w == nil {
			return nil, errors.New("verify registry: empty wallet record")
		}
	}
	r := &Registry{wallets: c.Wallets, patterns: c.Patterns}
	if problems := r.check(); len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	return r, nil
}

// decodeCompiled decompresses gz (at most maxCompiledSize bytes) and
// decodes the JSON in it into v.
func decodeCompiled(gz []byte, v any) error {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return err
	}
	data, err := io.ReadAll(io.LimitReader(zr, maxCompiledSize+1))
	if err != nil {
		return err
	}
	if len(data) > maxCompiledSize {
		return fmt.Errorf("more than %d bytes decompressed", maxCompiledSize)
	}
	return json.Unmarshal(data, v)
}

// LoadFS parses channels/*.yaml and patterns.yaml from fsys and checks
// them. It returns every problem found, joined.
func LoadFS(fsys fs.FS) (*Registry, error) {
	names, err := fs.Glob(fsys, "channels/*.yaml")
	if err != nil || len(names) == 0 {
		return nil, errors.New("verify registry: no channels/*.yaml files")
	}
	r := &Registry{}
	var problems []error
	for _, name := range names {
		var w Wallet
		if err := decodeFile(fsys, name, &w); err != nil {
			problems = append(problems, fmt.Errorf("%s: %w", path.Base(name), err))
			continue
		}
		r.wallets = append(r.wallets, &w)
	}
	if err := decodeFile(fsys, "patterns.yaml", &r.patterns); err != nil {
		problems = append(problems, fmt.Errorf("patterns.yaml: %w", err))
	}
	if len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	sort.Slice(r.wallets, func(i, j int) bool { return r.wallets[i].ID < r.wallets[j].ID })
	if problems = r.check(); len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	return r, nil
}

// decodeFile decodes one YAML file strictly (unknown fields are errors). It
// never panics, whatever the bytes.
func decodeFile(fsys fs.FS, name string, v any) (err error) {
	defer func() {
		if rec := recover(); rec != nil {
			err = fmt.Errorf("yaml decoder failed: %v", rec)
		}
	}()
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return err
	}
	if len(data) > maxFileSize {
		return fmt.Errorf("larger than %d bytes", maxFileSize)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("parse yaml: %w", err)
	}
	return nil
}

var (
	datePattern   = regexp.MustCompile(`^20\d\d-[01]\d-[0-3]\d$`)
	idPattern     = regexp.MustCompile(`^[a-z0-9]+$`)
	tokenPattern  = regexp.MustCompile(`^[a-z0-9]+$`)
	handlePattern = regexp.MustCompile(`^[A-Za-z0-9_.\-]+$`)
)

// check validates every record: ids, names, sources with dates and
// grades, channel kinds and shapes, both languages in every text, and no
// value claimed by two wallets.
func (r *Registry) check() []error {
	var out []error
	bad := func(w *Wallet, format string, args ...any) {
		out = append(out, fmt.Errorf("%s: %s", w.ID, fmt.Sprintf(format, args...)))
	}
	kinds := knownKinds()
	owner := map[string]string{}
	seen := map[string]bool{}
	for _, w := range r.wallets {
		if !idPattern.MatchString(w.ID) || seen[w.ID] {
			bad(w, "id must be unique lower-case letters and digits")
		}
		seen[w.ID] = true
		if w.Name == "" || len(w.Names) == 0 {
			bad(w, "needs a name and aliases")
		}
		if !hasHanIn(w.Names) {
			bad(w, "needs a Chinese alias among names")
		}
		if len(w.BrandTokens) == 0 {
			bad(w, "needs brand tokens")
		}
		for _, t := range append(append([]string{}, w.BrandTokens...), w.Exceptions...) {
			if !tokenPattern.MatchString(t) {
				bad(w, "brand token or exception %q must be lower-case ASCII letters and digits", t)
			}
		}
		switch w.Phone {
		case PhoneNone, PhoneYes, PhoneUnknown:
		default:
			bad(w, "phone must be none, yes or unknown")
		}
		out = append(out, checkSource(w.ID+" phone", w.PhoneSource)...)
		out = append(out, checkText(w.ID+" phone_note", w.PhoneNote, true)...)
		out = append(out, checkText(w.ID+" no_email", w.NoEmail, false)...)
		if len(w.Of(KindDomain))+len(w.Of(KindHost)) == 0 {
			bad(w, "needs at least one official domain or host")
		}
		for _, c := range append(append([]Channel{}, w.Channels...), w.Fakes...) {
			where := w.ID + " " + c.Kind + " " + c.Value
			if !kinds[c.Kind] || c.Kind == "phone" {
				bad(w, "channel kind %q is unknown", c.Kind)
			}
			out = append(out, checkSource(where, c.Source)...)
			out = append(out, checkText(where+" note", c.Note, false)...)
			if err := checkValue(c); err != nil {
				bad(w, "%s %q: %v", c.Kind, c.Value, err)
			}
		}
		for _, c := range w.Channels {
			key := c.Kind + "|" + strings.ToLower(c.Value)
			if prev, dup := owner[key]; dup {
				bad(w, "%s %q is also listed for %s", c.Kind, c.Value, prev)
			}
			owner[key] = w.ID
			if w.IsUnknown(c.Kind) {
				bad(w, "%s is both listed and marked unknown", c.Kind)
			}
		}
		for _, k := range w.Unknown {
			if !kinds[k] {
				bad(w, "unknown names kind %q, which does not exist", k)
			}
		}
		for i, s := range w.Statements {
			where := fmt.Sprintf("%s statement %d", w.ID, i+1)
			if s.Original != "en" && s.Original != "zh" && s.Original != "both" {
				bad(w, "statement %d: original must be en, zh or both", i+1)
			}
			out = append(out, checkText(where, s.Text(), true)...)
			out = append(out, checkText(where+" note", s.Note, false)...)
			out = append(out, checkSource(where, s.Source)...)
		}
	}
	if len(r.patterns.FreeMail) == 0 || len(r.patterns.LureWords) == 0 {
		out = append(out, errors.New("patterns: free_mail and lure_words must not be empty"))
	}
	for _, g := range scriptGroups() {
		if len(r.patterns.Scripts[g]) == 0 {
			out = append(out, fmt.Errorf("patterns: script group %q is empty", g))
		}
	}
	if len(r.patterns.Scripts) != len(scriptGroups()) {
		out = append(out, errors.New("patterns: scripts has a group the rules do not know"))
	}
	return out
}

func checkSource(where string, s Source) []error {
	var out []error
	if strings.TrimSpace(s.Ref) == "" || strings.TrimSpace(s.Via) == "" {
		out = append(out, fmt.Errorf("%s: source needs ref and via", where))
	}
	if !datePattern.MatchString(s.Retrieved) {
		out = append(out, fmt.Errorf("%s: source needs a retrieved date (YYYY-MM-DD), got %q", where, s.Retrieved))
	}
	switch s.Grade {
	case GradeVendor, GradeCurated, GradeSecondary:
	default:
		out = append(out, fmt.Errorf("%s: grade must be vendor, curated or secondary", where))
	}
	return out
}

// checkText requires both languages (when required or when either is set),
// Chinese in the zh text and none in the en text.
func checkText(where string, t guides.Text, required bool) []error {
	if !required && t.En == "" && t.Zh == "" {
		return nil
	}
	switch {
	case strings.TrimSpace(t.En) == "" || strings.TrimSpace(t.Zh) == "":
		return []error{fmt.Errorf("%s: needs both en and zh", where)}
	case !hasHan(t.Zh):
		return []error{fmt.Errorf("%s: zh has no Chinese", where)}
	}
	return nil
}

// checkValue checks a channel value's shape for its kind.
func checkValue(c Channel) error {
	v := c.Value
	switch c.Kind {
	case KindDomain, KindHost:
		a, err := idna.Lookup.ToASCII(v)
		if err != nil || a != v || !strings.Contains(v, ".") {
			return errors.New("must be a lower-case ASCII host name")
		}
	case KindURL:
		if strings.Contains(v, "://") || !strings.Contains(v, "/") {
			return errors.New("must be host/path without a scheme")
		}
	case KindHelp, KindAPKCheck, KindVerifyTool:
		if !strings.HasPrefix(v, "https://") {
			return errors.New("must be an https:// address")
		}
	case KindEmail:
		if _, ok := parseEmail(v); !ok {
			return errors.New("must be an e-mail address")
		}
	case KindChromeExtension:
		if !isExtensionID(v) {
			return errors.New("must be 32 letters a–p")
		}
	case KindX, KindTelegram, KindDiscord, KindReddit, KindYouTube, KindInstagram, KindFacebook,
		KindMedium, KindFarcaster, KindWeChat, KindAndroidPackage, KindIOSAppID, KindGPGKey:
		if !handlePattern.MatchString(v) {
			return errors.New("must be letters, digits, _ . -")
		}
	}
	if strings.TrimSpace(v) == "" {
		return errors.New("empty value")
	}
	return nil
}

func hasHanIn(xs []string) bool {
	for _, x := range xs {
		if hasHan(x) {
			return true
		}
	}
	return false
}
