package diagnose

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// maxRemembered bounds what is kept per family; the oldest entries go
// first.
const maxRemembered = 200

// Memory is what unstuck keeps between checks about transactions it saw
// pending, one namespace per family: the EVM backend keeps a sender's
// nonce (to tell "replaced" from "dropped"), the Bitcoin backend a
// transaction's inputs (to ask who spent them). Only public data. It is a
// small JSON file in the user's cache directory, written atomically; a
// missing or corrupt file is an empty memory, never an error that stops a
// check. With no path it lives as long as the process (a TUI session, a
// --watch). It is safe for concurrent use.
type Memory struct {
	path string
	mu   sync.Mutex
	mem  map[Family]map[string]remembered // the process's copy when path is ""
}

// remembered is one entry: the backend's record, and when it was seen.
type remembered struct {
	SeenAt time.Time       `json:"seen_at"`
	Record json.RawMessage `json:"record"`
}

// NewMemory keeps its file at path; "" keeps it in this process only.
func NewMemory(path string) *Memory {
	return &Memory{path: path, mem: map[Family]map[string]remembered{}}
}

// DefaultMemoryPath is <user cache dir>/unstuck/memory.json, or "" when
// the platform has no cache directory.
func DefaultMemoryPath() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "unstuck", "memory.json")
}

// Get decodes what family f remembered under key into v. ok is false when
// nothing (readable) is remembered.
func (m *Memory) Get(f Family, key string, v any) bool {
	if m == nil {
		return false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.load()[f][strings.ToLower(key)]
	return ok && json.Unmarshal(r.Record, v) == nil
}

// Put remembers v for family f under key, seen at seen, replacing an older
// entry.
func (m *Memory) Put(f Family, key string, seen time.Time, v any) error {
	rec, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("remember a pending transaction: %w", err)
	}
	return m.update(func(all map[Family]map[string]remembered) {
		if all[f] == nil {
			all[f] = map[string]remembered{}
		}
		all[f][strings.ToLower(key)] = remembered{SeenAt: seen.UTC(), Record: rec}
	})
}

// Forget drops family f's entry under key (it was mined, or is known to be
// gone for good).
func (m *Memory) Forget(f Family, key string) error {
	return m.update(func(all map[Family]map[string]remembered) { delete(all[f], strings.ToLower(key)) })
}

func (m *Memory) update(change func(map[Family]map[string]remembered)) error {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	all := m.load()
	change(all)
	for _, entries := range all {
		trimOldest(entries)
	}
	if m.path == "" {
		m.mem = all
		return nil
	}
	data, err := json.MarshalIndent(all, "", " ")
	if err != nil {
		return fmt.Errorf("remember a pending transaction: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(m.path), 0o700); err != nil {
		return fmt.Errorf("remember a pending transaction: %w", err)
	}
	tmp := m.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("remember a pending transaction: %w", err)
	}
	if err := os.Rename(tmp, m.path); err != nil {
		return fmt.Errorf("remember a pending transaction: %w", err)
	}
	return nil
}

// load reads everything remembered (a copy the caller may change).
func (m *Memory) load() map[Family]map[string]remembered {
	all := map[Family]map[string]remembered{}
	if m.path == "" {
		for f, entries := range m.mem {
			all[f] = map[string]remembered{}
			for k, r := range entries {
				all[f][k] = r
			}
		}
		return all
	}
	data, err := os.ReadFile(m.path)
	if err != nil || json.Unmarshal(data, &all) != nil {
		return map[Family]map[string]remembered{} // missing, unreadable or corrupt: nothing remembered
	}
	return all
}

func trimOldest(entries map[string]remembered) {
	if len(entries) <= maxRemembered {
		return
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return entries[keys[i]].SeenAt.Before(entries[keys[j]].SeenAt) })
	for _, k := range keys[:len(entries)-maxRemembered] {
		delete(entries, k)
	}
}
