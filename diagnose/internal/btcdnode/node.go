package btcdnode

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// RPC credentials of the test node.
const (
	rpcUser = "unstuck"
	rpcPass = "regtest-only"
)

// Node is a running btcd regtest node.
type Node struct {
	t      testing.TB
	host   string
	cmd    *exec.Cmd
	Wallet *Wallet
	// next is the height of the next unused mature coinbase.
	next int64
}

// Binary finds btcd: $UNSTUCK_BTCD, then PATH, then $GOPATH/bin and
// ~/go/bin. It returns "" when there is none.
func Binary() string {
	if p := os.Getenv("UNSTUCK_BTCD"); p != "" {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		return ""
	}
	if p, err := exec.LookPath("btcd"); err == nil {
		return p
	}
	var dirs []string
	if gp := os.Getenv("GOPATH"); gp != "" {
		dirs = append(dirs, filepath.Join(gp, "bin"))
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, "go", "bin"))
	}
	for _, d := range dirs {
		p := filepath.Join(d, "btcd")
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	return ""
}

// Start launches btcd in regtest with --txindex on a free loopback port,
// mines 200 blocks to the node's wallet (so 100 coinbases are mature),
// and stops the node when the test ends.
func Start(t testing.TB) *Node {
	t.Helper()
	return start(t, "--txindex")
}

// StartWithoutTxIndex is Start without --txindex: the node can look up
// only mempool transactions.
func StartWithoutTxIndex(t testing.TB) *Node {
	t.Helper()
	return start(t)
}

func start(t testing.TB, extra ...string) *Node {
	t.Helper()
	bin := Binary()
	if bin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("btcd is not installed: .ci/run must run `go install github.com/btcsuite/btcd@v0.26.2`")
		}
		t.Skip("btcd not found (set UNSTUCK_BTCD or `go install github.com/btcsuite/btcd@v0.26.2`): skipping the real-node test")
	}
	w, err := NewWallet()
	if err != nil {
		t.Fatal(err)
	}
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "btcd.conf")
	if err := os.WriteFile(conf, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	host := "127.0.0.1:" + strconv.Itoa(port)
	args := append([]string{"--regtest", "--notls", "--nolisten",
		"-u", rpcUser, "-P", rpcPass, "--rpclisten=" + host,
		"--configfile=" + conf, "--datadir=" + filepath.Join(dir, "data"), "--logdir=" + filepath.Join(dir, "logs"),
		"--miningaddr=" + w.Address()}, extra...)
	cmd := exec.Command(bin, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start btcd: %v", err)
	}
	n := &Node{t: t, host: host, cmd: cmd, Wallet: w, next: 1}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	if err := n.waitReady(30 * time.Second); err != nil {
		t.Fatalf("btcd did not answer: %v\n%s", err, out.String())
	}
	n.Generate(200)
	return n
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// waitReady polls getblockcount until the RPC server answers: the process
// gives no other signal that it is ready.
func (n *Node) waitReady(limit time.Duration) error {
	deadline := time.Now().Add(limit)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var last error
	for time.Now().Before(deadline) {
		if n.cmd.ProcessState != nil {
			return errors.New("btcd exited")
		}
		if _, last = n.call("getblockcount"); last == nil {
			return nil
		}
		<-tick.C
	}
	return last
}

// URL is the JSON-RPC endpoint, credentials included.
func (n *Node) URL() string { return "http://" + rpcUser + ":" + rpcPass + "@" + n.host }

// RPCError is an error the node answered a call with.
type RPCError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *RPCError) Error() string { return fmt.Sprintf("%d %s", e.Code, e.Message) }

// Call sends one JSON-RPC 1.0 call and returns its result; a node error is
// a *RPCError.
func (n *Node) Call(method string, params ...any) (json.RawMessage, error) {
	return n.call(method, params...)
}

// MustCall is Call that fails the test on any error.
func (n *Node) MustCall(method string, params ...any) json.RawMessage {
	n.t.Helper()
	r, err := n.call(method, params...)
	if err != nil {
		n.t.Fatalf("%s: %v", method, err)
	}
	return r
}

func (n *Node) call(method string, params ...any) (json.RawMessage, error) {
	if params == nil {
		params = []any{}
	}
	body, _ := json.Marshal(map[string]any{"jsonrpc": "1.0", "id": 1, "method": method, "params": params})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+n.host, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(rpcUser, rpcPass)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out struct {
		Result json.RawMessage `json:"result"`
		Error  *RPCError       `json:"error"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, fmt.Errorf("%s: HTTP %d: %w", method, resp.StatusCode, err)
	}
	if out.Error != nil {
		return nil, out.Error
	}
	return out.Result, nil
}

// Generate mines n blocks to the wallet and returns their hashes.
func (n *Node) Generate(count int) []string {
	n.t.Helper()
	var hashes []string
	if err := json.Unmarshal(n.MustCall("generate", count), &hashes); err != nil {
		n.t.Fatal(err)
	}
	return hashes
}
