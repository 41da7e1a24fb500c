package noderpc

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Fault is what went wrong with an endpoint.
type Fault string

// Faults. The values appear in the JSON report's `searched[].fault`.
const (
	FaultTimeout       Fault = "timeout"
	FaultRefused       Fault = "refused"
	FaultReset         Fault = "reset"
	FaultDNS           Fault = "dns"
	FaultTLS           Fault = "tls"
	FaultRateLimited   Fault = "rate_limited"
	FaultServer        Fault = "server_error"
	FaultHTTP          Fault = "http_error"
	FaultMalformed     Fault = "malformed"
	FaultRPCError      Fault = "rpc_error"
	FaultWrongChain    Fault = "wrong_chain"
	FaultTooLarge      Fault = "too_large"
	FaultIndexing      Fault = "indexing"
	FaultStale         Fault = "stale"
	FaultContradiction Fault = "contradiction"
	FaultCancelled     Fault = "cancelled"
	FaultNoState       Fault = "state_unavailable"
	FaultUnsupported   Fault = "unsupported"
	FaultBatchRefused  Fault = "batch_refused"
)

// Words says what the fault means in a few words a user knows, for lists
// such as "(too slow to answer, server error)".
func (f Fault) Words() string {
	switch f {
	case FaultTimeout:
		return "too slow to answer"
	case FaultRefused, FaultDNS, FaultTLS, FaultHTTP:
		return "could not connect"
	case FaultReset:
		return "connection dropped"
	case FaultRateLimited:
		return "too busy right now"
	case FaultServer:
		return "server error"
	case FaultWrongChain:
		return "on another network"
	case FaultIndexing:
		return "still indexing"
	case FaultStale:
		return "far behind"
	case FaultCancelled:
		return "not needed"
	case FaultNoState:
		return "no old state"
	case FaultUnsupported:
		return "does not offer this"
	case FaultBatchRefused:
		return "refuses batches"
	}
	return "unusable answer"
}

// WordsZH is Words in Simplified Chinese.
func (f Fault) WordsZH() string {
	switch f {
	case FaultTimeout:
		return "响应太慢"
	case FaultRefused, FaultDNS, FaultTLS, FaultHTTP:
		return "连接不上"
	case FaultReset:
		return "连接中断"
	case FaultRateLimited:
		return "当前太忙"
	case FaultServer:
		return "服务器出错"
	case FaultWrongChain:
		return "在别的网络上"
	case FaultIndexing:
		return "还在建立索引"
	case FaultStale:
		return "落后太多"
	case FaultCancelled:
		return "不需要了"
	case FaultNoState:
		return "没有历史状态"
	case FaultUnsupported:
		return "不提供这项查询"
	case FaultBatchRefused:
		return "拒绝批量请求"
	}
	return "回答无法使用"
}

// Error is an endpoint failure: a fault kind, a plain reason, and the cause.
type Error struct {
	Fault      Fault
	Reason     string
	RetryAfter time.Duration
	Err        error
}

func (e *Error) Error() string {
	if e.Err == nil {
		return e.Reason
	}
	return e.Reason + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// errTooLarge marks a response body that passed the size cap.
var errTooLarge = errors.New("response larger than the size cap")

// Classify turns any transport or protocol error into an *Error, by the
// shapes every host shares. It never returns nil for a non-nil err.
func Classify(err error) *Error { return Dialect(nil).Classify(err) }

// Classify turns any transport or protocol error into an *Error, reading a
// JSON-RPC error object in the dialect. It never returns nil for a non-nil
// err.
func (d Dialect) Classify(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var httpErr *HTTPError
	if errors.As(err, &httpErr) {
		return classifyHTTP(httpErr)
	}
	switch {
	case errors.Is(err, errTooLarge):
		return &Error{Fault: FaultTooLarge, Reason: "the endpoint sent an answer larger than allowed", Err: err}
	case errors.Is(err, context.DeadlineExceeded), isNetTimeout(err):
		return &Error{Fault: FaultTimeout, Reason: "the endpoint did not answer in time", Err: err}
	case errors.Is(err, context.Canceled):
		return &Error{Fault: FaultCancelled, Reason: "not needed: another endpoint answered first", Err: err}
	case errors.Is(err, syscall.ECONNREFUSED):
		return &Error{Fault: FaultRefused, Reason: "the endpoint refused the connection", Err: err}
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF),
		strings.Contains(err.Error(), "connection reset"):
		return &Error{Fault: FaultReset, Reason: "the endpoint dropped the connection mid-answer", Err: err}
	case isDNS(err):
		return &Error{Fault: FaultDNS, Reason: "the endpoint's name could not be resolved (check your internet connection)", Err: err}
	case strings.Contains(err.Error(), "tls:"), strings.Contains(err.Error(), "x509:"):
		return &Error{Fault: FaultTLS, Reason: "a secure connection to the endpoint failed", Err: err}
	}
	var rpcErr CodedError
	if errors.As(err, &rpcErr) {
		return d.ClassifyRPC(rpcErr.ErrorCode(), rpcErr.Error(), err)
	}
	if looksMalformed(err) {
		return &Error{Fault: FaultMalformed, Reason: "the endpoint answered with something that is not valid JSON-RPC", Err: err}
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return &Error{Fault: FaultRefused, Reason: "the endpoint could not be reached", Err: err}
	}
	return &Error{Fault: FaultMalformed, Reason: "the endpoint's answer could not be used", Err: err}
}

// ClassifyRPC classifies a JSON-RPC error object (code and message) by
// the shapes every host shares.
func ClassifyRPC(code int, msg string, cause error) *Error {
	return Dialect(nil).ClassifyRPC(code, msg, cause)
}

// ClassifyRPC classifies a JSON-RPC error object (code and message).
func (d Dialect) ClassifyRPC(code int, msg string, cause error) *Error {
	switch d.ClassifyItem(code, msg) {
	case ClassRateLimit:
		return &Error{Fault: FaultRateLimited, Reason: "the endpoint is rate-limiting requests", Err: cause}
	case ClassQuota:
		return &Error{Fault: FaultRateLimited, Reason: "the endpoint's daily quota is used up", Err: cause}
	case ClassNoState, ClassUnknownBlock:
		return &Error{Fault: FaultNoState, Reason: "the endpoint does not keep the old state or block needed for this", Err: cause}
	case ClassUnsupported:
		return &Error{Fault: FaultUnsupported, Reason: "the endpoint does not offer this call", Err: cause}
	case ClassBatch:
		return &Error{Fault: FaultBatchRefused, Reason: "the endpoint refused a batch this large", Err: cause}
	case ClassIndexing:
		return &Error{Fault: FaultIndexing, Reason: "the endpoint is still indexing transactions and cannot look this one up yet", Err: cause}
	}
	return &Error{Fault: FaultRPCError, Reason: fmt.Sprintf("the endpoint returned an error (code %d)", code), Err: cause}
}

func classifyHTTP(h *HTTPError) *Error {
	code, msg := bodyError(h.Body)
	class := ClassifyItem(code, msg)
	cause := errors.New(h.Status)
	switch {
	case h.StatusCode == 429 || h.StatusCode == 408 || class == ClassRateLimit:
		return &Error{Fault: FaultRateLimited, Reason: fmt.Sprintf("the endpoint is rate-limiting requests (HTTP %d)", h.StatusCode), RetryAfter: h.RetryAfter, Err: cause}
	case class == ClassQuota:
		return &Error{Fault: FaultRateLimited, Reason: fmt.Sprintf("the endpoint's daily quota is used up (HTTP %d)", h.StatusCode), Err: cause}
	case h.StatusCode == 401 || h.StatusCode == 402:
		return &Error{Fault: FaultUnsupported, Reason: fmt.Sprintf("the endpoint needs an API key (HTTP %d)", h.StatusCode), Err: cause}
	case class == ClassNoState:
		return &Error{Fault: FaultNoState, Reason: fmt.Sprintf("the endpoint does not keep the old state or block needed for this (HTTP %d)", h.StatusCode), Err: cause}
	case class == ClassUnsupported:
		return &Error{Fault: FaultUnsupported, Reason: fmt.Sprintf("the endpoint does not offer this call (HTTP %d)", h.StatusCode), Err: cause}
	case h.StatusCode >= 500:
		return &Error{Fault: FaultServer, Reason: fmt.Sprintf("the endpoint had a server error (HTTP %d)", h.StatusCode), Err: cause}
	}
	return &Error{Fault: FaultHTTP, Reason: fmt.Sprintf("the endpoint refused the request (HTTP %d)", h.StatusCode), Err: cause}
}

// bodyError reads the error an HTTP error body carries, in any of the
// shapes operators use: a JSON-RPC envelope (or an array of them), a bare
// {"message","code"} object, {"error":"text"}, or plain text and HTML.
func bodyError(body []byte) (int, string) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return 0, ""
	}
	var one struct {
		Code    int             `json:"code"`
		Message string          `json:"message"`
		Error   json.RawMessage `json:"error"`
	}
	switch body[0] {
	case '[':
		var many []json.RawMessage
		if json.Unmarshal(body, &many) == nil && len(many) > 0 {
			return bodyError(many[0])
		}
	case '{':
		if json.Unmarshal(body, &one) == nil {
			if len(one.Error) > 0 && !isNull(one.Error) {
				e := decodeRPCError(one.Error)
				return e.Code, e.Message
			}
			return one.Code, one.Message
		}
	}
	return 0, string(body)
}

func isNetTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func isDNS(err error) bool {
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr)
}

func looksMalformed(err error) bool {
	s := err.Error()
	for _, k := range []string{"invalid character", "unexpected end of JSON", "cannot unmarshal", "json:", "looking for beginning"} {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}
