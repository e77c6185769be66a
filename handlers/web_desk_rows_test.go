package handlers

import (
	"html/template"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/views"
)

// deskRowsTemplate is the desk's table rows as the template wrote them
// before deskRows (its partial for a row's tags written in), with the
// shared partials they call.
const deskRowsTemplate = `{{define "rows"}}{{$d := .D}}{{$v := .}}<tbody>
{{range $d.List.Claims}}
<tr class="row{{if .Stale}} stale{{end}}" data-href="/claims/{{.ID}}" data-claim="{{.ID}}" data-version="{{.Version}}">
  {{if $v.Can "factchecker"}}<td><input type="checkbox" name="ids" value="{{.ID}}" form="bulk" aria-label="Select claim {{.ID}}"></td>{{end}}
  <td class="num">{{.ID}}</td>
  <td class="text"><a href="/claims/{{.ID}}">{{truncate .Text 180}}</a>{{if .Stale}} <span class="flag stale-flag" title="Unconfirmed for more than {{$d.StaleHours}} hours">stale</span>{{end}}{{range .Tags}} <a class="tag" href="/?tag={{.}}">{{.}}</a>{{end}}</td>
  <td><a href="/sources/{{.SourceID}}">{{.ClaimantName}}</a></td>
  <td><a href="/stories/{{.StoryID}}">{{truncate .StoryTitle 40}}</a>{{with .EntryTime}} <small>{{.}}</small>{{end}}</td>
  <td class="c-verdict">{{template "verdict" .Verdict}}{{if .Published}} <span class="flag ok" title="Signed off">✓</span>{{end}}</td>
  <td class="c-verif">{{verifLabel .Verifiability}}</td>
  <td class="c-assignee">{{.AssigneeName}}{{if and (not .AssigneeID) ($v.Can "factchecker")}}{{template "take" ($v.TakeForm .ID $d.Return)}}{{end}}</td>
  <td class="when">{{template "time" .ReportedAt}}</td>
</tr>
{{end}}
</tbody>{{end}}`

// TestDeskRowsAsTemplate checks that deskRows writes what the desk's
// template wrote, for claims with every optional part present or absent,
// text with every character html/template escapes, tags that need
// percent-encoding, and readers who may or may not take claims.
func TestDeskRowsAsTemplate(t *testing.T) {
	tmpl := template.Must(template.New("t").Funcs(templateFuncs("v1")).ParseFS(views.FS, "partials/*.html"))
	tmpl = template.Must(tmpl.Parse(deskRowsTemplate))
	at := time.Date(2026, 3, 9, 7, 5, 0, 123, time.FixedZone("x", 3600))
	assignee := int64(4)
	signed := at.Add(time.Hour)
	claims := []models.Claim{
		{ID: 1, Version: 3, StoryID: 2, SourceID: 5, Text: "Plain text", ClaimantName: "Li Hui", StoryTitle: "Belgorod live",
			Verdict: models.Unreviewed, Verifiability: models.VerifUnknown, ReportedAt: at, Tags: []string{}},
		{ID: 22, Version: 1, StoryID: 7, SourceID: 9, Text: `Shelling & "evacuation" <b>'day 3'</b> 1+1` + " \x00 \xff bad \u2028" + strings.Repeat(" long", 60),
			ClaimantName: `O'Brien & <Sons> "Ltd" +1`, StoryTitle: strings.Repeat("Überschwemmung ", 5), EntryTime: "14:05 <b>",
			Verdict: models.Verified, Verifiability: models.VerifVerifiable, ReportedAt: at, Stale: true, Published: true,
			SignedOffAt: &signed, AssigneeID: &assignee, AssigneeName: "Eve & Ed", Tags: []string{"belgorod region", "äpfel", "a&b+c/d?e=f#g", "x~y.z_w-v"}},
		{ID: 333, Version: 12, StoryID: 7, SourceID: 9, Text: "We are treating the wounded", ClaimantName: "Civil Rescue Corps",
			StoryTitle: "x", Verdict: models.Disputed, Verifiability: models.VerifNotVerifiable, ReportedAt: at.Add(-48 * time.Hour), Stale: true,
			Tags: []string{"casualties"}},
		{ID: 4, Version: 2, StoryID: 1, SourceID: 1, Text: "", ClaimantName: "", StoryTitle: "", Verdict: models.False,
			Verifiability: models.VerifVerifiable, ReportedAt: at, AssigneeID: &assignee, AssigneeName: "Fay"},
	}
	users := []*models.User{{ID: 1, Role: models.RoleViewer}, {ID: 2, Role: models.RoleFactchecker}, {ID: 3, Role: models.RoleAdmin}}
	for _, u := range users {
		for _, ret := range []string{"", "/?unconfirmed=1&story=2&q=a+b\"<x>"} {
			v := view{User: u, CSRF: "c-SRF_tok&en+", D: &deskPage{Return: ret, StaleHours: 6, List: &models.ClaimPage{Claims: claims}}}
			var want strings.Builder
			if err := tmpl.ExecuteTemplate(&want, "rows", v); err != nil {
				t.Fatal(err)
			}
			got := "<tbody>\n" + string(deskRows(claims, deskRowsContext{CanCheck: v.Can("factchecker"), CSRF: v.CSRF, Return: ret, StaleHours: 6})) + "\n</tbody>"
			if got != want.String() {
				g, w := got, want.String()
				for i := 0; i < len(g) && i < len(w); i++ {
					if g[i] != w[i] {
						g, w = g[max(0, i-80):], w[max(0, i-80):]
						break
					}
				}
				t.Fatalf("role %s, return %q: rows differ from the template's\n got …%.300s\nwant …%.300s", u.Role, ret, g, w)
			}
		}
	}
	if !strings.Contains(string(deskRows(claims[1:2], deskRowsContext{})), `href="/?tag=a%26b%2bc%2fd%3fe%3df%23g"`) {
		t.Fatal("a tag's link is not percent-encoded")
	}
}
