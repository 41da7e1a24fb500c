package diagnose

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// DefaultTimeout bounds a whole check.
const DefaultTimeout = 10 * time.Second

// Config sets up an Engine.
type Config struct {
	// Backends are the chain families searched (EVM, TRON, Bitcoin), in
	// the order their answers are preferred. Each is built by its own
	// package (diagnose/evm, diagnose/tron, diagnose/bitcoin).
	Backends []Backend
	// Families, when set, are the only families searched (--rpc names
	// endpoints of these families only); nil searches every family.
	Families []Family
	// Timeout bounds a whole check; 0 means DefaultTimeout.
	Timeout time.Duration
}

// Engine fans a query out over the families it fits and merges their
// answers. It is safe for concurrent use.
type Engine struct {
	cfg Config
}

// Progress is one step of a search, for live displays.
type Progress struct {
	ChainID  uint64
	Chain    string
	Endpoint string
	// State is "searching", "found", "absent" or "error".
	State  string
	Detail string
}

// CheckOptions are per-check inputs besides the query.
type CheckOptions struct {
	// Chain is the chain the user believes the tx is on (0 = no idea).
	Chain uint64
	// Network is the network key the user named for a non-EVM family
	// ("tron", "nile", "bitcoin"); "" = no idea.
	Network string
	// From is the sender, when the user knows it (--from): a public address
	// in its family's form, as ParseAddress gives it ("" = not known).
	From string
	// Only, when set, searches that chain alone (e.g. when watching a
	// transaction already found).
	Only uint64
	// Progress, if set, is called from many goroutines as endpoints answer.
	Progress func(Progress)
}

// NoAnswerError means no endpoint could give a sound answer. The report
// that comes with it has status "unknown" and says what each endpoint did.
type NoAnswerError struct{ Searched []Searched }

func (e *NoAnswerError) Error() string { return e.Message("en") }

// Message is the error in the user's language ("en" or "zh").
func (e *NoAnswerError) Message(lang string) string {
	seen := map[string]bool{}
	var kinds []string
	refusedOnly := true
	for _, s := range e.Searched {
		words := noderpc.Fault(s.Fault).Words()
		if lang == "zh" {
			words = noderpc.Fault(s.Fault).WordsZH()
		}
		if code := s.RefusedStatus(); code != "" {
			// It connected and was turned away: the address is wrong, not the network.
			words = "the endpoint refused the request (HTTP " + code + "): check the URL"
			if lang == "zh" {
				words = "节点拒绝了请求（HTTP " + code + "）：请检查 URL"
			}
		}
		if s.Fault != "" && s.Fault != string(noderpc.FaultCancelled) {
			refusedOnly = refusedOnly && s.RefusedStatus() != ""
			if !seen[words] {
				seen[words] = true
				kinds = append(kinds, words)
			}
		}
	}
	msg := "no node could be asked right now: check your internet connection, or try again in a minute"
	sep, open, closing := ", ", " (", ")"
	if lang == "zh" {
		msg, sep, open, closing = "现在没有任何节点能回答：请检查网络连接，或一分钟后再试", "、", "（", "）"
	}
	if refusedOnly && len(kinds) > 0 {
		return strings.Join(kinds, sep)
	}
	if len(kinds) > 0 {
		msg += open + strings.Join(kinds, sep) + closing
	}
	return msg
}

// RefusedStatus is the HTTP status of a row whose endpoint answered the
// request with a client error (404 no such path, 414 URI too long…), or "".
func (s Searched) RefusedStatus() string {
	if noderpc.Fault(s.Fault) != noderpc.FaultHTTP {
		return ""
	}
	_, after, ok := strings.Cut(s.Error, "(HTTP ")
	code, _, closed := strings.Cut(after, ")")
	if !ok || !closed || len(code) != 3 || code[0] != '4' {
		return ""
	}
	return code
}

// NewEngine builds an engine. It does no I/O.
func NewEngine(cfg Config) (*Engine, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	return &Engine{cfg: cfg}, nil
}

// Check diagnoses a transaction on every family its input fits, at once.
// It returns a report even with an error: a *NoAnswerError comes with a
// report of status "unknown".
func (e *Engine) Check(ctx context.Context, q Query, opt CheckOptions) (*Report, error) {
	if q.Kind != KindTxHash {
		return nil, errors.New("check needs a transaction hash; for an address use `unstuck account`")
	}
	if opt.Network == "" {
		opt.Network = q.Network // the network an explorer link named
	}
	ctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	return e.fanOut(ctx, q, opt, func(ctx context.Context, b Backend) (*Report, error) { return b.Check(ctx, q, opt) })
}
