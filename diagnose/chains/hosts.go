package chains

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

//go:embed hosts.json
var embeddedHosts []byte

// Archive says how much old state a host serves, as far as the facts go.
type Archive string

// Archive kinds, as found in HostFacts.Archive.
const (
	ArchiveFull    Archive = "full"    // historical state at any block
	ArchiveLimited Archive = "limited" // only the last ArchiveBlocks blocks (0: a depth nobody measured)
	ArchiveUnknown Archive = "unknown" // no source either way: try, and expect a refusal
)

// HostFacts is what a public operator's host is known to accept, with the
// source of each figure (reference/ENDPOINTS.md).
type HostFacts struct {
	// Host is a host name, or "*.domain" for every host under domain.
	Host          string  `json:"host"`
	BatchCap      int     `json:"batch_cap"`
	CapSource     string  `json:"cap_source"`
	Archive       Archive `json:"archive"`
	ArchiveBlocks uint64  `json:"archive_blocks"`
	ArchiveSource string  `json:"archive_source"`
}

// DefaultBatchCap is the cap for a host nobody measured (ENDPOINTS.md rule 1).
const DefaultBatchCap = 10

func parseHosts(data []byte) ([]HostFacts, error) {
	var list []HostFacts
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("parse host facts: %w", err)
	}
	seen := map[string]bool{}
	for _, h := range list {
		switch {
		case h.Host == "" || h.Host != strings.ToLower(h.Host) || seen[h.Host]:
			return nil, fmt.Errorf("host facts: bad or repeated host %q", h.Host)
		case h.BatchCap < 1 || h.BatchCap > 1000 || strings.TrimSpace(h.CapSource) == "":
			return nil, fmt.Errorf("host %s: batch cap %d needs a value 1..1000 and a source", h.Host, h.BatchCap)
		case !slices.Contains([]Archive{ArchiveFull, ArchiveLimited, ArchiveUnknown}, h.Archive) || strings.TrimSpace(h.ArchiveSource) == "":
			return nil, fmt.Errorf("host %s: archive %q needs a known kind and a source", h.Host, h.Archive)
		}
		seen[h.Host] = true
	}
	return list, nil
}

// Host is what the facts say about the host of an endpoint URL: an exact
// host first, then the closest "*.domain" entry. ok is false for a host
// nobody measured (a user's own node, a test server).
func (r *Registry) Host(endpoint string) (HostFacts, bool) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return HostFacts{}, false
	}
	withPort, host := strings.ToLower(u.Host), normHost(u.Host)
	if i := slices.IndexFunc(r.hosts, func(h HostFacts) bool { return h.Host == withPort || h.Host == host }); i >= 0 {
		return r.hosts[i], true
	}
	for name := host; strings.Contains(name, "."); {
		_, name, _ = strings.Cut(name, ".")
		if i := slices.IndexFunc(r.hosts, func(h HostFacts) bool { return h.Host == "*."+name }); i >= 0 {
			return r.hosts[i], true
		}
	}
	return HostFacts{}, false
}

// BatchCap is the most calls to send an endpoint in one request.
func (r *Registry) BatchCap(endpoint string) int {
	if h, ok := r.Host(endpoint); ok {
		return h.BatchCap
	}
	return DefaultBatchCap
}

// ServesState says whether an endpoint is known to serve the state of a
// block depth blocks behind its head: yes, no, or unknown (ok false).
func (r *Registry) ServesState(endpoint string, depth uint64) (serves, known bool) {
	h, ok := r.Host(endpoint)
	if !ok {
		return false, false
	}
	switch {
	case h.Archive == ArchiveFull:
		return true, true
	case h.Archive == ArchiveLimited && h.ArchiveBlocks > 0:
		return depth <= h.ArchiveBlocks, true
	case h.Archive == ArchiveLimited:
		return false, true
	}
	return false, false
}

// IsPublicHost reports whether host (as in a URL, port included) is one the
// registry lists an endpoint on: a name that may be written down as it is.
func (r *Registry) IsPublicHost(host string) bool {
	host = normHost(host)
	for _, c := range r.chains {
		for _, ep := range c.Endpoints {
			if u, err := url.Parse(ep); err == nil && normHost(u.Host) == host {
				return true
			}
		}
	}
	return false
}

// WithHost returns a copy of r that also knows h (tests: a loopback
// emulator of an operator), replacing facts for the same host.
func (r *Registry) WithHost(h HostFacts) *Registry {
	n := *r
	n.hosts = slices.DeleteFunc(slices.Clone(r.hosts), func(x HostFacts) bool { return x.Host == h.Host })
	n.hosts = append(n.hosts, h)
	return &n
}

var errNoHosts = errors.New("host facts are empty")
