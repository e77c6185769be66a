package handlers

import (
	"html/template"
	"strings"
	"testing"

	"claimdesk/models"
)

// TestStoryOptionsAsTemplate checks that storyOptions writes what the
// desk's template wrote for the story filter, for titles with every
// character html/template escapes, invalid UTF-8, and titles cut short.
func TestStoryOptionsAsTemplate(t *testing.T) {
	tmpl := template.Must(template.New("o").Funcs(template.FuncMap{"truncate": truncate}).Parse(
		`<select>{{$sel := .Selected}}{{range .Stories}}<option value="{{.ID}}" {{if eq $sel .ID}}selected{{end}}>{{truncate .Title 40}}</option>{{end}}</select>`))
	stories := []models.Story{
		{ID: 500, Title: "Belgorod live"},
		{ID: 42, Title: `Shelling & "ev" <up> 'd3' 1+1`},
		{ID: 43, Title: `Shelling & "evacuation" <update> 'day 3' 1+1`},
		{ID: 7, Title: "nul \x00 byte, bad \xff\xfe bytes, line\u2028separator"},
		{ID: 3, Title: strings.Repeat("Überschwemmung in Köln ", 3)},
		{ID: 2, Title: strings.Repeat("x", 40)},
		{ID: 1, Title: strings.Repeat("y", 41) + "&<>"},
		{ID: 11, Title: ""},
	}
	for _, sel := range []int64{0, 42, 3, 999} {
		var want strings.Builder
		if err := tmpl.Execute(&want, map[string]any{"Stories": stories, "Selected": sel}); err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		page := template.Must(template.New("p").Funcs(template.FuncMap{"storyOptions": storyOptions}).Parse(
			`<select>{{storyOptions .Stories .Selected 40}}</select>`))
		if err := page.Execute(&got, map[string]any{"Stories": stories, "Selected": sel}); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("selected %d:\n got %q\nwant %q", sel, got.String(), want.String())
		}
		if sel == 42 && !strings.Contains(got.String(), `<option value="42" selected>Shelling &amp; &#34;ev&#34; &lt;up&gt; &#39;d3&#39; 1&#43;1</option>`) {
			t.Fatalf("selected story not marked or escaped: %s", got.String())
		}
	}
}
