package evm

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Remembered is what unstuck keeps about a transaction it once saw pending,
// so that a later check can tell "replaced" from "dropped" with certainty.
// Only public data: hash, chain, sender, nonce, fees, where and when seen.
type Remembered struct {
	Hash      common.Hash    `json:"hash"`
	ChainID   uint64         `json:"chain_id"`
	From      common.Address `json:"from"`
	To        string         `json:"to,omitempty"`
	Nonce     uint64         `json:"nonce"`
	ValueWei  string         `json:"value_wei"`
	SeenBlock uint64         `json:"seen_block"`
	SeenAt    time.Time      `json:"seen_at"`
}

// maxRemembered bounds the memory file; the oldest entries go first.
const maxRemembered = 200

// Memory is a small JSON file of Remembered transactions in the user's
// cache directory. A missing or corrupt file is an empty memory, never an
// error that stops a check.
type Memory struct {
	path string
	mu   sync.Mutex
}

// NewMemory keeps its file at path. An empty path disables memory.
func NewMemory(path string) *Memory { return &Memory{path: path} }

// DefaultMemoryPath is <user cache dir>/unstuck/pending.json, or "" when
// the platform has no cache directory.
func DefaultMemoryPath() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "unstuck", "pending.json")
}

// Get returns what was remembered about hash.
func (m *Memory) Get(hash common.Hash) (*Remembered, bool) {
	if m == nil || m.path == "" {
		return nil, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	all := m.load()
	r, ok := all[strings.ToLower(hash.Hex())]
	if !ok {
		return nil, false
	}
	return &r, true
}

// Put remembers r, replacing an older entry for the same hash.
func (m *Memory) Put(r Remembered) error {
	return m.update(func(all map[string]Remembered) { all[strings.ToLower(r.Hash.Hex())] = r })
}

// Forget drops hash (it was mined or is known to be gone for good).
func (m *Memory) Forget(hash common.Hash) error {
	return m.update(func(all map[string]Remembered) { delete(all, strings.ToLower(hash.Hex())) })
}

func (m *Memory) update(change func(map[string]Remembered)) error {
	if m == nil || m.path == "" {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	all := m.load()
	before := len(all)
	change(all)
	if len(all) == 0 && before == 0 {
		return nil
	}
	trim(all)
	data, err := json.MarshalIndent(all, "", " ")
	if err != nil {
		return fmt.Errorf("remember pending transactions: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(m.path), 0o700); err != nil {
		return fmt.Errorf("remember pending transactions: %w", err)
	}
	tmp := m.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("remember pending transactions: %w", err)
	}
	if err := os.Rename(tmp, m.path); err != nil {
		return fmt.Errorf("remember pending transactions: %w", err)
	}
	return nil
}

func (m *Memory) load() map[string]Remembered {
	all := map[string]Remembered{}
	data, err := os.ReadFile(m.path)
	if err != nil {
		return all // missing or unreadable: nothing remembered
	}
	if json.Unmarshal(data, &all) != nil {
		return map[string]Remembered{}
	}
	return all
}

func trim(all map[string]Remembered) {
	if len(all) <= maxRemembered {
		return
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return all[keys[i]].SeenAt.Before(all[keys[j]].SeenAt) })
	for _, k := range keys[:len(all)-maxRemembered] {
		delete(all, k)
	}
}
