package noderpc

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// bodyTransport answers every request with a fixed 200 body, without a
// network: the fuzzer drives the whole client path, from Batch to decode.
type bodyTransport struct{ body []byte }

func (b bodyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	_, _ = io.Copy(io.Discard, req.Body)
	return &http.Response{
		StatusCode: http.StatusOK, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": {"application/json"}},
		Body:          io.NopCloser(strings.NewReader(string(b.body))),
		ContentLength: int64(len(b.body)),
		Request:       req,
	}, nil
}

// FuzzBatchResponse feeds arbitrary bytes to Batch as the body answering
// three calls: no input may panic; the batch either fails with an *Error
// and leaves the calls alone, or gives every call exactly one of a valid
// JSON result and an error.
func FuzzBatchResponse(f *testing.F) {
	for _, seed := range []string{
		`[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":2,"result":null},{"jsonrpc":"2.0","id":3,"error":{"code":3,"message":"execution reverted","data":"0x08c379a0"}}]`,
		`[{"jsonrpc":"2.0","id":3,"result":{}},{"jsonrpc":"2.0","id":1,"result":[]}]`,
		`{"jsonrpc":"2.0","id":null,"error":{"code":-32005,"message":"rate limit"}}`,
		`[{"jsonrpc":"2.0","id":null,"error":"busy"}]`,
		`[{"id":1,"result":"0x1"},{"id":1,"result":"0x2"}]`,
		`[{"id":4,"result":"0x1"}]`,
		`[null,{"id":2},{"id":3,"error":null,"result":1e400}]`,
		`[{"id":1,"error":{"code":1.5,"message":7,"data":{"data":{"data":"0x"}}}}]`,
		`[{"jsonrpc":"2.0","id":1,"result":0x539`,
		`<html>502</html>`,
		``, `[]`, `{}`, `null`, `"x"`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		ctx := context.Background()
		c, err := Dial(ctx, "http://127.0.0.1:1/", Options{HTTP: &http.Client{Transport: bodyTransport{body}}, MaxBody: 1 << 16, Backoff: time.Microsecond})
		if err != nil {
			t.Fatal(err)
		}
		calls := []*Call{NewCall("eth_chainId"), NewCall("eth_getTransactionByHash", "0x01"), NewCall("eth_call", map[string]any{}, "latest")}
		err = c.Batch(ctx, calls)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Fault == "" || e.Reason == "" {
				t.Fatalf("err = %#v", err)
			}
			for i, call := range calls {
				if call.Result != nil || call.Err != nil {
					t.Fatalf("call %d touched by a failed batch", i)
				}
			}
			return
		}
		for i, call := range calls {
			if (call.Result == nil) == (call.Err == nil) {
				t.Fatalf("call %d: result %q, err %v: want exactly one", i, call.Result, call.Err)
			}
			if call.Result != nil && !json.Valid(call.Result) {
				t.Fatalf("call %d: invalid JSON result %q", i, call.Result)
			}
			if call.Err != nil {
				_ = call.Err.Error()
				var d DataError
				if errors.As(call.Err, &d) {
					_ = d.ErrorData()
				}
			}
		}
	})
}
