package diagnose

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

type record struct {
	Nonce uint64 `json:"nonce"`
}

func TestMemoryFamiliesAndRuns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "memory.json")
	at := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	m := NewMemory(path)
	if err := m.Put(FamilyEVM, "0xABC", at, record{Nonce: 7}); err != nil {
		t.Fatal(err)
	}
	if err := m.Put(FamilyBitcoin, "abc", at, record{Nonce: 9}); err != nil {
		t.Fatal(err)
	}
	// a later run reads the file; keys are case-blind; families do not mix
	var r record
	if next := NewMemory(path); !next.Get(FamilyEVM, "0xabc", &r) || r.Nonce != 7 {
		t.Fatalf("EVM entry %+v", r)
	}
	if !NewMemory(path).Get(FamilyBitcoin, "ABC", &r) || r.Nonce != 9 {
		t.Fatalf("Bitcoin entry %+v", r)
	}
	if NewMemory(path).Get(FamilyTron, "abc", &r) {
		t.Error("a family sees another's entry")
	}
	if err := NewMemory(path).Forget(FamilyEVM, "0xabc"); err != nil {
		t.Fatal(err)
	}
	if m.Get(FamilyEVM, "0xabc", &r) || !m.Get(FamilyBitcoin, "abc", &r) {
		t.Error("forget dropped the wrong entry")
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("memory file %v, %v: want private (0600)", info, err)
	}
}

func TestMemoryCorruptOrMissingIsEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "memory.json")
	var r record
	if NewMemory(path).Get(FamilyEVM, "x", &r) {
		t.Error("a missing file remembers something")
	}
	for _, garbage := range []string{"{", `{"evm":{"x":{"record":"not an object"}}}`, `[1,2]`, "\x00\xff"} {
		if err := os.WriteFile(path, []byte(garbage), 0o600); err != nil {
			t.Fatal(err)
		}
		m := NewMemory(path)
		if m.Get(FamilyEVM, "x", &r) {
			t.Errorf("%q: remembered %+v", garbage, r)
		}
		if err := m.Put(FamilyEVM, "y", time.Now(), record{Nonce: 1}); err != nil || !m.Get(FamilyEVM, "y", &r) {
			t.Errorf("%q: a corrupt file blocks remembering: %v", garbage, err)
		}
	}
	var nilMemory *Memory
	if nilMemory.Get(FamilyEVM, "y", &r) || nilMemory.Put(FamilyEVM, "y", time.Now(), r) != nil || nilMemory.Forget(FamilyEVM, "y") != nil {
		t.Error("a nil memory is not a memory that keeps nothing")
	}
}

func TestMemoryInProcessAndTrim(t *testing.T) {
	m := NewMemory("")
	start := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for i := range maxRemembered + 5 {
		if err := m.Put(FamilyBitcoin, strconv.Itoa(i), start.Add(time.Duration(i)*time.Minute), record{Nonce: uint64(i)}); err != nil {
			t.Fatal(err)
		}
	}
	var r record
	if m.Get(FamilyBitcoin, "0", &r) || m.Get(FamilyBitcoin, "4", &r) {
		t.Error("the oldest entries were kept past the bound")
	}
	if !m.Get(FamilyBitcoin, "5", &r) || !m.Get(FamilyBitcoin, strconv.Itoa(maxRemembered+4), &r) || r.Nonce != maxRemembered+4 {
		t.Errorf("the newest entries were dropped: %+v", r)
	}
}
