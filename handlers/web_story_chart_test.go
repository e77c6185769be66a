package handlers

import (
	"context"
	"strings"
	"testing"

	"claimdesk/models"
)

// The story chart runs in time order although a live blog prints its newest
// entry first.
func TestWebStoryChartInTimeOrder(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	ctx := context.Background()
	title, date, tz := "Flood live", "2023-06-01", "Europe/Berlin"
	st, err := a.store.CreateStory(ctx, fc, models.StoryInput{Title: &title, Date: &date, TimeZone: &tz})
	if err != nil {
		t.Fatal(err)
	}
	for i, tm := range []string{"8:20 p.m.", "4:52 p.m.", "11:03 a.m."} {
		e, err := a.store.CreateEntry(ctx, st.ID, models.EntryInput{TimeText: tm, Headline: "Update at " + tm, Position: i})
		if err != nil {
			t.Fatal(err)
		}
		text, who := "Claim printed at "+tm, "Mayor"
		if _, err := a.store.CreateClaim(ctx, fc, models.ClaimInput{StoryID: &st.ID, EntryID: &e.ID, Text: &text, Claimant: &who}); err != nil {
			t.Fatal(err)
		}
	}
	body := a.browser().signIn("fay@desk.test").get("/stories/" + itoa64(st.ID)).Body.String()
	i := strings.Index(body, `<figure class="chart">`)
	if i < 0 {
		t.Fatal("no chart on the story page")
	}
	chart := body[i:]
	chart = chart[:strings.Index(chart, "</figure>")]
	a1, a2, a3 := strings.Index(chart, "11:03 a.m."), strings.Index(chart, "4:52 p.m."), strings.Index(chart, "8:20 p.m.")
	if a1 < 0 || a2 < 0 || a3 < 0 || !(a1 < a2 && a2 < a3) {
		t.Fatalf("chart labels not in time order (%d, %d, %d): %s", a1, a2, a3, chart)
	}
}
