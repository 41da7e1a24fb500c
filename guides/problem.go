package guides

import "strings"

// ProblemKind names one kind of content problem the validator reports.
type ProblemKind string

// Problem kinds.
const (
	ProblemParse          ProblemKind = "parse error"
	ProblemSchema         ProblemKind = "bad node"
	ProblemDuplicate      ProblemKind = "duplicate id"
	ProblemDangling       ProblemKind = "dangling link"
	ProblemUnreachable    ProblemKind = "unreachable node"
	ProblemNoWayOut       ProblemKind = "cycle with no way out"
	ProblemFewOptions     ProblemKind = "question with fewer than two options"
	ProblemTranslation    ProblemKind = "missing translation"
	ProblemNoAnswer       ProblemKind = "finding code with no answer node"
	ProblemUnknownFinding ProblemKind = "unknown finding code"
	ProblemMissingStatus  ProblemKind = "check misses a status route"
	ProblemPlaceholder    ProblemKind = "bad placeholder"
	ProblemMatch          ProblemKind = "bad match rule"
)

// Problem is one thing wrong with the content, located as precisely as
// possible. Validate and LoadFS return them as errors; use errors.As to
// read the kind.
type Problem struct {
	Kind   ProblemKind
	File   string // the YAML file, when known
	Tree   string // the tree id, when known
	Node   string // the node id, when the problem is in one node
	Detail string
	Err    error // the underlying error (parse errors), if any
}

// Error formats the problem as "file: tree/node: kind: detail".
func (p *Problem) Error() string {
	var b strings.Builder
	b.WriteString("guides: ")
	if p.File != "" {
		b.WriteString(p.File + ": ")
	}
	switch {
	case p.Tree != "" && p.Node != "":
		b.WriteString(p.Tree + "/" + p.Node + ": ")
	case p.Node != "":
		b.WriteString(p.Node + ": ")
	case p.Tree != "":
		b.WriteString(p.Tree + ": ")
	}
	b.WriteString(string(p.Kind))
	if p.Detail != "" {
		b.WriteString(": " + p.Detail)
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (p *Problem) Unwrap() error { return p.Err }
