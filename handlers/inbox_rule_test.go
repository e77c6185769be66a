package handlers

import (
	"context"
	"html"
	"net/http"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/liveblog"
)

// The inbox says which extractor rule proposed each candidate, for a paste
// sent to the inbox and for a followed blog, in the API and on the page.
func TestInboxShowsTheExtractorsRule(t *testing.T) {
	f := newAPIFixture(t)
	ctx := context.Background()
	fc := f.users["fc"]
	title := "Quake live"
	st, err := f.store.CreateStory(ctx, fc, models.StoryInput{Title: &title})
	if err != nil {
		t.Fatal(err)
	}
	text := "Quake – live\n\n19:40 – Rescue\n\nThe Civil Rescue Corps said on Telegram that 140 people had been pulled alive from the rubble.\n\n" +
		"18:55 – Magnitude\n\nThe quake had a magnitude of 7.1, the interior ministry said.\n\n" +
		"18:30 – Dam\n\nThe quake caused no damage to the dam, according to the water authority.\n"
	found, err := liveblog.Extract(text)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // claimant → rule
	for _, c := range found {
		want[c.Claimant] = c.Rule
	}
	if len(want) != 3 || want["the water authority"] == want["the interior ministry"] {
		t.Fatalf("the paste should give three claims by different rules: %+v", found)
	}
	rec := f.do("fc", http.MethodPost, "/api/v1/imports/liveblog/commit", map[string]any{"text": text, "story_id": st.ID, "to_inbox": true})
	mustStatus(t, rec, http.StatusCreated)

	// A followed blog's candidates carry their rule too.
	title2 := "Floods live"
	st2, err := f.store.CreateStory(ctx, fc, models.StoryInput{Title: &title2})
	if err != nil {
		t.Fatal(err)
	}
	blog := floodBlog()
	defer blog.Close()
	if _, err := f.store.StartFollow(ctx, fc, st2.ID, models.FollowInput{URL: blog.Page(), EverySeconds: 60, Floor: 30 * time.Second}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.CheckFollow(ctx, st2.ID, testPageFetcher(), "test", true); err != nil {
		t.Fatal(err)
	}

	b := (&webApp{t: t, store: f.store, e: f.e}).browser().signIn("fc@desk.test")
	for _, story := range []int64{st.ID, st2.ID} {
		cands := candidatesOf(t, f, story, "pending")
		if len(cands) < 2 {
			t.Fatalf("story %d: %d candidates", story, len(cands))
		}
		page := html.UnescapeString(b.get("/stories/" + itoa64(story)).Body.String())
		for _, c := range cands {
			rule, _ := c["rule"].(string)
			if story == st.ID && rule != want[c["claimant"].(string)] {
				t.Errorf("%v: rule %q, the extractor said %q", c["claimant"], rule, want[c["claimant"].(string)])
			}
			desc := liveblog.RuleDescription(rule)
			if desc == "" || c["why"] != desc {
				t.Errorf("%v: rule %q, why %q", c["claimant"], rule, c["why"])
			}
			if !strings.Contains(page, `data-rule="`+rule+`">found by `+desc+`</span>`) {
				t.Errorf("story %d's inbox does not say %v's claim was found by %q", story, c["claimant"], desc)
			}
		}
	}
}
