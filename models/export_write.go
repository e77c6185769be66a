package models

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"
)

// ExportFormat names one of the export formats.
type ExportFormat string

// The export formats: a spreadsheet for the desk, JSON (one array, or one
// object per line for very large exports) for tools, and schema.org ClaimReview
// JSON-LD for the newsroom's site.
const (
	ExportCSV         ExportFormat = "csv"
	ExportJSON        ExportFormat = "json"
	ExportNDJSON      ExportFormat = "ndjson"
	ExportClaimReview ExportFormat = "claimreview"
)

// ExportFormats lists the formats, for flags and messages.
func ExportFormats() []ExportFormat {
	return []ExportFormat{ExportCSV, ExportJSON, ExportNDJSON, ExportClaimReview}
}

// Valid reports whether f is a known export format.
func (f ExportFormat) Valid() bool {
	for _, x := range ExportFormats() {
		if x == f {
			return true
		}
	}
	return false
}

// ContentType is the media type an export in this format is served as.
func (f ExportFormat) ContentType() string {
	switch f {
	case ExportCSV:
		return "text/csv; charset=utf-8; header=present"
	case ExportNDJSON:
		return "application/x-ndjson; charset=utf-8"
	case ExportClaimReview:
		return "application/ld+json; charset=utf-8"
	}
	return "application/json; charset=utf-8"
}

// Extension is the file name extension for a download in this format.
func (f ExportFormat) Extension() string {
	switch f {
	case ExportClaimReview:
		return "jsonld"
	case "":
		return "json"
	}
	return string(f)
}

// ExportOptions is what an export needs besides the rows: where Claimdesk is
// reached (for each claim's own link) and who publishes the ClaimReviews, plus
// hooks to push bytes out and show progress while it runs.
type ExportOptions struct {
	// BaseURL is Claimdesk's address without a trailing slash
	// ("https://desk.example.org"); each claim links to BaseURL/claims/ID.
	BaseURL string
	// Newsroom names the ClaimReview author (the publishing organisation).
	Newsroom string
	// Flush, when set, is called after every chunk, once the chunk's bytes
	// have been handed to the writer: an HTTP response flushes to the client.
	Flush func() error
	// Progress, when set, is called after every chunk with the rows so far.
	Progress func(rows int64)
}

// ClaimURL is a claim's own page in Claimdesk.
func (o ExportOptions) ClaimURL(id int64) string {
	return strings.TrimRight(o.BaseURL, "/") + "/claims/" + strconv.FormatInt(id, 10)
}

// EvidenceURL is where an evidence item can be followed: its link, or for an
// uploaded file without one, its download in Claimdesk.
func (o ExportOptions) EvidenceURL(ev *Evidence) string {
	if ev.URL != "" || ev.FileSHA256 == nil {
		return ev.URL
	}
	return strings.TrimRight(o.BaseURL, "/") + "/api/v1/evidence/" + strconv.FormatInt(ev.ID, 10) + "/file"
}

// rowEncoder writes rows in one format: begin before the first, end after the last.
type rowEncoder interface {
	begin() error
	row(r *ExportRow) error
	end() error
}

// Export writes every claim matching f to w in the given format, streaming:
// rows go out as they are read, flushed every ExportChunk rows, so memory
// stays flat however many claims match. It returns the number of rows
// (ClaimReviews for that format) written. A cancelled ctx stops the query and
// the export.
func (s *Store) Export(ctx context.Context, w io.Writer, format ExportFormat, f ClaimFilter, opt ExportOptions) (int64, error) {
	if !format.Valid() {
		return 0, invalid("format", "must be one of csv, json, ndjson, claimreview")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var n int64
	flush := func() error {
		if err := bw.Flush(); err != nil {
			return err
		}
		if opt.Progress != nil {
			opt.Progress(n)
		}
		if opt.Flush != nil {
			if err := opt.Flush(); err != nil {
				return err
			}
		}
		// A client that went away stops the export here, between chunks.
		return ctx.Err()
	}
	// counted notes one more row written and flushes every ExportChunk rows.
	counted := func() error {
		n++
		if n%ExportChunk == 0 {
			return flush()
		}
		return nil
	}
	if format == ExportCSV {
		// CSV, the big one, is written straight from the query's rows.
		cw := newCSVWriter(bw, opt)
		if err := cw.header(); err != nil {
			return 0, err
		}
		err := s.eachExportRaw(ctx, f, false, false, func(x *exportRaw) error {
			if err := cw.write(x); err != nil {
				return err
			}
			return counted()
		})
		if err != nil {
			return n, err
		}
		return n, flush()
	}
	var enc rowEncoder
	switch format {
	case ExportJSON:
		enc = newJSONEncoder(bw, opt, true)
	case ExportNDJSON:
		enc = newJSONEncoder(bw, opt, false)
	case ExportClaimReview:
		enc = newClaimReviewEncoder(bw, opt)
	}
	if err := enc.begin(); err != nil {
		return 0, err
	}
	each := s.EachExportRow
	if format == ExportClaimReview {
		each = s.EachPublishedRow
	}
	err := each(ctx, f, func(r *ExportRow) error {
		if err := enc.row(r); err != nil {
			return err
		}
		return counted()
	})
	if err != nil {
		return n, err
	}
	if err := enc.end(); err != nil {
		return n, err
	}
	return n, flush()
}

// CSVColumns is the CSV export's header row, in order. The JSON exports use
// the same names (with "evidence" nested instead of evidence_urls, and a
// boolean "direct" instead of quote_type).
func CSVColumns() []string {
	return []string{
		"claim_id", "story_id", "story", "entry_time", "entry_headline",
		"claimant", "claimant_role", "claimant_kind",
		"claim", "quote", "verb", "quote_type", "channel", "via",
		"made_at", "reported_at", "reported_url",
		"verifiability", "verifiability_reason",
		"verdict", "verdict_rationale", "verdict_by", "verdict_at",
		"signed_off_by", "signed_off_at", "published",
		"evidence_urls", "corroboration", "attribution_line", "claim_url", "corrections", "tags",
	}
}

// EvidenceURLSeparator joins a claim's evidence links in one CSV cell. A
// newline, because a valid URL can never contain one.
const EvidenceURLSeparator = "\n"

// NeutraliseCell stops a spreadsheet from running a cell as a formula (CSV
// injection): a cell that starts with =, +, -, @, a tab, a carriage return or
// a line feed (or the full-width ＝ ＋ － ＠ some spreadsheets also accept) gets
// a leading single quote, which spreadsheets show as text and do not keep.
// Tools that need the exact text should read the JSON export, which is never
// altered.
func NeutraliseCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return "'" + s
	case 0xEF: // the first byte of the full-width forms
		for _, p := range []string{"＝", "＋", "－", "＠"} {
			if strings.HasPrefix(s, p) {
				return "'" + s
			}
		}
	}
	return s
}

// ExportEvidence is one standing evidence item as the JSON exports nest it.
type ExportEvidence struct {
	ID       int64     `json:"id"`
	Kind     string    `json:"kind"`
	Stance   string    `json:"stance"`
	URL      string    `json:"url"`
	Title    string    `json:"title"`
	Origin   string    `json:"origin"`
	FileName string    `json:"file_name,omitempty"`
	FileType string    `json:"file_type,omitempty"`
	AddedAt  time.Time `json:"added_at"`
}

// ExportClaim is one claim as the JSON and NDJSON exports write it: the CSV's
// fields under the same names, with the evidence nested.
type ExportClaim struct {
	ClaimID             int64            `json:"claim_id"`
	StoryID             int64            `json:"story_id"`
	Story               string           `json:"story"`
	EntryID             *int64           `json:"entry_id"`
	EntryTime           string           `json:"entry_time"`
	EntryHeadline       string           `json:"entry_headline"`
	Claimant            string           `json:"claimant"`
	ClaimantRole        string           `json:"claimant_role"`
	ClaimantKind        string           `json:"claimant_kind"`
	Claim               string           `json:"claim"`
	Quote               string           `json:"quote"`
	Verb                string           `json:"verb"`
	Direct              bool             `json:"direct"`
	Channel             string           `json:"channel"`
	Via                 string           `json:"via"`
	MadeAt              *time.Time       `json:"made_at"`
	ReportedAt          time.Time        `json:"reported_at"`
	ReportedURL         string           `json:"reported_url"`
	Verifiability       Verifiability    `json:"verifiability"`
	VerifiabilityReason string           `json:"verifiability_reason"`
	Verdict             Verdict          `json:"verdict"`
	VerdictRationale    string           `json:"verdict_rationale"`
	VerdictBy           string           `json:"verdict_by"`
	VerdictAt           *time.Time       `json:"verdict_at"`
	SignedOffBy         string           `json:"signed_off_by"`
	SignedOffAt         *time.Time       `json:"signed_off_at"`
	Published           bool             `json:"published"`
	Evidence            []ExportEvidence `json:"evidence"`
	Corroboration       int              `json:"corroboration"`
	AttributionLine     string           `json:"attribution_line"`
	ClaimURL            string           `json:"claim_url"`
	// Corrections are never null: [] for a claim never corrected.
	Corrections []ExportCorrection `json:"corrections"`
	// Tags are never null either: [] for a claim without any.
	Tags []string `json:"tags"`
}

// exportClaim builds the JSON object of a row.
func exportClaim(r *ExportRow, opt ExportOptions, evs []ExportEvidence) ExportClaim {
	for i := range r.Evidence {
		ev := &r.Evidence[i]
		evs = append(evs, ExportEvidence{ID: ev.ID, Kind: ev.Kind, Stance: ev.Stance, URL: opt.EvidenceURL(ev),
			Title: ev.Title, Origin: ev.Origin, FileName: ev.FileName, FileType: ev.FileType, AddedAt: ev.CreatedAt})
	}
	return ExportClaim{
		ClaimID: r.ID, StoryID: r.StoryID, Story: r.StoryTitle, EntryID: r.EntryID, EntryTime: r.EntryTime,
		EntryHeadline: r.EntryHeadline, Claimant: r.ClaimantName, ClaimantRole: r.ClaimantRole,
		ClaimantKind: r.ClaimantKind, Claim: r.Text, Quote: r.Quote, Verb: r.Verb, Direct: r.Direct,
		Channel: r.Channel, Via: r.Via, MadeAt: r.MadeAt, ReportedAt: r.ReportedAt, ReportedURL: r.ReportedURL,
		Verifiability: r.Verifiability, VerifiabilityReason: r.VerifiabilityReason, Verdict: r.Verdict,
		VerdictRationale: r.VerdictRationale, VerdictBy: r.VerdictByName, VerdictAt: r.VerdictAt,
		SignedOffBy: r.SignedOffByName, SignedOffAt: r.SignedOffAt, Published: r.Published(),
		Evidence: evs, Corroboration: r.Corroboration, AttributionLine: r.AttributionLine,
		ClaimURL: opt.ClaimURL(r.ID), Corrections: r.Corrections, Tags: r.Tags,
	}
}

// jsonEncoder writes either one JSON array (array true) or one object per
// line (NDJSON). encoding/json escapes <, > and & so the output is also safe
// to paste inside an HTML <script> block.
type jsonEncoder struct {
	w     *bufio.Writer
	enc   *json.Encoder
	opt   ExportOptions
	array bool
	n     int64
	evs   []ExportEvidence
}

func newJSONEncoder(w *bufio.Writer, opt ExportOptions, array bool) *jsonEncoder {
	// A non-nil, empty evidence slice encodes as [] rather than null.
	return &jsonEncoder{w: w, enc: json.NewEncoder(w), opt: opt, array: array, evs: make([]ExportEvidence, 0, 8)}
}

func (e *jsonEncoder) begin() error {
	if e.array {
		_, err := e.w.WriteString("[\n")
		return err
	}
	return nil
}

func (e *jsonEncoder) row(r *ExportRow) error {
	if e.array && e.n > 0 {
		if _, err := e.w.WriteString(","); err != nil {
			return err
		}
	}
	e.n++
	obj := exportClaim(r, e.opt, e.evs[:0])
	if obj.Corrections == nil {
		obj.Corrections = []ExportCorrection{}
	}
	if obj.Tags == nil {
		obj.Tags = []string{}
	}
	// Encode ends the object with a newline: one object per line either way.
	err := e.enc.Encode(&obj)
	e.evs = obj.Evidence[:0]
	return err
}

func (e *jsonEncoder) end() error {
	if e.array {
		_, err := e.w.WriteString("]\n")
		return err
	}
	return nil
}
