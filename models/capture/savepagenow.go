package capture

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// SavePageNow asks the Internet Archive's Save Page Now (its SPN2 API) to
// keep a public copy of a page, which anyone can consult without Claimdesk.
// It goes through the same guarded client as captures.
type SavePageNow struct {
	// Endpoint is the archive's address, https://web.archive.org.
	Endpoint string
	// AccessKey and Secret are the account's S3-style API keys.
	AccessKey, Secret string
	Client            Doer
	// PollEvery and MaxWait pace the wait for the archive's job.
	PollEvery time.Duration
	MaxWait   time.Duration
}

// spnAnswer is what SPN2 answers to a save request and to a status poll.
type spnAnswer struct {
	URL         string `json:"url"`
	JobID       string `json:"job_id"`
	Status      string `json:"status"`
	Timestamp   string `json:"timestamp"`
	OriginalURL string `json:"original_url"`
	Message     string `json:"message"`
	StatusExt   string `json:"status_ext"`
}

// Save asks for a copy of pageURL and waits for the archive to make it; it
// returns the public copy's address.
func (s *SavePageNow) Save(ctx context.Context, pageURL string) (string, error) {
	poll, wait := s.PollEvery, s.MaxWait
	if poll <= 0 {
		poll = 5 * time.Second
	}
	if wait <= 0 {
		wait = 3 * time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	base := strings.TrimRight(s.Endpoint, "/")
	form := url.Values{"url": {pageURL}}
	ans, err := s.call(ctx, http.MethodPost, base+"/save", strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	if ans.JobID == "" {
		return "", fmt.Errorf("Save Page Now refused the page: %s", firstOf(ans.Message, ans.StatusExt, "no job was started"))
	}
	for {
		select {
		case <-ctx.Done():
			return "", fmt.Errorf("Save Page Now did not finish in %s", wait)
		case <-time.After(poll):
		}
		st, err := s.call(ctx, http.MethodGet, base+"/save/status/"+url.PathEscape(ans.JobID), nil)
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				// The wait ran out during a status request rather than
				// between two.
				return "", fmt.Errorf("Save Page Now did not finish in %s", wait)
			}
			return "", err
		}
		switch st.Status {
		case "success":
			if st.Timestamp == "" {
				return "", fmt.Errorf("Save Page Now reported success without a timestamp")
			}
			return base + "/web/" + st.Timestamp + "/" + firstOf(st.OriginalURL, pageURL), nil
		case "error":
			return "", fmt.Errorf("Save Page Now could not save the page: %s", firstOf(st.Message, st.StatusExt, "no reason given"))
		}
	}
}

// call sends one authenticated request and reads the JSON answer.
func (s *SavePageNow) call(ctx context.Context, method, u string, body io.Reader) (*spnAnswer, error) {
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Authorization", "LOW "+s.AccessKey+":"+s.Secret)
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := s.Client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("Save Page Now: %w", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("Save Page Now: %w", err)
	}
	var ans spnAnswer
	if err := json.Unmarshal(data, &ans); err != nil || resp.StatusCode >= 400 {
		return nil, fmt.Errorf("Save Page Now answered %s: %s", resp.Status, firstOf(ans.Message, strings.TrimSpace(string(data[:min(len(data), 200)]))))
	}
	return &ans, nil
}

// firstOf returns the first non-empty string.
func firstOf(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
