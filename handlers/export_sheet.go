package handlers

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// sheetCSS is the attribution sheet's only styling, inline so the page is
// self-contained: it prints without fetching anything. The print rules drop
// colour backgrounds (verdicts stay readable as words and borders) and keep
// each claim on one page.
const sheetCSS = `
:root { color-scheme: light; }
body { font: 15px/1.45 Georgia, "Times New Roman", serif; color: #111; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
header { border-bottom: 2px solid #111; margin-bottom: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.story { font-size: 1.15rem; margin: 0 0 .25rem; }
.meta, .generated { font: 13px/1.4 system-ui, sans-serif; color: #444; }
h2 { font-size: 1.05rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid #bbb; }
h2 .time { font-family: system-ui, sans-serif; font-weight: 600; margin-right: .5rem; }
ol { padding-left: 1.5rem; }
li { margin: 0 0 .9rem; }
.line { margin: 0 0 .2rem; }
.verdict { display: inline-block; padding: 0 .4rem; border: 1px solid #666; border-radius: 3px; font-weight: 600; }
.v-verified { background: #e3f4e6; border-color: #2e7d32; }
.v-false, .v-misleading { background: #fde7e7; border-color: #b71c1c; }
.v-disputed, .v-unverified { background: #fff4d6; border-color: #a86b00; }
.v-unreviewed, .v-in_review { background: #eef0f3; }
.empty { font-style: italic; }
@page { margin: 15mm; }
@media print {
  body { font-size: 11pt; max-width: none; margin: 0; padding: 0; }
  .meta, .generated { font-size: 9pt; color: #000; }
  .verdict { background: none !important; border-color: #000; }
  h2 { break-after: avoid; page-break-after: avoid; }
  li { break-inside: avoid; page-break-inside: avoid; }
}
`

// sheetTemplate is the attribution sheet: every claim's attribution line,
// grouped by live-blog entry, with its verdict and verifiability. It is its own
// page (no layout, no scripts, no external requests) so an editor can print it
// or save it as PDF before an update goes out. html/template escapes all text.
const sheetTemplate = `<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Attribution sheet — {{.Story.Title}}</title>
<style>` + sheetCSS + `</style>
</head>
<body>
<header>
<h1>Attribution sheet</h1>
<p class="story">{{.Story.Title}}{{if .Story.URL}} · <span class="meta">{{.Story.URL}}</span>{{end}}</p>
<p class="generated">{{.Count}} claim{{if ne .Count 1}}s{{end}}{{if .Filtered}} matching the desk's filters{{end}} · generated {{.Generated}}</p>
</header>
<main>
{{range .Groups}}
<section>
<h2>{{if .Time}}<span class="time">{{.Time}}</span>{{end}}{{.Headline}}</h2>
<ol>
{{range .Claims}}<li>
<p class="line">{{.AttributionLine}}</p>
<p class="meta"><span class="verdict v-{{.Verdict}}">{{.VerdictLabel}}</span> {{.Verifiability}} · {{.Claimant}}{{if .Channel}}, {{.Channel}}{{end}} · claim #{{.ID}}</p>
</li>
{{end}}</ol>
</section>
{{else}}
<p class="empty">No claims{{if .Filtered}} match these filters{{end}}.</p>
{{end}}
</main>
</body>
</html>
`

// sheetClaim is one line of the sheet, copied out of the export row (rows
// are reused between chunks).
type sheetClaim struct {
	ID              int64
	AttributionLine string
	Verdict         models.Verdict
	VerdictLabel    string
	Verifiability   string
	Claimant        string
	Channel         string
}

// sheetGroup is one live-blog entry and its claims.
type sheetGroup struct {
	Time, Headline string
	position       int
	entryID        int64
	Claims         []sheetClaim
}

// sheetPage is what the sheet template renders.
type sheetPage struct {
	Lang      string
	Story     *models.Story
	Groups    []*sheetGroup
	Count     int
	Filtered  bool
	Generated string
}

// attributionSheet builds the handler for GET /stories/:id/sheet. The
// template is parsed here, once, when the route is registered, and kept in the
// closure; a broken template stops the app at start. The web desk can mount
// the same handler behind its session sign-in.
func (h *Handler) attributionSheet() echo.HandlerFunc {
	tmpl := template.Must(template.New("sheet").Parse(sheetTemplate))
	sum := sha256.Sum256([]byte(sheetCSS))
	csp := "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) +
		"'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
	return func(c echo.Context) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		q := cloneQuery(c.QueryParams())
		q.Del("page")
		q.Del("per_page")
		q.Del("story")
		q.Del("sort")
		filtered := len(q) > 0
		f, err := parseClaimFilter(q, currentUser(c))
		if err != nil {
			return err
		}
		ctx := c.Request().Context()
		story, err := h.store.Story(ctx, id)
		if err != nil {
			return err
		}
		f.StoryID, f.Sort = id, "reported"
		// Like every export, the sheet is on record before it is made.
		u := currentUser(c)
		if err := h.store.RecordAudit(ctx, models.AuditEvent{UserID: &u.ID, Email: u.Email, Action: models.AuditExport,
			Detail: strings.TrimSpace("attribution sheet of story " + strconv.FormatInt(id, 10) + " " + c.Request().URL.RawQuery),
			Remote: c.RealIP()}); err != nil {
			return err
		}
		page := &sheetPage{Lang: story.Language, Story: story, Filtered: filtered,
			Generated: h.store.Now().Format("2 January 2006, 15:04 UTC")}
		if page.Lang == "" {
			page.Lang = "en"
		}
		groups := map[int64]*sheetGroup{}
		err = h.store.EachExportRow(ctx, f, func(r *models.ExportRow) error {
			var key int64
			if r.EntryID != nil {
				key = *r.EntryID
			}
			g := groups[key]
			if g == nil {
				g = &sheetGroup{Time: r.EntryTime, Headline: r.EntryHeadline, position: r.EntryPosition, entryID: key}
				if key == 0 {
					g.Headline = "Not tied to a live-blog entry"
				}
				groups[key] = g
				page.Groups = append(page.Groups, g)
			}
			g.Claims = append(g.Claims, sheetClaim{ID: r.ID, AttributionLine: r.AttributionLine, Verdict: r.Verdict,
				VerdictLabel: sheetVerdictLabel(r), Verifiability: sheetVerifiability(r),
				Claimant: r.ClaimantName, Channel: r.Channel})
			page.Count++
			return nil
		})
		if err != nil {
			return err
		}
		sort.SliceStable(page.Groups, func(i, j int) bool {
			a, b := page.Groups[i], page.Groups[j]
			if (a.entryID == 0) != (b.entryID == 0) {
				return b.entryID == 0 // claims without an entry come last
			}
			if a.position != b.position {
				return a.position < b.position
			}
			return a.entryID < b.entryID
		})
		var buf strings.Builder
		if err := tmpl.Execute(&buf, page); err != nil {
			return err
		}
		hdr := c.Response().Header()
		hdr.Set("Content-Security-Policy", csp)
		hdr.Set(echo.HeaderXContentTypeOptions, "nosniff")
		hdr.Set("Referrer-Policy", "no-referrer")
		return c.HTML(http.StatusOK, buf.String())
	}
}

// sheetVerdictLabel names the verdict and, for a final one, whether it is
// published yet: the desk must not print "verified" before sign-off.
func sheetVerdictLabel(r *models.ExportRow) string {
	label := r.Verdict.Label()
	if r.Verdict.Final() {
		if r.SignedOffAt != nil {
			return label + " (signed off)"
		}
		return label + " (awaiting sign-off)"
	}
	return label
}

// sheetVerifiability words the verifiability and its reason for the desk.
func sheetVerifiability(r *models.ExportRow) string {
	var s string
	switch r.Verifiability {
	case models.VerifVerifiable:
		s = "Verifiable"
	case models.VerifNotVerifiable:
		s = "Cannot be independently verified"
	default:
		s = "Verifiability not assessed"
	}
	if r.VerifiabilityReason != "" {
		s += ": " + r.VerifiabilityReason
	}
	return s
}
