package models

import (
	"context"
	"testing"

	"claimdesk/models/liveblog"
)

// A paste's rows sent back to the inbox, edited or not, keep the rule that
// found them in the paste; a candidate stored without a rule (before the
// column existed) still says in words what kind of attribution it is.
func TestCandidateKeepsTheExtractorsRule(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	text := "Quake – live\n\n19:40 – Rescue\n\nThe Civil Rescue Corps denied that 140 people were still missing.\n\n" +
		"18:30 – Dam\n\nThe quake caused no damage to the dam, according to the water authority.\n"
	p, err := f.s.PreviewImport(ctx, f.story.ID, text)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Candidates) != 2 {
		t.Fatalf("preview %+v", p.Candidates)
	}
	want := map[string]string{}
	for i := range p.Candidates {
		c := &p.Candidates[i]
		want[c.Claimant] = c.Rule
		c.Claim += " (edited)"
		c.Rule = "" // as the web form sends a row: by its key only
	}
	res, err := f.s.SendImportToInbox(ctx, ImportRequest{StoryID: f.story.ID, Text: text, Candidates: p.Candidates})
	if err != nil || len(res.CandidateIDs) != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	cs := pending(t, f.s, f.story.ID)
	for _, c := range cs {
		if c.Rule == "" || c.Rule != want[c.Claimant] || c.Why != liveblog.RuleDescription(c.Rule) {
			t.Errorf("%s: rule %q (%q), the paste's was %q", c.Claimant, c.Rule, c.Why, want[c.Claimant])
		}
	}

	// Stored before the rule was kept: the inbox names the attribution.
	if err := f.s.w.Exec(`UPDATE candidates SET rule = '' WHERE story_id = ?`, f.story.ID).Error; err != nil {
		t.Fatal(err)
	}
	for _, c := range pending(t, f.s, f.story.ID) {
		if c.Rule != "" || c.Why != whyOf(&Candidate{Verb: c.Verb, Direct: c.Direct, Channel: c.Channel}) || c.Why == "" {
			t.Errorf("%s: rule %q, why %q", c.Claimant, c.Rule, c.Why)
		}
		if c.Claimant == "the water authority" && c.Why != "“according to” attribution" {
			t.Errorf("the fallback should name the attribution: %q", c.Why)
		}
	}
}
