package diagnose

import (
	"fmt"
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose/noderpc"
)

// Transport names how an endpoint is spoken to.
type Transport string

// Transports a --rpc value may name before "=".
const (
	TransportEVM     Transport = "evm"     // Ethereum JSON-RPC
	TransportTron    Transport = "tron"    // TRON's HTTP API
	TransportEsplora Transport = "esplora" // Bitcoin over the Esplora REST API
	TransportBitcoin Transport = "bitcoin" // Bitcoin Core JSON-RPC (btcd answers it too)
)

// Family is the chain family a transport serves.
func (t Transport) Family() Family {
	switch t {
	case TransportTron:
		return FamilyTron
	case TransportEsplora, TransportBitcoin:
		return FamilyBitcoin
	}
	return FamilyEVM
}

// EndpointSpec is one --rpc value: [transport=]url.
type EndpointSpec struct {
	Transport Transport
	URL       string
}

// ParseEndpointSpecs reads --rpc values (and UNSTUCK_RPC's): a URL is an
// EVM JSON-RPC endpoint; tron=, esplora= and bitcoin= name the others.
// Every URL must be http(s) with a host. The error never repeats a URL's
// credentials.
func ParseEndpointSpecs(values []string) ([]EndpointSpec, error) {
	var out []EndpointSpec
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		spec := EndpointSpec{Transport: TransportEVM, URL: v}
		if name, rest, ok := strings.Cut(v, "="); ok && !strings.Contains(name, "/") && !strings.Contains(name, ":") {
			switch t := Transport(strings.ToLower(strings.TrimSpace(name))); t {
			case TransportEVM, TransportTron, TransportEsplora, TransportBitcoin:
				spec = EndpointSpec{Transport: t, URL: strings.TrimSpace(rest)}
			default:
				return nil, fmt.Errorf("--rpc %s=…: unknown kind %q; use evm=, tron=, esplora= or bitcoin= before the URL", name, name)
			}
		}
		if err := noderpc.CheckURL(spec.URL); err != nil {
			return nil, fmt.Errorf("--rpc %s: %w", noderpc.Redact(spec.URL), err)
		}
		out = append(out, spec)
	}
	return out, nil
}

// URLsFor lists the URLs of one transport, in the order given.
func URLsFor(specs []EndpointSpec, t Transport) []string {
	var out []string
	for _, s := range specs {
		if s.Transport == t {
			out = append(out, s.URL)
		}
	}
	return out
}
