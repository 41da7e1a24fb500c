package tui

import (
	"context"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
)

// startAt starts the app already at a guide node.
func startAt(t *testing.T, opt Options, node string) *teatest.TestModel {
	t.Helper()
	m, err := newModel(context.Background(), opt, newStyles(lipgloss.DefaultRenderer()))
	if err != nil {
		t.Fatal(err)
	}
	m = send(t, m, openNodeMsg{id: node})
	return teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
}

// TestFlowAccountCheck runs the guides' address check against the
// simulated node and continues the guide from its result.
func TestFlowAccountCheck(t *testing.T) {
	n := startNode(t)
	sendUnderpriced(t, n) // account 1 now has a transaction waiting
	tm := startAt(t, nodeOptions(t, n), "delegation-check")
	var f frames
	f.waitFor(t, tm, "Check a public address")
	tm.Send(paste(n.Addrs[1].Hex()))
	tm.Send(keyMsg("enter"))
	f.waitFor(t, tm, "nonce 0", "1 waiting", "Continue:")
	tm.Send(keyMsg("enter"))
	f.waitFor(t, tm, "No delegation found on this address")
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(flowWait))
}

// TestFlowEndpointCheck checks the simulated node as a custom RPC URL.
func TestFlowEndpointCheck(t *testing.T) {
	n := startNode(t)
	tm := startAt(t, nodeOptions(t, n), "endpoint-check")
	var f frames
	f.waitFor(t, tm, "Check an RPC endpoint")
	tm.Send(paste(n.URL))
	tm.Send(keyMsg("enter"))
	f.waitFor(t, tm, "(1337)", "Continue: Your RPC URL looks healthy")
	tm.Send(keyMsg("esc"))
	f.waitFor(t, tm, "Paste the RPC URL")
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(flowWait))
}
