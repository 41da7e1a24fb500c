package noderpc

import (
	"fmt"
	"net/url"
	"strings"
)

// CheckURL accepts only http and https endpoints with a host.
func CheckURL(endpoint string) error {
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" {
		return fmt.Errorf("%q is not an endpoint URL: use https://host/path", Redact(endpoint))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("endpoint %q: only http:// and https:// endpoints are supported", Redact(endpoint))
	}
	return nil
}

// Redact hides credentials and API keys that users put in endpoint URLs
// (user:pass@, ?apikey=…, long path segments that look like keys), so that
// endpoints can be printed and shared.
func Redact(endpoint string) string {
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" {
		if len(endpoint) > 64 {
			return endpoint[:64] + "…"
		}
		return endpoint
	}
	if u.User != nil {
		u.User = url.User("***")
	}
	if u.RawQuery != "" {
		u.RawQuery = "***"
	}
	parts := strings.Split(u.Path, "/")
	for i, p := range parts {
		if len(p) >= 20 && isKeyish(p) {
			parts[i] = "***"
		}
	}
	u.Path = strings.Join(parts, "/")
	u.RawPath = ""
	return strings.ReplaceAll(u.String(), "%2A%2A%2A", "***")
}

func isKeyish(s string) bool {
	for _, r := range s {
		ok := r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_'
		if !ok {
			return false
		}
	}
	return true
}
