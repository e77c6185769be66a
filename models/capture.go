package models

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"gorm.io/gorm"

	"claimdesk/models/capture"
)

// ActCaptured is the activity row of a finished capture of a claim's
// evidence, good or failed.
const ActCaptured = "captured"

// Capture is one captured copy of an evidence link, or a failed attempt with
// its reason. Captures are never changed or deleted (the schema refuses it).
type Capture struct {
	ID          int64     `json:"id"`
	EvidenceID  int64     `json:"evidence_id"`
	URL         string    `json:"url"`
	FinalURL    string    `json:"final_url"`
	CapturedAt  time.Time `json:"captured_at"`
	Status      string    `json:"status"`
	HTTPStatus  int       `json:"http_status"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	// SHA256 is the hex SHA-256 of the body, "" when none was kept.
	SHA256    string `json:"sha256" gorm:"column:sha256"`
	IP        string `json:"ip"`
	ErrorKind string `json:"error_kind"`
	Error     string `json:"error"`
	// ArchiveURL is the public copy Save Page Now made of it, if asked.
	ArchiveURL    string `json:"archive_url"`
	RequestedByID *int64 `json:"requested_by"`
}

// Capture statuses, as the API names them.
const (
	CaptureOK     = "ok"
	CaptureFailed = "failed"
)

// captureColumns are the columns every capture list reads (the message
// heads stay out: only the WARC needs them).
const captureColumns = `c.id, c.evidence_id, c.url, c.final_url, c.captured_at, c.status, c.http_status, c.content_type,
	c.size, COALESCE(c.sha256, '') AS sha256, c.ip, c.error_kind, c.error, c.requested_by_id,
	COALESCE((SELECT t.result_url FROM capture_tasks t WHERE t.capture_id = c.id AND t.kind = 'archive'
		AND t.result_url <> '' ORDER BY t.id DESC LIMIT 1), '') AS archive_url`

// EvidenceCaptures lists an evidence item's captures, newest first.
func (s *Store) EvidenceCaptures(ctx context.Context, evidenceID int64) ([]Capture, error) {
	if _, err := s.EvidenceItem(ctx, evidenceID); err != nil {
		return nil, err
	}
	caps := []Capture{}
	err := s.read(ctx).Raw(`SELECT `+captureColumns+` FROM captures c WHERE c.evidence_id = ? ORDER BY c.id DESC`, evidenceID).Scan(&caps).Error
	return caps, err
}

// CapturesByEvidence lists the captures of several evidence items at once
// (newest first per item), for the claim page.
func (s *Store) CapturesByEvidence(ctx context.Context, evidenceIDs []int64) (map[int64][]Capture, error) {
	out := map[int64][]Capture{}
	if len(evidenceIDs) == 0 {
		return out, nil
	}
	var caps []Capture
	if err := s.read(ctx).Raw(`SELECT `+captureColumns+` FROM captures c WHERE c.evidence_id IN ? ORDER BY c.id DESC`, evidenceIDs).Scan(&caps).Error; err != nil {
		return nil, err
	}
	for _, c := range caps {
		out[c.EvidenceID] = append(out[c.EvidenceID], c)
	}
	return out, nil
}

// CaptureItem loads one capture.
func (s *Store) CaptureItem(ctx context.Context, id int64) (*Capture, error) {
	var caps []Capture
	if err := s.read(ctx).Raw(`SELECT `+captureColumns+` FROM captures c WHERE c.id = ?`, id).Scan(&caps).Error; err != nil {
		return nil, err
	}
	if len(caps) == 0 {
		return nil, ErrNotFound
	}
	return &caps[0], nil
}

// CaptureBody returns the captured body of a capture that kept one.
func (s *Store) CaptureBody(ctx context.Context, c *Capture) ([]byte, error) {
	if c.SHA256 == "" {
		return nil, fmt.Errorf("capture %d kept no page: %w", c.ID, ErrNotFound)
	}
	data, _, err := s.EvidenceFile(ctx, c.SHA256)
	return data, err
}

// WriteCaptureWARC writes capture id as a WARC/1.1 file: a warcinfo record,
// then the request and response records with their digests.
func (s *Store) WriteCaptureWARC(ctx context.Context, w io.Writer, id int64) error {
	var row struct {
		FinalURL, IP, RequestHead, ResponseHead, WarcRequestID, WarcResponseID, SHA256 string
		CapturedAt                                                                     time.Time
	}
	res := s.read(ctx).Raw(`SELECT final_url, ip, request_head, response_head, warc_request_id, warc_response_id,
		COALESCE(sha256, '') AS sha256, captured_at FROM captures WHERE id = ?`, id).Scan(&row)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	if row.ResponseHead == "" {
		return fmt.Errorf("capture %d failed before any answer, so it has no WARC: %w", id, ErrNotFound)
	}
	var body []byte
	if row.SHA256 != "" {
		var err error
		if body, _, err = s.EvidenceFile(ctx, row.SHA256); err != nil {
			return err
		}
	}
	return capture.WriteWARC(w, capture.WARC{TargetURI: row.FinalURL, At: row.CapturedAt, IP: row.IP,
		RequestID: row.WarcRequestID, ResponseID: row.WarcResponseID, RequestHead: row.RequestHead,
		ResponseHead: row.ResponseHead, Body: body, Software: "Claimdesk"})
}

// saveCapture records a finished capture attempt with its body (kept once by
// hash), closes its task and appends the claim's activity row, in one
// transaction.
func (s *Store) saveCapture(ctx context.Context, t *CaptureTask, ev *Evidence, r *capture.Result) (*Capture, error) {
	c := &Capture{EvidenceID: ev.ID, URL: r.URL, FinalURL: r.FinalURL, CapturedAt: r.At, Status: CaptureOK,
		HTTPStatus: r.HTTPStatus, ContentType: r.ContentType, Size: int64(len(r.Body)), SHA256: r.SHA256, IP: r.IP,
		ErrorKind: r.ErrKind, Error: r.Err, RequestedByID: t.RequestedByID}
	if !r.OK() {
		c.Status = CaptureFailed
	}
	var reqID, respID string
	if r.ResponseHead != "" {
		reqID, respID = capture.NewRecordID(), capture.NewRecordID()
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		if r.SHA256 != "" {
			if err := tx.Exec(`INSERT INTO files(sha256, size, content_type, data, created_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT(sha256) DO NOTHING`, r.SHA256, len(r.Body), storedType(r.ContentType), r.Body, r.At).Error; err != nil {
				return err
			}
		}
		if err := tx.Raw(`INSERT INTO captures(evidence_id, url, final_url, captured_at, status, http_status, content_type, size,
			sha256, ip, request_head, response_head, warc_request_id, warc_response_id, error_kind, error, requested_by_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			c.EvidenceID, c.URL, c.FinalURL, c.CapturedAt, c.Status, c.HTTPStatus, c.ContentType, c.Size, c.SHA256, c.IP,
			r.RequestHead, r.ResponseHead, reqID, respID, c.ErrorKind, c.Error, c.RequestedByID).Scan(&c.ID).Error; err != nil {
			return err
		}
		if err := tx.Exec(`UPDATE capture_tasks SET finished_at = ?, capture_id = ? WHERE id = ?`, s.Now(), c.ID, t.ID).Error; err != nil {
			return err
		}
		return appendActivity(tx, &Activity{ClaimID: ev.ClaimID, ActorID: t.RequestedByID, Action: ActCaptured,
			ToValue: c.Status, Text: captureSummary(c), CreatedAt: s.Now(),
			Details: mustJSON(map[string]any{"evidence_id": ev.ID, "capture_id": c.ID, "url": c.URL, "sha256": c.SHA256,
				"http_status": c.HTTPStatus, "error": c.Error})})
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// storedType is the content type kept with a captured body: the served
// type without parameters, or a neutral one.
func storedType(ct string) string {
	ct = strings.TrimSpace(strings.SplitN(ct, ";", 2)[0])
	if ct == "" {
		return "application/octet-stream"
	}
	return strings.ToLower(ct)
}

// captureSummary is the activity line of a capture.
func captureSummary(c *Capture) string {
	if c.Status == CaptureOK {
		return fmt.Sprintf("Captured %s (%d bytes, SHA-256 %s)", c.URL, c.Size, c.SHA256)
	}
	return fmt.Sprintf("Capture of %s failed: %s", c.URL, c.Error)
}

// StoryEvidenceWithoutCapture lists the standing link evidence of a story's
// claims that has no good capture yet (never captured, or only failed
// attempts), oldest first, for a bulk capture.
func (s *Store) StoryEvidenceWithoutCapture(ctx context.Context, storyID int64) ([]int64, error) {
	var n int64
	if err := s.read(ctx).Table("stories").Where("id = ?", storyID).Count(&n).Error; err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, ErrNotFound
	}
	ids := []int64{}
	err := s.read(ctx).Raw(`SELECT e.id FROM evidence e JOIN claims c ON c.id = e.claim_id
		WHERE c.story_id = ? AND e.url <> '' AND e.removed_at IS NULL
		AND NOT EXISTS (SELECT 1 FROM captures p WHERE p.evidence_id = e.id AND p.status = 'ok')
		ORDER BY e.id`, storyID).Scan(&ids).Error
	return ids, err
}
