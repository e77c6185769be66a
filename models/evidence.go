package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
)

// EvidenceKinds are the kinds of evidence PRODUCT.md names.
func EvidenceKinds() []string {
	return []string{"document", "photo", "video", "satellite imagery", "official statement", "eyewitness", "expert", "dataset", "other"}
}

// Stances say what a piece of evidence does for the claim.
func Stances() []string { return []string{"supports", "refutes", "context"} }

func oneOf(v string, list []string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Evidence is attached to a claim: a link, an uploaded file, or both. Removing
// evidence marks it removed; the row and its file stay.
type Evidence struct {
	ID            int64      `json:"id"`
	ClaimID       int64      `json:"claim_id"`
	Kind          string     `json:"kind"`
	Stance        string     `json:"stance"`
	URL           string     `json:"url"`
	Title         string     `json:"title"`
	Note          string     `json:"note"`
	Origin        string     `json:"origin"`
	FileSHA256    *string    `json:"file_sha256" gorm:"column:file_sha256"`
	FileName      string     `json:"file_name"`
	FileSize      int64      `json:"file_size"`
	FileType      string     `json:"file_type"`
	AddedByID     *int64     `json:"added_by"`
	AddedByName   string     `json:"added_by_name" gorm:"->"`
	CreatedAt     time.Time  `json:"created_at"`
	RemovedAt     *time.Time `json:"removed_at"`
	RemovedByID   *int64     `json:"removed_by"`
	RemovedReason string     `json:"removed_reason"`
}

// TableName keeps gorm on the migration's table name.
func (Evidence) TableName() string { return "evidence" }

// EvidenceInput is new evidence. File, when set, is read whole (bounded by the
// store's upload limit) and kept by its SHA-256.
type EvidenceInput struct {
	Kind     string
	Stance   string
	URL      string
	Title    string
	Note     string
	Origin   string
	File     io.Reader
	FileName string
}

// storedFile is an uploaded file, kept once however many claims cite it.
type storedFile struct {
	SHA256      string `gorm:"column:sha256;primaryKey"`
	Size        int64
	ContentType string
	Data        []byte
	CreatedAt   time.Time
}

// TableName keeps gorm on the migration's table name.
func (storedFile) TableName() string { return "files" }

// ErrTooLarge is returned for an upload over the store's limit.
type ErrTooLarge struct{ Limit int64 }

// Error names the limit, so the user knows how large a file may be.
func (e ErrTooLarge) Error() string {
	return "the file is larger than the limit of " + strconv.Itoa(int(e.Limit/1024/1024)) + " MB"
}

// blockedTypes are content types never accepted as evidence files, whatever
// their name says: they would run in a browser.
func blockedType(ct string) bool {
	ct = strings.ToLower(ct)
	return strings.HasPrefix(ct, "text/html") || strings.Contains(ct, "javascript") || strings.HasPrefix(ct, "image/svg") ||
		strings.HasPrefix(ct, "text/xml") || strings.HasPrefix(ct, "application/xhtml")
}

// originOf names who an evidence item comes from, for counting independent
// corroboration: the given origin, else the link's host without "www.".
func originOf(origin, rawURL string) string {
	if o := normName(origin); o != "" {
		return o
	}
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}

// AddEvidence attaches evidence to a claim, with its Activity row.
func (s *Store) AddEvidence(ctx context.Context, actor *User, claimID int64, in EvidenceInput) (*Evidence, error) {
	f := map[string]string{}
	in.Kind, in.Stance = strings.TrimSpace(in.Kind), strings.TrimSpace(in.Stance)
	if in.Kind == "" {
		in.Kind = "other"
	}
	if !oneOf(in.Kind, EvidenceKinds()) {
		f["kind"] = "must be one of " + strings.Join(EvidenceKinds(), ", ")
	}
	if !oneOf(in.Stance, Stances()) {
		f["stance"] = "must be one of supports, refutes, context"
	}
	in.URL = strings.TrimSpace(in.URL)
	checkURL(f, "url", in.URL)
	checkText(f, "title", strings.TrimSpace(in.Title), false, MaxTitleLen)
	checkText(f, "note", in.Note, false, MaxNoteLen)
	checkText(f, "origin", strings.TrimSpace(in.Origin), false, MaxShortLen)
	if in.File == nil && in.URL == "" {
		f["url"] = "give a URL or upload a file"
	}
	ev := &Evidence{ClaimID: claimID, Kind: in.Kind, Stance: in.Stance, URL: in.URL,
		Title: strings.TrimSpace(in.Title), Note: strings.TrimSpace(in.Note), Origin: strings.TrimSpace(in.Origin),
		AddedByID: &actor.ID, CreatedAt: s.Now()}
	var file *storedFile
	if in.File != nil && len(f) == 0 {
		data, err := io.ReadAll(io.LimitReader(in.File, s.maxUpload+1))
		if err != nil {
			return nil, err
		}
		if int64(len(data)) > s.maxUpload {
			return nil, ErrTooLarge{Limit: s.maxUpload}
		}
		if len(data) == 0 {
			return nil, invalid("file", "the file is empty")
		}
		ct := http.DetectContentType(data)
		if msg := uploadRefusal(in.FileName, data, ct); msg != "" {
			return nil, invalid("file", msg)
		}
		sum := sha256.Sum256(data)
		name := cleanFileName(in.FileName)
		file = &storedFile{SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)), ContentType: ct, Data: data, CreatedAt: s.Now()}
		ev.FileSHA256, ev.FileName, ev.FileSize, ev.FileType = &file.SHA256, name, file.Size, ct
		if ev.Title == "" {
			ev.Title = name
		}
	}
	if len(f) > 0 {
		return nil, &ValidationError{Fields: f}
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		var c Claim
		if err := tx.Select("id").First(&c, claimID).Error; err != nil {
			return err
		}
		if file != nil {
			if err := tx.Exec(`INSERT INTO files(sha256, size, content_type, data, created_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT(sha256) DO NOTHING`, file.SHA256, file.Size, file.ContentType, file.Data, file.CreatedAt).Error; err != nil {
				return err
			}
		}
		if err := tx.Omit("AddedByName").Create(ev).Error; err != nil {
			return err
		}
		return appendActivity(tx, &Activity{ClaimID: claimID, ActorID: &actor.ID, Action: ActEvidenceAdded,
			ToValue: ev.Stance, Text: firstNonEmpty(ev.Title, ev.URL, ev.FileName),
			Details:   mustJSON(map[string]any{"evidence_id": ev.ID, "kind": ev.Kind, "url": ev.URL, "file_sha256": ev.FileSHA256}),
			CreatedAt: ev.CreatedAt})
	})
	if err != nil {
		return nil, err
	}
	ev.AddedByName = actor.Name
	return ev, nil
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// cleanFileName keeps the base name of an upload, without control characters,
// bounded in length.
func cleanFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '"' {
			return -1
		}
		return r
	}, name)
	if !utf8.ValidString(name) || name == "." || name == "/" || name == "" {
		name = "upload"
	}
	if utf8.RuneCountInString(name) > 200 {
		name = string([]rune(name)[:200])
	}
	return name
}

// RemoveEvidence marks evidence removed (it stays on record), with its Activity row.
func (s *Store) RemoveEvidence(ctx context.Context, actor *User, claimID, evidenceID int64, reason string) error {
	reason = strings.TrimSpace(reason)
	f := map[string]string{}
	checkText(f, "reason", reason, true, MaxRationale)
	if len(f) > 0 {
		return &ValidationError{Fields: f}
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		var ev Evidence
		if err := tx.Where("id = ? AND claim_id = ?", evidenceID, claimID).First(&ev).Error; err != nil {
			return err
		}
		if ev.RemovedAt != nil {
			return invalid("id", "this evidence was already removed")
		}
		// Rule 2 holds after a removal too: a final verdict keeps at least
		// one standing evidence item. To withdraw the last one, change the
		// verdict first (or add the evidence that replaces it).
		var claim struct {
			Verdict  Verdict
			Standing int64
		}
		if err := tx.Raw(`SELECT verdict, (SELECT COUNT(*) FROM evidence WHERE claim_id = claims.id AND removed_at IS NULL) AS standing
			FROM claims WHERE id = ?`, claimID).Scan(&claim).Error; err != nil {
			return err
		}
		if claim.Verdict.Final() && claim.Standing <= 1 {
			return invalid("id", fmt.Sprintf("this is the last evidence under the verdict %q, which needs at least one item; change the verdict or add other evidence first", claim.Verdict))
		}
		now := s.Now()
		if err := tx.Model(&Evidence{}).Where("id = ?", ev.ID).Updates(map[string]any{
			"removed_at": now, "removed_by_id": actor.ID, "removed_reason": reason}).Error; err != nil {
			return err
		}
		return appendActivity(tx, &Activity{ClaimID: claimID, ActorID: &actor.ID, Action: ActEvidenceRemoved,
			FromValue: ev.Stance, Text: reason, Details: mustJSON(map[string]any{"evidence_id": ev.ID}), CreatedAt: now})
	})
}

// ClaimEvidence lists a claim's evidence, removed items included (marked).
func (s *Store) ClaimEvidence(ctx context.Context, claimID int64) ([]Evidence, error) {
	if _, err := s.claimExists(ctx, claimID); err != nil {
		return nil, err
	}
	var evs []Evidence
	err := s.read(ctx).Raw(`SELECT evidence.*, COALESCE(users.name, '') AS added_by_name FROM evidence
		LEFT JOIN users ON users.id = evidence.added_by_id WHERE claim_id = `+s.d.arg()+` ORDER BY evidence.id`, claimID).Scan(&evs).Error
	return evs, err
}

// EvidenceItem loads one evidence row.
func (s *Store) EvidenceItem(ctx context.Context, id int64) (*Evidence, error) {
	var ev Evidence
	if err := s.read(ctx).First(&ev, id).Error; err != nil {
		return nil, err
	}
	return &ev, nil
}

// EvidenceFile returns the bytes and detected type of an uploaded file.
func (s *Store) EvidenceFile(ctx context.Context, sha string) ([]byte, string, error) {
	var f storedFile
	if err := s.read(ctx).Where("sha256 = ?", sha).First(&f).Error; err != nil {
		return nil, "", err
	}
	return f.Data, f.ContentType, nil
}

// Corroboration counts the independent origins among the supporting evidence
// that stands: two links to copies of one wire story (same origin) count once.
func Corroboration(evs []Evidence) int {
	seen := map[string]bool{}
	for _, ev := range evs {
		if ev.Stance != "supports" || ev.RemovedAt != nil {
			continue
		}
		o := originOf(ev.Origin, ev.URL)
		if o == "" && ev.FileSHA256 != nil {
			o = "file:" + *ev.FileSHA256
		}
		if o == "" {
			continue
		}
		seen[o] = true
	}
	return len(seen)
}
