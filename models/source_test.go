package models

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestSourcesUniqueByNormalisedName(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	_, err := f.s.CreateSource(ctx, SourceInput{Name: ptr("  vyacheslav   GLADKOV. ")})
	if msg := fieldErr(t, err, "name"); !strings.Contains(msg, "already exists") {
		t.Fatalf("duplicate name: %q", msg)
	}
	for _, name := range []string{"gladkov", "Governor of Belgorod", "VYACHESLAV GLADKOV"} {
		src, err := f.s.MatchSource(ctx, name)
		if err != nil || src.ID != f.source.ID {
			t.Errorf("MatchSource(%q) = %v, %v", name, src, err)
		}
	}
	if _, err := f.s.MatchSource(ctx, "Kyiv mayor"); !IsNotFound(err) {
		t.Fatalf("unknown name: %v", err)
	}
	_, err = f.s.CreateSource(ctx, SourceInput{Name: ptr("Someone"), Kind: ptr("alien")})
	fieldErr(t, err, "kind")
}

func TestMergeSources(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	dup, err := f.s.CreateSource(ctx, SourceInput{Name: ptr("Belgorod regional governor"), Aliases: &[]string{"regional governor"}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &f.story.ID, SourceID: &dup.ID, Text: ptr("Drones hit a substation")})
	if err != nil {
		t.Fatal(err)
	}
	into, err := f.s.MergeSources(ctx, f.editor, dup.ID, f.source.ID)
	if err != nil {
		t.Fatal(err)
	}
	aliases := strings.Join(into.AliasNames(), "|")
	if !strings.Contains(aliases, "Belgorod regional governor") || !strings.Contains(aliases, "regional governor") {
		t.Fatalf("aliases after merge: %s", aliases)
	}
	got, _ := f.s.Claim(ctx, c.ID)
	if got.SourceID != f.source.ID || got.ClaimantName != "Vyacheslav Gladkov" || got.Version != c.Version+1 {
		t.Fatalf("claim after merge: %+v", got)
	}
	list, total, err := f.s.Sources(ctx, "", 10, 0)
	if err != nil || total != 1 || list[0].ID != f.source.ID || list[0].Claims != 1 {
		t.Fatalf("sources after merge: %v %d %+v", err, total, list)
	}
	// The merged name now finds the surviving source, in matching and in search.
	if src, err := f.s.MatchSource(ctx, "belgorod regional governor"); err != nil || src.ID != f.source.ID {
		t.Fatalf("match merged name: %v %v", src, err)
	}
	if p, _ := f.s.Claims(ctx, ClaimFilter{Query: "regional governor"}); p.Total != 1 {
		t.Fatalf("search by merged alias: %d", p.Total)
	}
	if _, err := f.s.MergeSources(ctx, f.editor, dup.ID, f.source.ID); err == nil {
		t.Fatal("merging an already-merged source succeeded")
	}
	_, err = f.s.MergeSources(ctx, f.editor, f.source.ID, f.source.ID)
	fieldErr(t, err, "into_id")
}

func TestTrackRecord(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for i, v := range []Verdict{Verified, False, False, Unverified} {
		c := f.claim(t, "claim "+string(rune('a'+i)))
		f.evidence(t, c, "supports", "https://example.org/"+string(rune('a'+i)), "")
		if _, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: v, Rationale: "checked", Version: c.Version}); err != nil {
			t.Fatal(err)
		}
	}
	f.claim(t, "still open")
	tr, err := f.s.SourceTrackRecord(ctx, f.source.ID)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Total != 5 || tr.ByVerd["verified"] != 1 || tr.ByVerd["false"] != 2 || tr.ByVerd["unverified"] != 1 || tr.ByVerd["unreviewed"] != 1 || tr.ByVerd["disputed"] != 0 {
		t.Fatalf("track record: %+v", tr)
	}
}

func TestAttributionLine(t *testing.T) {
	cases := []struct {
		c    Claim
		want string
	}{
		{Claim{ClaimantName: "Vyacheslav Gladkov", ClaimantRole: "Governor of Belgorod region", Text: "Two women were killed by Ukrainian shelling.", Verifiability: VerifNotVerifiable, Verdict: Unreviewed},
			"According to Vyacheslav Gladkov, the governor of Belgorod region, two women were killed by Ukrainian shelling. The claim could not be independently verified."},
		{Claim{ClaimantName: "Interior ministry", Text: "Ukrainian forces shelled the village", Verdict: InReview, Verifiability: VerifUnknown},
			"According to the Interior ministry, Ukrainian forces shelled the village. The claim has not yet been independently verified."},
		{Claim{ClaimantName: "UN", ClaimantRole: "UN envoy", Text: "the talks failed", Verdict: Unverified},
			"According to UN, the UN envoy, the talks failed. The claim could not be independently verified."},
	}
	for _, tc := range cases {
		if got := AttributionLine(&tc.c); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
	now := time.Now()
	c := Claim{ClaimantName: "X", Text: "Y", Verdict: False, SignedOffAt: &now}
	if got := AttributionLine(&c); !strings.HasSuffix(got, "The claim is false.") {
		t.Errorf("signed-off false: %q", got)
	}
}

func TestEntryInstant(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	title, date, tz := "Quake", "2026-11-24", "America/New_York"
	st, err := f.s.CreateStory(ctx, f.editor, StoryInput{Title: &title, Date: &date, TimeZone: &tz})
	if err != nil {
		t.Fatal(err)
	}
	e, err := f.s.CreateEntry(ctx, st.ID, EntryInput{TimeText: "9:58 p.m. ET", Headline: "Aftershock", Body: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Instant == nil || !e.Instant.Equal(time.Date(2026, 11, 25, 2, 58, 0, 0, time.UTC)) {
		t.Fatalf("instant = %v", e.Instant)
	}
	again, err := f.s.CreateEntry(ctx, st.ID, EntryInput{TimeText: "9:58 p.m. ET", Headline: "Aftershock", Body: "x"})
	if err != nil || again.ID != e.ID {
		t.Fatalf("the same entry twice made a new row: %v %v", again, err)
	}
	for in, want := range map[string][2]int{"11:03 a.m.": {11, 3}, "12:05 a.m.": {0, 5}, "12:30 p.m.": {12, 30}, "10.35 a.m.": {10, 35}, "19:40": {19, 40}, "4:52 pm": {16, 52}} {
		h, m, ok := ParseClock(in)
		if !ok || h != want[0] || m != want[1] {
			t.Errorf("ParseClock(%q) = %d:%d %v", in, h, m, ok)
		}
	}
	for _, bad := range []string{"", "25:00", "13:00 p.m.", "noon", "7:61"} {
		if _, _, ok := ParseClock(bad); ok {
			t.Errorf("ParseClock(%q) accepted", bad)
		}
	}
}
