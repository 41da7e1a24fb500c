package noderpc

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

const (
	// errorBodySnippet is how much of a non-2xx answer's body is kept.
	errorBodySnippet = 512
	// maxRetryAfter bounds a Retry-After so that a huge one cannot overflow.
	maxRetryAfter = 24 * time.Hour
)

// HTTPError is an answer with a status other than 2xx.
type HTTPError struct {
	StatusCode int
	Status     string
	Body       []byte        // the start of the body, at most 512 bytes
	RetryAfter time.Duration // from a Retry-After header in seconds, else 0
}

func (e *HTTPError) Error() string {
	if len(e.Body) == 0 {
		return e.Status
	}
	return fmt.Sprintf("%s: %q", e.Status, e.Body)
}

// post sends one JSON-RPC body and returns the answer's body. It fails
// with an *HTTPError for a non-2xx status, with an *Error (FaultTooLarge)
// for a body past the cap, and with the transport's error otherwise.
func (c *Client) post(ctx context.Context, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		snippet, _ := io.ReadAll(io.LimitReader(resp.Body, errorBodySnippet))
		return nil, &HTTPError{StatusCode: resp.StatusCode, Status: resp.Status, Body: snippet, RetryAfter: retryAfter(resp)}
	}
	if resp.ContentLength > c.maxBody {
		return nil, tooLarge()
	}
	// One byte more than the cap tells a body of exactly the cap from a larger one.
	out, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBody+1))
	if err != nil {
		return nil, err
	}
	if int64(len(out)) > c.maxBody {
		return nil, tooLarge()
	}
	return out, nil
}

func tooLarge() *Error {
	return &Error{Fault: FaultTooLarge, Reason: "the endpoint sent an answer larger than allowed", Err: errTooLarge}
}

// retryAfter reads a 429's Retry-After header given in seconds.
func retryAfter(resp *http.Response) time.Duration {
	if resp.StatusCode != http.StatusTooManyRequests {
		return 0
	}
	secs, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	if err != nil || secs < 0 {
		return 0
	}
	if int64(secs) > int64(maxRetryAfter/time.Second) {
		return maxRetryAfter
	}
	return time.Duration(secs) * time.Second
}

// countingTransport counts every HTTP request the client sends,
// redirects included.
type countingTransport struct {
	inner  http.RoundTripper
	client *Client
}

func (t *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.client.requests.Add(1)
	return t.inner.RoundTrip(req)
}
