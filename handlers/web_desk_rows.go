package handlers

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"claimdesk/models"
)

// The desk's table of claims was the largest part of the page's own work:
// about twenty-five template actions a row, each a reflective call (the
// escapers html/template adds among them), some 1,250 for a page of fifty.
// deskRows writes the same bytes directly; TestDeskRowsAsTemplate renders
// the template it replaced, with the shared partials, and compares.

// deskRowsContext is what the rows need besides the claims.
type deskRowsContext struct {
	// CanCheck says whether the reader may select and take claims.
	CanCheck   bool
	CSRF       string
	Return     string
	StaleHours int
}

// deskRows is the desk table's rows, each "\n<tr …>…</tr>\n".
func deskRows(claims []models.Claim, rc deskRowsContext) template.HTML {
	var b strings.Builder
	b.Grow(len(claims) * 1400)
	for i := range claims {
		writeDeskRow(&b, &claims[i], &rc)
	}
	return template.HTML(b.String())
}

// writeDeskRow writes one claim's row.
func writeDeskRow(b *strings.Builder, c *models.Claim, rc *deskRowsContext) {
	id := strconv.FormatInt(c.ID, 10)
	b.WriteString("\n<tr class=\"row")
	if c.Stale {
		b.WriteString(" stale")
	}
	b.WriteString(`" data-href="/claims/` + id + `" data-claim="` + id + `" data-version="`)
	b.WriteString(strconv.FormatInt(c.Version, 10))
	b.WriteString("\">\n  ")
	if rc.CanCheck {
		b.WriteString(`<td><input type="checkbox" name="ids" value="` + id + `" form="bulk" aria-label="Select claim ` + id + `"></td>`)
	}
	b.WriteString("\n  <td class=\"num\">" + id + "</td>\n  <td class=\"text\"><a href=\"/claims/" + id + "\">")
	writeHTMLText(b, truncate(c.Text, 180))
	b.WriteString("</a>")
	if c.Stale {
		b.WriteString(` <span class="flag stale-flag" title="Unconfirmed for more than `)
		b.WriteString(strconv.Itoa(rc.StaleHours))
		b.WriteString(` hours">stale</span>`)
	}
	for _, t := range c.Tags {
		b.WriteString(` <a class="tag" href="/?tag=`)
		writeHTMLText(b, urlEscaped(t))
		b.WriteString(`">`)
		writeHTMLText(b, t)
		b.WriteString("</a>")
	}
	b.WriteString("</td>\n  <td><a href=\"/sources/")
	b.WriteString(strconv.FormatInt(c.SourceID, 10))
	b.WriteString(`">`)
	writeHTMLText(b, c.ClaimantName)
	b.WriteString("</a></td>\n  <td><a href=\"/stories/")
	b.WriteString(strconv.FormatInt(c.StoryID, 10))
	b.WriteString(`">`)
	writeHTMLText(b, truncate(c.StoryTitle, 40))
	b.WriteString("</a>")
	if c.EntryTime != "" {
		b.WriteString(" <small>")
		writeHTMLText(b, c.EntryTime)
		b.WriteString("</small>")
	}
	b.WriteString("</td>\n  <td class=\"c-verdict\"><span class=\"badge v-")
	writeHTMLText(b, string(c.Verdict))
	b.WriteString(`">`)
	writeHTMLText(b, c.Verdict.Label())
	b.WriteString("</span>")
	if c.Published {
		b.WriteString(` <span class="flag ok" title="Signed off">✓</span>`)
	}
	b.WriteString("</td>\n  <td class=\"c-verif\">")
	writeHTMLText(b, verifLabel(c.Verifiability))
	b.WriteString("</td>\n  <td class=\"c-assignee\">")
	writeHTMLText(b, c.AssigneeName)
	if c.AssigneeID == nil && rc.CanCheck {
		writeTakeForm(b, id, rc)
	}
	b.WriteString("</td>\n  <td class=\"when\"><time datetime=\"")
	writeHTMLText(b, c.ReportedAt.UTC().Format(time.RFC3339))
	b.WriteString(`">`)
	writeHTMLText(b, c.ReportedAt.UTC().Format("2 Jan 2006 15:04 UTC"))
	b.WriteString("</time></td>\n</tr>\n")
}

// writeTakeForm writes the "take" partial for the claim id.
func writeTakeForm(b *strings.Builder, id string, rc *deskRowsContext) {
	b.WriteString(`<form class="take" method="post" action="/claims/` + id + `/take" data-claim="` + id + "\">\n<input type=\"hidden\" name=\"csrf\" value=\"")
	writeHTMLText(b, rc.CSRF)
	b.WriteString(`">`)
	if rc.Return != "" {
		b.WriteString(`<input type="hidden" name="next" value="`)
		writeHTMLText(b, rc.Return)
		b.WriteString(`">`)
	}
	b.WriteString("\n<button type=\"submit\" class=\"small\" aria-label=\"Take claim " + id + "\">Take</button>\n</form>")
}

// urlEscaped is s as html/template escapes a value in a URL's query:
// every byte but ASCII letters, digits and "-._~" percent-encoded.
func urlEscaped(s string) string {
	const hex = "0123456789abcdef"
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			if b != nil {
				b = append(b, c)
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(s)+16), s[:i]...)
		}
		b = append(b, '%', hex[c>>4], hex[c&0xF])
	}
	if b == nil {
		return s
	}
	return string(b)
}
