package opemu

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// batchOf is a JSON-RPC batch of n eth_blockNumber calls, ids 1..n.
func batchOf(n int) string {
	var calls []string
	for i := 1; i <= n; i++ {
		calls = append(calls, fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"eth_blockNumber","params":[]}`, i))
	}
	return "[" + strings.Join(calls, ",") + "]"
}

func post(t *testing.T, url, body string) (int, string, string) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

// TestProfilesByteForByte: each profile's refusal is the documented bytes
// (reference/ENDPOINTS.md), and what it lets through is the node's answer.
func TestProfilesByteForByte(t *testing.T) {
	n, err := simnode.Start(0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = n.Close() })
	for range 3 {
		n.Commit()
	}
	item := `"Batch of more than 3 requests are not allowed on free tier, to use this feature register paid account at drpc.org"`
	tests := []struct {
		profile     Profile
		opts        Options
		body        string
		status      int
		contentType string
		want        string
	}{
		{DRPC, Options{}, batchOf(4), 500, "application/json",
			`[{"id":1,"jsonrpc":"2.0","error":{"code":31,"message":` + item + `}},{"id":2,"jsonrpc":"2.0","error":{"code":31,"message":` + item + `}},` +
				`{"id":3,"jsonrpc":"2.0","error":{"code":31,"message":` + item + `}},{"id":4,"jsonrpc":"2.0","error":{"code":31,"message":` + item + `}}]`},
		{Proxyd, Options{}, batchOf(11), 200, "application/json",
			`{"jsonrpc":"2.0","error":{"code":-32014,"message":"too many RPC calls in batch request"},"id":null}`},
		{NoBatch, Options{}, batchOf(2), 200, "application/json",
			`{"jsonrpc":"2.0","error":{"code":-32014,"message":"too many RPC calls in batch request"},"id":null}`},
		{GethLimit, Options{}, batchOf(4), 200, "application/json",
			`[{"jsonrpc":"2.0","id":1,"error":{"code":-32600,"message":"batch too large"}}]`},
		{PublicNodeArchive, Options{ArchiveDepth: 1}, `{"jsonrpc":"2.0","id":7,"method":"eth_getBalance","params":["0x0000000000000000000000000000000000000000","0x1"]}`, 403, "application/json",
			`{"jsonrpc":"2.0","error":{"code":-32602,"message":"Archive requests require a personal token. Get one at: https://www.allnodes.com/publicnode"},"id":7}`},
		{ItemRateLimit, Options{}, `{"jsonrpc":"2.0","id":5,"method":"eth_chainId","params":[]}`, 429, "application/json",
			`{"jsonrpc":"2.0","error":{"code":-32016,"message":"over rate limit"},"id":5}`},
		{ItemRateLimit, Options{}, `[{"jsonrpc":"2.0","id":5,"method":"eth_chainId","params":[]}]`, 200, "application/json",
			`[{"jsonrpc":"2.0","id":5,"error":{"code":-32016,"message":"over rate limit"}}]`},
		{Cloudflare429, Options{}, batchOf(1), 429, "text/plain; charset=UTF-8", `error code: 1015`},
	}
	for _, tt := range tests {
		t.Run(string(tt.profile), func(t *testing.T) {
			s, err := Start(n.URL, tt.profile, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			status, ctype, body := post(t, s.URL, tt.body)
			if status != tt.status || ctype != tt.contentType || body != tt.want {
				t.Errorf("got %d %q\n%s\nwant %d %q\n%s", status, ctype, body, tt.status, tt.contentType, tt.want)
			}
			if log := s.Log(); len(log) != 1 || !log[0].Refused {
				t.Errorf("log %+v", log)
			}
			// What passes is the node's own answer.
			_, _, direct := post(t, n.URL, `{"jsonrpc":"2.0","id":9,"method":"eth_chainId","params":[]}`)
			// (item-rate-limit has seen eth_chainId once; cloudflare-429 lets
			// every second request through)
			if _, _, through := post(t, s.URL, `{"jsonrpc":"2.0","id":9,"method":"eth_chainId","params":[]}`); through != direct {
				t.Errorf("passed through: %s, node: %s", through, direct)
			}
		})
	}
}

// TestRounds reads the rounds of latency off a request log.
func TestRounds(t *testing.T) {
	at := func(ms int) time.Time { return time.Unix(0, 0).Add(time.Duration(ms) * time.Millisecond) }
	log := []Entry{
		{Start: at(0), End: at(50)}, {Start: at(1), End: at(51)}, // two parts sent together
		{Start: at(52), End: at(100)}, {Start: at(53), End: at(101)}, // the second round
	}
	if r := Rounds(log); r != 2 {
		t.Errorf("rounds %d, want 2", r)
	}
	if r := Rounds(append(log, Entry{Start: at(102), End: at(150)})); r != 3 {
		t.Errorf("rounds %d, want 3", r)
	}
}
