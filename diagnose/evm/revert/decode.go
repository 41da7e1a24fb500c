package revert

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
)

const (
	// maxRawBytes bounds Decoded.Raw: 512 bytes, 1 KB of hex.
	maxRawBytes = 512
	// maxArgBytes bounds how much of a bytes argument an Args entry shows.
	maxArgBytes = 64
	// maxDepth bounds how deep ExecutionFailed payloads are unwrapped.
	maxDepth = 4
)

// Decoded is a revert payload made readable.
type Decoded struct {
	// Selector is the first four bytes as 0x-hex; "" when there are fewer.
	Selector string
	// Name is the canonical signature, e.g. "Error(string)"; "" if unknown.
	Name string
	// Reason is the human text: the Error string, the panic's meaning, or
	// the custom error with its arguments.
	Reason string
	// ReasonZH is Reason in Simplified Chinese where the tool wrote it (a
	// panic's meaning, an ExecutionFailed wrapper); "" where Reason is the
	// contract's own text, which is shown as written.
	ReasonZH string
	// Args are the decoded arguments as "name=value".
	Args []string
	// Hint is a stable key for what the revert means to a user (see Hints).
	Hint string
	// Plain is one plain English sentence for a wallet user.
	Plain string
	// PlainZH is Plain in Simplified Chinese.
	PlainZH string
	// Raw is the whole payload as 0x-hex, cut after 1 KB of hex with "…".
	Raw string
	// Inner is the payload an ExecutionFailed error wrapped, decoded.
	Inner *Decoded
}

// Decoder decodes revert data and calldata selectors. Build it once with
// NewDecoder; it is read-only afterwards and safe for concurrent use.
type Decoder struct {
	errors  map[[4]byte]knownError
	methods map[[4]byte]string
	rules   []stringRule
}

// NewDecoder parses the signature tables into abi errors and selector maps.
// It panics only if the built-in tables themselves are broken, which the
// package's tests rule out.
func NewDecoder() *Decoder {
	d := &Decoder{
		errors:  make(map[[4]byte]knownError),
		methods: make(map[[4]byte]string),
		rules:   stringRules(),
	}
	for _, s := range errorSpecs() {
		ke, err := buildError(s)
		if err != nil {
			panic(fmt.Sprintf("revert: broken error table: %v", err))
		}
		if old, dup := d.errors[ke.selector]; dup {
			panic(fmt.Sprintf("revert: selector clash between %s and %s", old.abi.Sig, ke.abi.Sig))
		}
		d.errors[ke.selector] = ke
	}
	for _, sig := range methodSigs() {
		sel := selectorOf(sig)
		if old, dup := d.methods[sel]; dup {
			panic(fmt.Sprintf("revert: selector clash between %s and %s", old, sig))
		}
		d.methods[sel] = sig
	}
	return d
}

// Decode makes revert data readable. It never panics: empty, short,
// unknown and malformed data all produce a Decoded that says so.
func (d *Decoder) Decode(data []byte) Decoded {
	out := d.decode(data, 0)
	out.Reason = diagnose.Sanitize(out.Reason)
	return out
}

func (d *Decoder) decode(data []byte, depth int) Decoded {
	out := Decoded{Raw: rawHex(data)}
	switch {
	case len(data) == 0:
		out.Reason = "no revert data"
		return withHint(out, HintEmpty)
	case len(data) < 4:
		out.Reason = fmt.Sprintf("malformed revert data: %d bytes, too short for an error selector", len(data))
		return malformed(out)
	}
	var sel [4]byte
	copy(sel[:], data)
	out.Selector = "0x" + hex.EncodeToString(sel[:])
	ke, ok := d.errors[sel]
	if !ok {
		out.Reason = "unknown error " + out.Selector
		out.Hint = HintUnknown
		out.Plain = fmt.Sprintf("The contract refused the transaction with an error this tool does not recognise (%s). A block explorer or the app's support page may explain it.", out.Selector)
		out.PlainZH = fmt.Sprintf("合约以本工具无法识别的错误（%s）拒绝了这笔交易。区块浏览器或该应用的帮助页面可能有解释。", out.Selector)
		return out
	}
	out.Name = ke.abi.Sig
	vals, err := unpack(ke.abi.Inputs, data[4:])
	if err != nil || len(vals) != len(ke.abi.Inputs) {
		out.Reason = fmt.Sprintf("malformed %s data: the arguments could not be decoded", out.Name)
		if ke.spec.hint == "" {
			return malformed(out)
		}
		return withSpec(out, ke.spec)
	}
	switch ke.spec.name {
	case nameError:
		return d.fillString(out, vals[0])
	case namePanic:
		return fillPanic(out, vals[0])
	case nameExecutionFailed:
		return d.fillExecution(out, vals, depth)
	}
	out.Args = formatArgs(ke.abi.Inputs, vals)
	out.Reason = fmt.Sprintf("%s(%s)", ke.spec.name, strings.Join(out.Args, ", "))
	out = withSpec(out, ke.spec)
	if ke.spec.name == nameFailedOp {
		if s, ok := vals[1].(string); ok {
			if h := matchRule(d.rules, diagnose.Sanitize(s)); h != "" && h != HintUnknown {
				out = withHint(out, h)
			}
		}
	}
	return out
}

// fillString handles Error(string).
func (d *Decoder) fillString(out Decoded, v any) Decoded {
	s, ok := v.(string)
	if !ok {
		out.Reason = "malformed Error(string) data"
		return malformed(out)
	}
	s = diagnose.Sanitize(s)
	if s == "" {
		out.Reason = "reverted with an empty message"
		return withHint(out, HintUnknown)
	}
	out.Reason = s
	if h := matchRule(d.rules, s); h != "" && h != HintUnknown {
		return withHint(out, h)
	}
	out.Hint = HintUnknown
	out.Plain = fmt.Sprintf("The contract refused the transaction with the message: “%s”.", s)
	out.PlainZH = fmt.Sprintf("合约拒绝了这笔交易，给出的信息是：“%s”。", s)
	return out
}

// fillPanic handles Panic(uint256).
func fillPanic(out Decoded, v any) Decoded {
	code, ok := v.(*big.Int)
	if !ok || code == nil {
		out.Reason = "malformed Panic(uint256) data"
		return malformed(out)
	}
	out.Args = []string{"code=0x" + code.Text(16)}
	if !code.IsUint64() {
		out.Reason = "an unknown panic (code 0x" + code.Text(16) + ")"
		return withHint(out, HintAssert)
	}
	out.Reason, out.ReasonZH = PanicMeaning(code.Uint64())
	return withHint(out, panicHint(code.Uint64()))
}

// fillExecution handles the Universal Router's ExecutionFailed(uint256,bytes):
// the inner payload is decoded again, and the outer text says which command.
func (d *Decoder) fillExecution(out Decoded, vals []any, depth int) Decoded {
	idx, ok1 := vals[0].(*big.Int)
	msg, ok2 := vals[1].([]byte)
	if !ok1 || !ok2 || idx == nil {
		out.Reason = "malformed ExecutionFailed(uint256,bytes) data"
		return malformed(out)
	}
	n := idx.String()
	out.Args = []string{"commandIndex=" + n, "message=" + shortHex(msg, maxArgBytes)}
	if depth+1 >= maxDepth {
		out.Reason = "command " + n + " failed: nested errors too deep to decode"
		return withHint(out, HintUnknown)
	}
	inner := d.decode(msg, depth+1)
	inner.Reason = diagnose.Sanitize(inner.Reason)
	out.Inner = &inner
	out.Reason = "command " + n + " failed: " + inner.Reason
	innerZH := inner.ReasonZH
	if innerZH == "" {
		innerZH = inner.Reason
	}
	out.ReasonZH = "第 " + n + " 条命令失败：" + innerZH
	out.Hint = inner.Hint
	out.Plain = "Command " + n + " failed: " + inner.Plain
	out.PlainZH = "第 " + n + " 条命令失败：" + inner.PlainZH
	return out
}

// unpack decodes ABI arguments; a panic inside the ABI decoder on hostile
// data becomes an error.
func unpack(args abi.Arguments, data []byte) (vals []any, err error) {
	defer func() {
		if r := recover(); r != nil {
			vals, err = nil, fmt.Errorf("abi decoder failed: %v", r)
		}
	}()
	return args.Unpack(data)
}

// formatArgs renders decoded values as "name=value".
func formatArgs(args abi.Arguments, vals []any) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = args[i].Name + "=" + formatValue(v)
	}
	return out
}

func formatValue(v any) string {
	switch x := v.(type) {
	case common.Address:
		return x.Hex()
	case *big.Int:
		if x == nil {
			return "0"
		}
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	case string:
		return strconv.Quote(diagnose.Sanitize(x))
	case []byte:
		return shortHex(x, maxArgBytes)
	case [32]byte:
		return "0x" + hex.EncodeToString(x[:])
	}
	return diagnose.Sanitize(fmt.Sprint(v))
}

// withHint sets the hint and its plain sentences.
func withHint(out Decoded, hint string) Decoded {
	out.Hint = hint
	out.Plain, out.PlainZH = HintText(hint)
	return out
}

// withSpec sets the hint of a table row, and its own sentences if it has them.
func withSpec(out Decoded, s errorSpec) Decoded {
	out = withHint(out, s.hint)
	if s.en != "" {
		out.Plain, out.PlainZH = s.en, s.zh
	}
	return out
}

// malformed marks data that could not be read.
func malformed(out Decoded) Decoded {
	out.Hint = HintUnknown
	out.Plain = "The contract refused the transaction, but its error data is malformed and cannot be read."
	out.PlainZH = "合约拒绝了这笔交易，但返回的错误数据格式有误，无法读取。"
	return out
}

// rawHex is data as 0x-hex, cut after maxRawBytes with "…".
func rawHex(data []byte) string {
	return shortHex(data, maxRawBytes)
}

func shortHex(data []byte, limit int) string {
	if len(data) <= limit {
		return "0x" + hex.EncodeToString(data)
	}
	return "0x" + hex.EncodeToString(data[:limit]) + "…"
}
