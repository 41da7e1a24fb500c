package guides

import "strings"

// Lang is a content language.
type Lang string

// Languages every node is written in.
const (
	En Lang = "en"
	Zh Lang = "zh"
)

// Langs lists the content languages, English first.
func Langs() []Lang { return []Lang{En, Zh} }

// ParseLang maps a locale or language tag to a content language:
// "zh", "zh_CN.UTF-8", "zh-Hans", "ZH-cn" give Zh; anything else gives En.
func ParseLang(s string) Lang {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "zh" || strings.HasPrefix(s, "zh_") || strings.HasPrefix(s, "zh-") || strings.HasPrefix(s, "zh.") {
		return Zh
	}
	return En
}

// Text is one piece of content in both languages.
type Text struct {
	En string `yaml:"en"`
	Zh string `yaml:"zh"`
}

// Get returns the text in lang, falling back to English when the
// translation is empty (the validator makes that impossible for real content).
func (t Text) Get(lang Lang) string {
	if lang == Zh && t.Zh != "" {
		return t.Zh
	}
	return t.En
}

// Kind is what a node does.
type Kind string

// Node kinds.
const (
	KindQuestion Kind = "question"
	KindCheck    Kind = "check"
	KindAnswer   Kind = "answer"
)

// Checks a check node can name.
const (
	CheckTx       = "tx"       // diagnose a transaction hash
	CheckAccount  = "account"  // look at a public address on every chain
	CheckEndpoint = "endpoint" // test a user's custom RPC URL
	CheckExplain  = "explain"  // decode an error text the user pastes
	CheckVerify   = "verify"   // judge a support contact the user pastes (package guides/verify)
	CheckChannels = "channels" // pick a wallet and show its official channels
)

// VerifyStatuses are the verdicts of a verify check (the JSON contract of
// `unstuck verify`), in the order guides route on them.
func VerifyStatuses() []string {
	return []string{"official", "not_listed", "impersonation", "lookalike", "scam_pattern"}
}

// Statuses a non-tx check routes on. A tx check routes on every status in
// TxStatuses.
const (
	StatusOK      = "ok"       // account/endpoint check ran; no finding was routed
	StatusNoMatch = "no_match" // explain check: nothing in the text was recognised
)

// TxStatuses lists the statuses of a transaction report (the JSON contract
// of package diagnose), in the order guides route on them.
func TxStatuses() []string {
	return []string{"success", "failed", "pending", "replaced", "dropped", "not_found", "unknown"}
}

// CheckStatuses lists the statuses a check of the given name must route,
// or nil for an unknown check name.
func CheckStatuses(check string) []string {
	switch check {
	case CheckTx:
		return TxStatuses()
	case CheckAccount, CheckEndpoint:
		return []string{StatusOK, "unknown"}
	case CheckVerify:
		return VerifyStatuses()
	case CheckChannels:
		return []string{StatusOK}
	case CheckExplain:
		return []string{StatusNoMatch}
	}
	return nil
}

// FindingCodes lists every finding code the diagnosis engine can report
// (DESIGN.md and diagnose/report.go). Each needs an answer node.
func FindingCodes() []string {
	return []string{"underpriced", "low_tip", "nonce_gap", "replaced", "cancelled", "dropped",
		"reverted", "out_of_gas", "insufficient_funds", "wrong_chain", "sent_to_token_contract",
		"sent_to_contract", "token_transfer", "low_confirmations", "indexing", "state_unavailable",
		"delegated_account", "rpc_degraded", "not_found", "private_mempool", "waiting", "queued_behind",
		"state_changed_in_block",
		"out_of_energy", "fee_limit_hit", "account_activation", "expired", "blacklisted", "permission_changed",
		"below_min_relay", "rbf_available", "cpfp_available", "unconfirmed_parent", "expiring"}
}

// Tree is one decision tree.
type Tree struct {
	ID      string  `yaml:"id"`
	Title   Text    `yaml:"title"`
	Summary Text    `yaml:"summary"`
	Start   string  `yaml:"start"`
	Nodes   []*Node `yaml:"nodes"`

	file string // the file it came from, for messages
}

// Option is one choice of a question.
type Option struct {
	Label Text   `yaml:"label"`
	Next  string `yaml:"next"`
}

// Routes says where a check goes next. A finding route wins over the
// status route.
type Routes struct {
	Status   map[string]string `yaml:"status"`
	Findings map[string]string `yaml:"findings"`
}

// MatchRule is what the error decoder looks for in pasted text to pick an
// answer node: error codes (whole numbers, sign ignored, or named codes
// such as ACTION_REJECTED) and phrases (English or Chinese).
type MatchRule struct {
	Codes   []string `yaml:"codes"`
	Phrases []string `yaml:"phrases"`
	// Generic marks a catch-all node ("execution reverted"): a more
	// specific node that matches the same text ranks above it.
	Generic bool `yaml:"generic"`
}

// Node is one step of a tree. Which fields are set depends on Kind.
type Node struct {
	ID   string `yaml:"id"`
	Kind Kind   `yaml:"kind"`

	// Question.
	Text    Text     `yaml:"text"`
	Options []Option `yaml:"options"`

	// Check.
	Check  string `yaml:"check"`
	Prompt Text   `yaml:"prompt"`
	Routes Routes `yaml:"routes"`
	Skip   string `yaml:"skip"`

	// Answer.
	Title   Text       `yaml:"title"`
	Body    Text       `yaml:"body"`
	Action  Text       `yaml:"action"`
	Related []string   `yaml:"related"`
	Finding CodeList   `yaml:"finding"`
	Match   *MatchRule `yaml:"match"`

	// Tree is the id of the tree the node belongs to (set by the loader).
	Tree string `yaml:"-" json:"-"`
}

// Main is the node's main text in lang: the question, the check's prompt or
// the answer's body, placeholders left as written.
func (n Node) Main(lang Lang) string {
	switch n.Kind {
	case KindQuestion:
		return n.Text.Get(lang)
	case KindCheck:
		return n.Prompt.Get(lang)
	}
	return n.Body.Get(lang)
}

// Heading is a short name for the node in lang: an answer's title, else
// its main text.
func (n Node) Heading(lang Lang) string {
	if n.Kind == KindAnswer {
		return n.Title.Get(lang)
	}
	return n.Main(lang)
}

// Links lists every node id this node points to, in order: options,
// status routes (in status order), finding routes (sorted), skip, related.
func (n Node) Links() []string {
	var out []string
	for _, o := range n.Options {
		out = append(out, o.Next)
	}
	for _, s := range routeStatusOrder(n.Routes.Status) {
		out = append(out, n.Routes.Status[s])
	}
	for _, c := range sortedKeys(n.Routes.Findings) {
		out = append(out, n.Routes.Findings[c])
	}
	if n.Skip != "" {
		out = append(out, n.Skip)
	}
	return append(out, n.Related...)
}

// CodeList is a list of finding codes written in YAML as one code or a list.
type CodeList []string

// UnmarshalYAML accepts `finding: code` and `finding: [a, b]`.
func (c *CodeList) UnmarshalYAML(unmarshal func(any) error) error {
	var one string
	if err := unmarshal(&one); err == nil {
		*c = CodeList{one}
		return nil
	}
	var many []string
	if err := unmarshal(&many); err != nil {
		return err
	}
	*c = many
	return nil
}

// Has reports whether code is in the list.
func (c CodeList) Has(code string) bool {
	for _, x := range c {
		if x == code {
			return true
		}
	}
	return false
}
