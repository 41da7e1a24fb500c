package noderpc

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestUnsupportedMethodRemembered: a method an endpoint answers "method
// not found" for (anvil's txpool_contentFrom, a provider's -32601) is
// remembered per endpoint, and the next run answers it locally with the
// same kind of refusal instead of asking again; other endpoints of the
// same host are not affected. The server is a fault injector.
func TestUnsupportedMethodRemembered(t *testing.T) {
	var mu sync.Mutex
	asked := map[string]int{}
	url := injector(t, func(w http.ResponseWriter, _ *http.Request, calls []sent) {
		var parts []string
		mu.Lock()
		defer mu.Unlock()
		for _, c := range calls {
			asked[c.Method]++
			if c.Method == "txpool_contentFrom" {
				parts = append(parts, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"error":{"code":-32601,"message":"Method not found"}}`, c.ID))
				continue
			}
			parts = append(parts, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"result":%q}`, c.ID, c.Method))
		}
		reply(w, "["+strings.Join(parts, ",")+"]")
	})
	path := filepath.Join(t.TempDir(), "endpoints.json")
	mem := NewCapMemory(path, nil, nil)
	plan := func() []*Call {
		return []*Call{NewCall("eth_chainId"), NewCall("txpool_contentFrom", "0x01"), NewCall("eth_blockNumber")}
	}
	for run := 1; run <= 2; run++ {
		c, err := Dial(context.Background(), url+"/eth", Options{Caps: mem})
		if err != nil {
			t.Fatal(err)
		}
		calls := plan()
		if err := c.Batch(context.Background(), calls); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		var coded CodedError
		if !errors.As(calls[1].Err, &coded) || coded.ErrorCode() != -32601 ||
			ClassifyRPC(coded.ErrorCode(), coded.Error(), calls[1].Err).Fault != FaultUnsupported {
			t.Errorf("run %d: txpool_contentFrom = %v, want an unsupported-method refusal", run, calls[1].Err)
		}
		if calls[0].Err != nil || calls[2].Err != nil {
			t.Errorf("run %d: other calls failed: %v %v", run, calls[0].Err, calls[2].Err)
		}
	}
	if asked["txpool_contentFrom"] != 1 || asked["eth_chainId"] != 2 {
		t.Errorf("asked %v: the unsupported method should be sent once, the others every run", asked)
	}
	// Another path on the same host may serve another network: asked again.
	other, _ := Dial(context.Background(), url+"/bsc", Options{Caps: mem})
	if err := other.Batch(context.Background(), plan()); err != nil {
		t.Fatal(err)
	}
	if asked["txpool_contentFrom"] != 2 {
		t.Errorf("another endpoint of the host was not asked: %v", asked)
	}
	// A hostile file cannot plant odd method names.
	seen := time.Now().UTC().Format(time.RFC3339)
	file := `{"version":1,"hosts":{"` + mem.key("h") + `":{"seen":"` + seen + `","unsupported":["eth_call\n","<script>","","eth_feeHistory"]}}}`
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	if mem.Unsupported("h", "eth_call\n") || mem.Unsupported("h", "<script>") || mem.Unsupported("h", "") {
		t.Error("a malformed method name was accepted from the file")
	}
	if !mem.Unsupported("h", "eth_feeHistory") {
		t.Error("a sound entry beside the malformed ones was dropped")
	}
}
