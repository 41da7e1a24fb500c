package diagnose

import (
	"context"
	"testing"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// TestRace: three endpoints start at once; a failure starts the fourth;
// the first sound answer settles the race and the rest are cancelled,
// and a sound answer that still comes back is marked "not needed". The
// fake endpoints answer on events, never on timing.
func TestRace(t *testing.T) {
	dStarted := make(chan struct{})
	ask := func(ctx context.Context, ep string) (string, int, *noderpc.Error) {
		switch ep {
		case "a":
			return "", 1, &noderpc.Error{Fault: noderpc.FaultRateLimited, Reason: "429"}
		case "b":
			<-dStarted // answers once the failure of a has started d
			return "b", 2, nil
		case "c":
			<-ctx.Done()
			return "c", 1, nil // sound, but after the race was settled
		default: // d
			close(dStarted)
			<-ctx.Done()
			return "", 0, &noderpc.Error{Fault: noderpc.FaultCancelled, Reason: "cancelled"}
		}
	}
	tries := Race(context.Background(), []string{"a", "b", "c", "d", "e"}, ask, nil)
	byEndpoint := map[string]Attempt[string]{}
	for _, a := range tries {
		byEndpoint[a.Endpoint] = a
	}
	if len(tries) != 4 || byEndpoint["e"].Endpoint != "" {
		t.Fatalf("tries %+v: want a, b, c and d asked, e never", tries)
	}
	best, ok := FirstSound(tries)
	if !ok || best.Endpoint != "b" || best.Value != "b" || best.Requests != 2 || best.Late {
		t.Errorf("first sound %+v, %v: want b", best, ok)
	}
	if a := byEndpoint["a"]; a.Err == nil || a.Err.Fault != noderpc.FaultRateLimited || a.Late {
		t.Errorf("a = %+v: want its own fault, before the race was settled", a)
	}
	for _, ep := range []string{"c", "d"} {
		if a := byEndpoint[ep]; a.Err == nil || a.Err.Fault != noderpc.FaultCancelled || !a.Late {
			t.Errorf("%s = %+v: want cancelled after the race was settled", ep, a)
		}
	}
	if row := byEndpoint["c"].Row(1, "Ethereum", false); row.Result != "error" || row.Fault != string(noderpc.FaultCancelled) {
		t.Errorf("c's row %+v", row)
	}
	if row := best.Row(1, "Ethereum", true); row.Result != "found" || row.Requests != 2 {
		t.Errorf("b's row %+v", row)
	}
}

// TestRaceSettledByTheCaller: a caller's rule (two sound answers) keeps the
// race going past the first.
func TestRaceSettledByTheCaller(t *testing.T) {
	tries := Race(context.Background(), []string{"a", "b"}, func(_ context.Context, ep string) (string, int, *noderpc.Error) {
		return ep, 1, nil
	}, func(sound []Attempt[string]) bool { return len(sound) >= 2 })
	for _, a := range tries {
		if a.Err != nil || a.Late {
			t.Errorf("%+v: want both sound and in time", a)
		}
	}
	if len(tries) != 2 {
		t.Errorf("tries %+v", tries)
	}
}
