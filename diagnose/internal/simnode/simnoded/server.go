package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strconv"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// server holds the running nodes by id.
type server struct {
	mu    sync.Mutex
	next  int
	nodes map[string]*hosted
}

// hosted is one node; its lock keeps one control call at a time on it,
// so that a send's pending nonce and a commit never interleave.
type hosted struct {
	mu sync.Mutex
	n  *simnode.Node
}

func newServer() *server { return &server{nodes: map[string]*hosted{}} }

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /nodes", s.start)
	mux.HandleFunc("DELETE /nodes/{id}", s.stop)
	mux.HandleFunc("POST /nodes/{id}/send", s.with(send))
	mux.HandleFunc("POST /nodes/{id}/underpriced", s.with(underpriced))
	mux.HandleFunc("POST /nodes/{id}/deploy", s.with(deploy))
	mux.HandleFunc("POST /nodes/{id}/commit", s.with(commit))
	mux.HandleFunc("GET /nodes/{id}/base_fee", s.with(baseFee))
	return mux
}

// nodeInfo is what a client needs to use a node.
type nodeInfo struct {
	ID       string           `json:"id"`
	URL      string           `json:"url"`
	ChainID  uint64           `json:"chain_id"`
	Accounts []common.Address `json:"accounts"`
}

func (s *server) start(w http.ResponseWriter, r *http.Request) {
	var req struct {
		ChainID uint64 `json:"chain_id"`
	}
	if !decode(w, r, &req) {
		return
	}
	n, err := simnode.Start(req.ChainID)
	if err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	s.mu.Lock()
	s.next++
	id := strconv.Itoa(s.next)
	s.nodes[id] = &hosted{n: n}
	s.mu.Unlock()
	reply(w, nodeInfo{ID: id, URL: n.URL, ChainID: n.ChainID, Accounts: n.Addrs})
}

func (s *server) stop(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	h, ok := s.nodes[r.PathValue("id")]
	delete(s.nodes, r.PathValue("id"))
	s.mu.Unlock()
	if !ok {
		fail(w, http.StatusNotFound, errors.New("no such node"))
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.n.Close(); err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// closeAll stops every node still running.
func (s *server) closeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, h := range s.nodes {
		h.mu.Lock()
		_ = h.n.Close()
		h.mu.Unlock()
		delete(s.nodes, id)
	}
}

// op is one control call on a node: it reads its request from r and
// returns the answer to encode, or an error (a bad request when it is a
// badRequest).
type op func(n *simnode.Node, r *http.Request) (any, error)

type badRequest struct{ error }

func (s *server) with(fn op) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		h, ok := s.nodes[r.PathValue("id")]
		s.mu.Unlock()
		if !ok {
			fail(w, http.StatusNotFound, errors.New("no such node"))
			return
		}
		h.mu.Lock()
		defer h.mu.Unlock()
		out, err := fn(h.n, r)
		var bad badRequest
		switch {
		case errors.As(err, &bad):
			fail(w, http.StatusBadRequest, err)
		case err != nil:
			fail(w, http.StatusInternalServerError, err)
		default:
			reply(w, out)
		}
	}
}

// txRequest is simnode.Tx on the wire, with whether to mine it.
type txRequest struct {
	From     int             `json:"from"`
	To       *common.Address `json:"to,omitempty"`
	Value    *big.Int        `json:"value,omitempty"`
	Data     hexutil.Bytes   `json:"data,omitempty"`
	Nonce    *uint64         `json:"nonce,omitempty"`
	Gas      uint64          `json:"gas,omitempty"`
	FeeCap   *big.Int        `json:"fee_cap,omitempty"`
	Tip      *big.Int        `json:"tip,omitempty"`
	GasPrice *big.Int        `json:"gas_price,omitempty"`
	Mine     bool            `json:"mine,omitempty"`
}

// signed is a transaction as it was sent, in its binary encoding.
type signed struct {
	Raw hexutil.Bytes `json:"raw"`
}

func signedOf(tx *types.Transaction) (any, error) {
	raw, err := tx.MarshalBinary()
	if err != nil {
		return nil, err
	}
	return signed{Raw: raw}, nil
}

func send(n *simnode.Node, r *http.Request) (any, error) {
	var req txRequest
	if err := read(r, &req); err != nil {
		return nil, err
	}
	if err := account(req.From); err != nil {
		return nil, err
	}
	t := simnode.Tx{From: req.From, To: req.To, Value: req.Value, Data: req.Data, Nonce: req.Nonce, Gas: req.Gas,
		FeeCap: req.FeeCap, Tip: req.Tip, GasPrice: req.GasPrice}
	sendOrMine := n.Send
	if req.Mine {
		sendOrMine = n.Mine
	}
	tx, err := sendOrMine(r.Context(), t)
	if err != nil {
		return nil, err
	}
	return signedOf(tx)
}

func underpriced(n *simnode.Node, r *http.Request) (any, error) {
	var req struct {
		From  int      `json:"from"`
		Nonce *uint64  `json:"nonce,omitempty"`
		Value *big.Int `json:"value,omitempty"`
	}
	if err := read(r, &req); err != nil {
		return nil, err
	}
	if err := account(req.From); err != nil {
		return nil, err
	}
	tx, err := n.SendUnderpriced(r.Context(), req.From, req.Nonce, req.Value)
	if err != nil {
		return nil, err
	}
	return signedOf(tx)
}

func deploy(n *simnode.Node, r *http.Request) (any, error) {
	var req struct {
		From     int      `json:"from"`
		Contract string   `json:"contract"`
		Name     string   `json:"name"`
		Symbol   string   `json:"symbol"`
		Decimals uint8    `json:"decimals"`
		Supply   *big.Int `json:"supply"`
	}
	if err := read(r, &req); err != nil {
		return nil, err
	}
	if err := account(req.From); err != nil {
		return nil, err
	}
	var addr common.Address
	var err error
	switch req.Contract {
	case "token":
		if req.Supply == nil {
			return nil, badRequest{errors.New("token: no supply")}
		}
		addr, err = n.DeployToken(r.Context(), req.From, req.Name, req.Symbol, req.Decimals, req.Supply)
	case "failer":
		addr, err = n.DeployFailer(r.Context(), req.From)
	default:
		return nil, badRequest{fmt.Errorf("no fixture contract %q (token, failer)", req.Contract)}
	}
	if err != nil {
		return nil, err
	}
	return map[string]common.Address{"address": addr}, nil
}

func commit(n *simnode.Node, _ *http.Request) (any, error) {
	return map[string]common.Hash{"block": n.Commit()}, nil
}

func baseFee(n *simnode.Node, r *http.Request) (any, error) {
	fee, err := n.BaseFee(r.Context())
	if err != nil {
		return nil, err
	}
	return map[string]*big.Int{"base_fee": fee}, nil
}

func account(i int) error {
	if i < 0 || i >= simnode.Accounts {
		return badRequest{fmt.Errorf("account %d: the node has accounts 0 to %d", i, simnode.Accounts-1)}
	}
	return nil
}

// maxRequest bounds a control request's body.
const maxRequest = 1 << 20

// read decodes a JSON request body; an empty body is an empty request.
func read(r *http.Request, v any) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRequest))
	if err != nil {
		return badRequest{err}
	}
	if len(body) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, v); err != nil {
		return badRequest{fmt.Errorf("request: %w", err)}
	}
	return nil
}

func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := read(r, v); err != nil {
		fail(w, http.StatusBadRequest, err)
		return false
	}
	return true
}

func reply(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func fail(w http.ResponseWriter, status int, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
}
