package diagnose

import (
	"strings"
	"testing"
)

func TestParseEndpointSpecs(t *testing.T) {
	tests := []struct {
		name    string
		in      []string
		want    []EndpointSpec
		wantErr string
	}{
		{name: "bare url is evm", in: []string{"http://127.0.0.1:8545"},
			want: []EndpointSpec{{TransportEVM, "http://127.0.0.1:8545"}}},
		{name: "families", in: []string{"tron=https://api.trongrid.io", "esplora=https://mempool.space/api", "bitcoin=http://user:pw@127.0.0.1:18334", "evm=https://rpc.example"},
			want: []EndpointSpec{{TransportTron, "https://api.trongrid.io"}, {TransportEsplora, "https://mempool.space/api"},
				{TransportBitcoin, "http://user:pw@127.0.0.1:18334"}, {TransportEVM, "https://rpc.example"}}},
		{name: "query string with = stays a url", in: []string{"https://rpc.example/?key=abc"},
			want: []EndpointSpec{{TransportEVM, "https://rpc.example/?key=abc"}}},
		{name: "blank skipped", in: []string{" ", ""}},
		{name: "unknown kind", in: []string{"solana=https://x.example"}, wantErr: "unknown kind"},
		{name: "not a url", in: []string{"tron=api.trongrid.io"}, wantErr: "--rpc"},
		{name: "credentials not echoed", in: []string{"bitcoin=ftp://user:hunter2@host"}, wantErr: "--rpc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseEndpointSpecs(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "hunter2") {
					t.Errorf("error repeats a password: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("[%d] = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
	specs, _ := ParseEndpointSpecs([]string{"tron=http://a.example", "http://b.example", "tron=http://c.example"})
	if got := URLsFor(specs, TransportTron); len(got) != 2 || got[1] != "http://c.example" {
		t.Errorf("URLsFor(tron) = %v", got)
	}
	if TransportEsplora.Family() != FamilyBitcoin || TransportTron.Family() != FamilyTron || TransportEVM.Family() != FamilyEVM {
		t.Error("transport families")
	}
}
