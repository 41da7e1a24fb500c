// Package guides holds unstuck's help content: decision trees written as
// YAML data (English and Simplified Chinese, in data/), embedded compiled
// into compressed JSON (load_compiled.go) that Load reads at start, LoadFS
// to parse the YAML itself, a validator that refuses broken content, a plain-text
// renderer for review and pipes, and an error decoder that maps what a
// wallet or DApp says to the answer node that explains it.
//
// Content is data, never Go code. A tree is a set of nodes of three kinds:
// a question (options that lead to other nodes), a check (run a diagnosis
// and route on its status and finding codes) and an answer (Markdown steps
// that end in one clear next action). Node ids are global and stable:
// findings from the diagnosis engine link to them by bare id.
package guides
