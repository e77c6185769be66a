package models

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// readSample reads one of the shared sample live blogs.
func readSample(t *testing.T, name string) string {
	t.Helper()
	for _, dir := range []string{filepath.Join("..", "..", "shared", "samples"), "/work/shared/samples"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
			return string(b)
		}
	}
	t.Skipf("sample %s not found", name)
	return ""
}

// datedStory makes a story with a date and a time zone, so entries have instants.
func datedStory(t *testing.T, f *fixture, title string) *Story {
	t.Helper()
	date, tz := "2023-06-01", "Europe/Berlin"
	st, err := f.s.CreateStory(context.Background(), f.editor, StoryInput{Title: &title, Date: &date, TimeZone: &tz})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// Every sample imported into a dated story: a claim from an entry with an
// instant is reported at that instant; one without keeps the import time.
func TestImportedClaimsReportedAtEntryInstant(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, name := range []string{"liveblog-quake.txt", "liveblog-flood.txt", "wire-port-strike.txt"} {
		st := datedStory(t, f, name)
		res, err := f.s.CommitImport(ctx, f.fc, ImportRequest{StoryID: st.ID, Text: readSample(t, name)})
		if err != nil {
			t.Fatal(err)
		}
		p, err := f.s.Claims(ctx, ClaimFilter{StoryID: st.ID, PerPage: MaxPerPage})
		if err != nil {
			t.Fatal(err)
		}
		if int(p.Total) != res.ClaimsAdded || res.ClaimsAdded == 0 {
			t.Fatalf("%s: %d claims listed, %d imported", name, p.Total, res.ClaimsAdded)
		}
		withInstant := 0
		for _, c := range p.Claims {
			var e *Entry
			if c.EntryID != nil {
				if e, err = f.s.Entry(ctx, *c.EntryID); err != nil {
					t.Fatal(err)
				}
			}
			switch {
			case e != nil && e.Instant != nil:
				withInstant++
				if !c.ReportedAt.Equal(*e.Instant) {
					t.Errorf("%s: claim %q reported %s, its entry %q stands for %s", name, c.Text, c.ReportedAt, e.TimeText, e.Instant)
				}
				if c.ReportedAt.Year() != 2023 {
					t.Errorf("%s: claim %q reported %s, not on the story's date", name, c.Text, c.ReportedAt)
				}
			case e != nil && e.TimeText != "":
				t.Errorf("%s: entry time %q has no instant", name, e.TimeText)
			default:
				if !c.ReportedAt.Equal(f.clock.Now()) {
					t.Errorf("%s: claim %q without an entry time reported %s, want the import time", name, c.Text, c.ReportedAt)
				}
			}
		}
		if name != "wire-port-strike.txt" && withInstant < len(p.Claims)/2 {
			t.Errorf("%s: only %d of %d claims have an entry with an instant", name, withInstant, len(p.Claims))
		}
	}
}

// The repair in schema step 10 moves claims imported before the fix to their
// entry's instant, records it in their activity, and leaves alone a claim
// whose reported time someone set by hand.
func TestRepairImportedReportedTimes(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	st := datedStory(t, f, "Belgorod live")
	if _, err := f.s.CommitImport(ctx, f.fc, ImportRequest{StoryID: st.ID, Text: readSample(t, "liveblog-quake.txt")}); err != nil {
		t.Fatal(err)
	}
	p, err := f.s.Claims(ctx, ClaimFilter{StoryID: st.ID, Sort: "id"})
	if err != nil {
		t.Fatal(err)
	}
	// As an import before the fix left them: reported at the import time.
	if err := f.s.w.Exec(`UPDATE claims SET reported_at = created_at WHERE story_id = ?`, st.ID).Error; err != nil {
		t.Fatal(err)
	}
	handSet := p.Claims[0]
	handTime := time.Date(2023, 6, 1, 5, 0, 0, 0, time.UTC)
	if err := f.s.w.Exec(`UPDATE claims SET reported_at = ? WHERE id = ?`, handTime, handSet.ID).Error; err != nil {
		t.Fatal(err)
	}
	repair := reportedRepair
	if f.s.d.pg {
		repair = pgReportedRepair
	}
	for _, stmt := range repair {
		if err := f.s.w.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	for _, before := range p.Claims[1:] {
		c, err := f.s.Claim(ctx, before.ID)
		if err != nil {
			t.Fatal(err)
		}
		e, err := f.s.Entry(ctx, *c.EntryID)
		if err != nil {
			t.Fatal(err)
		}
		if !c.ReportedAt.Equal(*e.Instant) || c.Version != before.Version+1 {
			t.Fatalf("repaired claim %d: reported %s version %d, want %s version %d", c.ID, c.ReportedAt, c.Version, e.Instant, before.Version+1)
		}
		acts, err := f.s.ClaimActivity(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		last := acts[len(acts)-1]
		ch := last.Changes()
		if last.Action != ActEdited || len(ch) != 1 || ch[0].Field != "reported_at" ||
			ChangeValue(ch[0].New) != e.Instant.UTC().Format("2 Jan 2006 15:04 UTC") || ChangeValue(ch[0].Old) != "25 Nov 2026 12:00 UTC" {
			t.Fatalf("repair activity of claim %d: %+v %+v", c.ID, last, ch)
		}
	}
	c, err := f.s.Claim(ctx, handSet.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !c.ReportedAt.Equal(handTime) {
		t.Fatalf("the repair moved a reported time set by hand: %s", c.ReportedAt)
	}
}
