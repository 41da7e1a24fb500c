package noderpc

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"time"
)

// CapMemory is a small JSON file in the user's cache directory: for each
// host, the batch cap it turned out to accept and when that was seen, so
// that the next run starts at a size the host takes. Only public data: a
// host the registry lists is kept by name, any other host (a user's own
// node, perhaps with a key in its name) only as a hash of its name. An
// entry older than MaxCapAge is forgotten. A missing, corrupt or hostile
// file is an empty memory, never an error that stops a check.
type CapMemory struct {
	path   string
	public func(host string) bool
	now    func() time.Time
	mu     sync.Mutex
}

// Bounds on the cap memory file.
const (
	MaxCapAge      = 7 * 24 * time.Hour
	maxCapEntries  = 256
	maxCapFileSize = 64 << 10
	capFileVersion = 1
)

// capEntry is one remembered host: the cap it took (0: none learnt) and
// when it last refused old state (zero: never seen to).
type capEntry struct {
	Cap     int       `json:"cap,omitempty"`
	Seen    time.Time `json:"seen"`
	NoState time.Time `json:"no_state,omitempty"`
	// QuotaUntil is when a spent daily quota (1RPC) resets: 00:00 UTC.
	QuotaUntil time.Time `json:"quota_until,omitempty"`
	// Unsupported are the methods the host answered "does not exist / is
	// not available" for (-32601, not whitelisted): the next run answers
	// them locally and asks another endpoint instead.
	Unsupported []string `json:"unsupported,omitempty"`
}

// maxUnsupported bounds the methods remembered per host.
const maxUnsupported = 16

// validMethod: a JSON-RPC method name as nodes spell them (eth_call,
// txpool_contentFrom), nothing a hostile file could smuggle in.
func validMethod(m string) bool {
	if m == "" || len(m) > 64 {
		return false
	}
	for _, r := range m {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

type capFile struct {
	Version int                 `json:"version"`
	Hosts   map[string]capEntry `json:"hosts"`
}

// NewCapMemory keeps its file at path ("" disables it). public says which
// host names may be written as they are (the registry's hosts); now is the
// clock (nil: time.Now).
func NewCapMemory(path string, public func(host string) bool, now func() time.Time) *CapMemory {
	if now == nil {
		now = time.Now
	}
	if public == nil {
		public = func(string) bool { return false }
	}
	return &CapMemory{path: path, public: public, now: now}
}

// DefaultCapMemoryPath is <user cache dir>/unstuck/endpoints.json, or ""
// when the platform has no cache directory.
func DefaultCapMemoryPath() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "unstuck", "endpoints.json")
}

// key is how host is written in the file.
func (m *CapMemory) key(host string) string {
	if m.public(host) {
		return host
	}
	sum := sha256.Sum256([]byte("unstuck-host:" + host))
	return "sha256:" + hex.EncodeToString(sum[:12])
}

// Get is the fresh cap remembered for host.
func (m *CapMemory) Get(host string) (int, bool) {
	if m == nil || m.path == "" || host == "" {
		return 0, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.load()[m.key(host)]
	return e.Cap, ok && e.Cap > 0
}

// RefusedState reports whether host refused old state within MaxCapAge.
func (m *CapMemory) RefusedState(host string) bool {
	if m == nil || m.path == "" || host == "" {
		return false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.load()[m.key(host)]
	return ok && !e.NoState.IsZero()
}

// QuotaSpent reports whether host's daily quota was used up and has not
// reset yet.
func (m *CapMemory) QuotaSpent(host string) bool {
	if m == nil || m.path == "" || host == "" {
		return false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.load()[m.key(host)]
	return ok && !e.QuotaUntil.IsZero()
}

// PutQuotaSpent remembers that host's daily quota is used up until the
// next 00:00 UTC, when 1RPC resets it.
func (m *CapMemory) PutQuotaSpent(host string) {
	if m == nil || m.path == "" || host == "" {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	all := m.load()
	e := all[m.key(host)]
	now := m.now().UTC()
	e.Seen, e.QuotaUntil = now, now.Truncate(24*time.Hour).Add(24*time.Hour)
	all[m.key(host)] = e
	m.save(all)
}

// Unsupported reports whether host was seen not to offer method.
func (m *CapMemory) Unsupported(host, method string) bool {
	if m == nil || m.path == "" || host == "" {
		return false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.load()[m.key(host)]
	return ok && slices.Contains(e.Unsupported, method)
}

// PutUnsupported remembers that host does not offer method.
func (m *CapMemory) PutUnsupported(host, method string) {
	if m == nil || m.path == "" || host == "" || !validMethod(method) {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	all := m.load()
	e := all[m.key(host)]
	if slices.Contains(e.Unsupported, method) {
		return
	}
	if len(e.Unsupported) >= maxUnsupported {
		e.Unsupported = e.Unsupported[1:]
	}
	e.Seen, e.Unsupported = m.now().UTC(), append(e.Unsupported, method)
	all[m.key(host)] = e
	m.save(all)
}

// PutRefusedState remembers that host refused old state (an archive
// refusal, missing trie node), so that replays go elsewhere first.
func (m *CapMemory) PutRefusedState(host string) {
	if m == nil || m.path == "" || host == "" {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	all := m.load()
	e := all[m.key(host)]
	e.Seen, e.NoState = m.now().UTC(), m.now().UTC()
	all[m.key(host)] = e
	m.save(all)
}

// Put remembers that host accepts cap calls per request. Failing to write
// is not an error anyone could act on: the next run learns again.
func (m *CapMemory) Put(host string, cap int) {
	if m == nil || m.path == "" || host == "" || cap < 1 || cap > MaxCap {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	all := m.load()
	e := all[m.key(host)]
	e.Cap, e.Seen = cap, m.now().UTC()
	all[m.key(host)] = e
	m.save(all)
}

// load reads the file, keeping only sound, fresh entries.
func (m *CapMemory) load() map[string]capEntry {
	out := map[string]capEntry{}
	f, err := os.Open(m.path)
	if err != nil {
		return out
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCapFileSize+1))
	if err != nil || len(data) > maxCapFileSize {
		return out
	}
	return parseCapFile(data, m.now())
}

// parseCapFile reads a cap memory file's bytes, dropping whatever is not
// a sound, fresh entry.
func parseCapFile(data []byte, now time.Time) map[string]capEntry {
	out := map[string]capEntry{}
	var file capFile
	if json.Unmarshal(data, &file) != nil || file.Version != capFileVersion {
		return out
	}
	for k, e := range file.Hosts {
		age := now.Sub(e.Seen)
		if len(k) == 0 || len(k) > 253 || e.Cap < 0 || e.Cap > MaxCap || age < -time.Hour || age > MaxCapAge {
			continue
		}
		if state := now.Sub(e.NoState); !e.NoState.IsZero() && (state < -time.Hour || state > MaxCapAge) {
			e.NoState = time.Time{}
		}
		if !e.QuotaUntil.IsZero() && (!e.QuotaUntil.After(now) || e.QuotaUntil.Sub(now) > 25*time.Hour) {
			e.QuotaUntil = time.Time{}
		}
		var methods []string
		for _, m := range e.Unsupported {
			if validMethod(m) && !slices.Contains(methods, m) && len(methods) < maxUnsupported {
				methods = append(methods, m)
			}
		}
		e.Unsupported = methods
		if e.Cap == 0 && e.NoState.IsZero() && e.QuotaUntil.IsZero() && len(e.Unsupported) == 0 {
			continue
		}
		out[k] = e
	}
	if len(out) > maxCapEntries {
		out = newest(out, maxCapEntries)
	}
	return out
}

func newest(all map[string]capEntry, n int) map[string]capEntry {
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if !all[keys[i]].Seen.Equal(all[keys[j]].Seen) {
			return all[keys[i]].Seen.After(all[keys[j]].Seen)
		}
		return keys[i] < keys[j]
	})
	out := make(map[string]capEntry, n)
	for _, k := range keys[:n] {
		out[k] = all[k]
	}
	return out
}

// save writes the file atomically (a temporary file renamed over it),
// readable by the user alone.
func (m *CapMemory) save(all map[string]capEntry) {
	if len(all) > maxCapEntries {
		all = newest(all, maxCapEntries)
	}
	data, err := json.MarshalIndent(capFile{Version: capFileVersion, Hosts: all}, "", "  ")
	if err != nil {
		return
	}
	dir := filepath.Dir(m.path)
	if os.MkdirAll(dir, 0o700) != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, ".endpoints-*.json")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), m.path) != nil {
		_ = os.Remove(tmp.Name())
	}
}
