package secret

import (
	"errors"
	"fmt"
	"testing"
)

func TestIsRefusal(t *testing.T) {
	r := &RefusalError{Kind: PrivateKey}
	if r.Error() != Refusal {
		t.Errorf("Error() = %q, want Refusal", r.Error())
	}
	for _, err := range []error{r, fmt.Errorf("check: %w", r), errors.Join(errors.New("other"), r)} {
		if !IsRefusal(err) {
			t.Errorf("IsRefusal(%v) = false", err)
		}
	}
	for _, err := range []error{nil, errors.New(Refusal)} {
		if IsRefusal(err) {
			t.Errorf("IsRefusal(%v) = true", err)
		}
	}
}
