package btcdnode

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
)

//go:embed recordings.json
var recordingsJSON []byte

// Recording is what a real btcd answered during one scenario: the checks
// made (in order) and every JSON-RPC exchange they caused.
type Recording struct {
	Name  string `json:"name"`
	About string `json:"about"`
	// Now is when it was recorded (RFC 3339): a replay's clock.
	Now string `json:"now"`
	// Checks are the txids checked, in order, with the verdict each got.
	Checks    []Check    `json:"checks"`
	Exchanges []Exchange `json:"exchanges"`
}

// Check is one check of a recorded scenario.
type Check struct {
	Txid string `json:"txid"`
	// Verdict is the status, then the findings as code/variant.
	Verdict []string `json:"verdict"`
}

// Recordings are the btcd recordings (recordings.json), made by the
// bitcoin package's recorder test with UNSTUCK_RECORD=1.
func Recordings() ([]Recording, error) {
	var file struct {
		Recordings []Recording `json:"recordings"`
	}
	if err := json.Unmarshal(recordingsJSON, &file); err != nil {
		return nil, fmt.Errorf("btcdnode: recordings.json: %w", err)
	}
	return file.Recordings, nil
}

// ReplayHandler answers each recorded request body with its recorded
// answer, in the order they were recorded (the same body can get
// different answers over a scenario); anything else gets HTTP 501 and is
// passed to miss.
func ReplayHandler(rec Recording, miss func(body string)) http.Handler {
	var mu sync.Mutex
	used := make([]bool, len(rec.Exchanges))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var buf bytes.Buffer
		_, _ = buf.ReadFrom(r.Body)
		body := buf.Bytes()
		mu.Lock()
		idx := -1
		for i, e := range rec.Exchanges {
			if !used[i] && e.Request == string(body) {
				idx = i
				used[i] = true
				break
			}
		}
		mu.Unlock()
		if idx < 0 {
			miss(string(body))
			http.Error(w, "unrecorded request", http.StatusNotImplemented)
			return
		}
		e := rec.Exchanges[idx]
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(e.Status)
		_, _ = w.Write([]byte(e.Response))
	})
}
