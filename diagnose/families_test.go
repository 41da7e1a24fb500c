package diagnose

import (
	"errors"
	"testing"
)

func TestMergeFamilies(t *testing.T) {
	rep := func(s Status, ep string) *Report {
		return &Report{Status: s, Searched: []Searched{{Endpoint: ep}}}
	}
	noAnswer := &NoAnswerError{}
	tests := []struct {
		name       string
		answers    []familyAnswer
		wantStatus Status
		wantErr    bool
		wantRows   int
	}{
		{"found on tron, absent on evm", []familyAnswer{
			{FamilyEVM, rep(StatusNotFound, "evm"), nil},
			{FamilyTron, rep(StatusSuccess, "tron"), nil},
			{FamilyBitcoin, rep(StatusNotFound, "btc"), nil},
		}, StatusSuccess, false, 3},
		{"absent everywhere", []familyAnswer{
			{FamilyEVM, rep(StatusNotFound, "evm"), nil},
			{FamilyTron, rep(StatusNotFound, "tron"), nil},
		}, StatusNotFound, false, 2},
		{"absent on one, no answer on the other", []familyAnswer{
			{FamilyEVM, rep(StatusUnknown, "evm"), noAnswer},
			{FamilyBitcoin, rep(StatusNotFound, "btc"), nil},
		}, StatusNotFound, false, 2},
		{"no family answered", []familyAnswer{
			{FamilyEVM, rep(StatusUnknown, "evm"), noAnswer},
			{FamilyTron, rep(StatusUnknown, "tron"), &NoAnswerError{}},
		}, StatusUnknown, true, 2},
		{"pending beats not found", []familyAnswer{
			{FamilyEVM, rep(StatusPending, "evm"), nil},
			{FamilyBitcoin, rep(StatusNotFound, "btc"), nil},
		}, StatusPending, false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := merge(tt.answers)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if got.Status != tt.wantStatus {
				t.Errorf("status = %s, want %s", got.Status, tt.wantStatus)
			}
			if len(got.Searched) != tt.wantRows {
				t.Errorf("searched rows = %d, want %d (every family's)", len(got.Searched), tt.wantRows)
			}
			var na *NoAnswerError
			if errors.As(err, &na) && len(na.Searched) != tt.wantRows {
				t.Errorf("no-answer rows = %d, want %d", len(na.Searched), tt.wantRows)
			}
		})
	}
	// Not found on EVM while TRON could not be asked: the report says TRON
	// was not searched, so "not found" is not taken for the whole truth.
	tronDown := &Report{Status: StatusUnknown, Searched: []Searched{{Chain: "TRON", Endpoint: "t", Result: "error"}}}
	got, err := merge([]familyAnswer{{FamilyEVM, rep(StatusNotFound, "evm"), nil}, {FamilyTron, tronDown, &NoAnswerError{}}})
	if err != nil || got.Status != StatusNotFound || !got.Has(CodeRPCDegraded) || got.Findings[len(got.Findings)-1].Data["failed"] != "TRON" {
		t.Errorf("not found beside an unanswered family = %v %+v", err, got)
	}
	if _, err := merge(nil); err == nil {
		t.Error("merge of nothing gave no error")
	}
}
