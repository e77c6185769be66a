package models

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func sampleText(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "samples", name))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("sample %s missing: %v", name, err)
		}
		t.Skipf("sample %s missing: %v", name, err)
	}
	return string(data)
}

func TestImportIsIdempotentAndAtomic(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	text := sampleText(t, "liveblog-quake.txt")
	prev, err := f.s.PreviewImport(ctx, 0, text)
	if err != nil {
		t.Fatal(err)
	}
	if len(prev.Entries) < 5 || len(prev.Candidates) < 8 {
		t.Fatalf("preview: %d entries, %d candidates", len(prev.Entries), len(prev.Candidates))
	}
	res, err := f.s.CommitImport(ctx, f.editor, ImportRequest{StoryTitle: "Quake live", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if !res.StoryCreated || res.ClaimsAdded != len(prev.Candidates) || res.EntriesAdded != len(prev.Entries) {
		t.Fatalf("first import: %+v (preview had %d candidates)", res, len(prev.Candidates))
	}
	page, err := f.s.Claims(ctx, ClaimFilter{StoryID: res.StoryID, Verifiability: []Verifiability{VerifNotVerifiable}, PerPage: 200})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total == 0 {
		t.Fatal("no claim was imported as not verifiable")
	}
	for _, c := range page.Claims {
		if c.VerifiabilityReason == "" || c.EntryID == nil {
			t.Errorf("unverifiable claim without reason or entry: %+v", c)
		}
	}
	// The same blog again, updated with one new entry: only the new claim lands.
	updated := strings.Replace(text, "19:40 –", "20:15 – Governor visits site\n\nThe regional governor, Ana Lucía Ferro, said that 3,000 tents had arrived in Vellamar.\n\n19:40 –", 1)
	prev2, err := f.s.PreviewImport(ctx, res.StoryID, updated)
	if err != nil {
		t.Fatal(err)
	}
	dups := 0
	for _, c := range prev2.Candidates {
		if c.Duplicate {
			dups++
		}
	}
	if dups != res.ClaimsAdded {
		t.Errorf("preview of the update marks %d duplicates, want %d", dups, res.ClaimsAdded)
	}
	res2, err := f.s.CommitImport(ctx, f.editor, ImportRequest{StoryTitle: "Quake live", Text: updated})
	if err != nil {
		t.Fatal(err)
	}
	if res2.StoryCreated || res2.StoryID != res.StoryID || res2.ClaimsAdded != 1 || res2.ClaimsExisting != res.ClaimsAdded || res2.EntriesAdded != 1 {
		t.Fatalf("re-import: %+v", res2)
	}
	// A bad candidate refuses the whole import: nothing half-written.
	var before int64
	f.s.r.Table("claims").Count(&before)
	_, err = f.s.CommitImport(ctx, f.editor, ImportRequest{StoryTitle: "Another story", Text: text, Candidates: []ImportCandidate{
		{Selected: true, Claim: "fine", Claimant: "Someone"}, {Selected: true, Claim: "", Claimant: "Someone else"}}})
	fieldErr(t, err, "candidates[1].claim")
	var after int64
	f.s.r.Table("claims").Count(&after)
	if st, err := f.s.StoryByTitle(ctx, "Another story"); after != before || err == nil {
		t.Fatalf("refused import left %d claims (was %d), story %v", after, before, st)
	}
}

func TestImportBadInput(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for name, text := range map[string]string{
		"empty": "", "blank": " \n\t\n", "binary": "\x00\x01\x02PNG", "invalid utf8": "abc\xff\xfe",
		"too large": strings.Repeat("a", 10<<20+1),
	} {
		_, err := f.s.CommitImport(ctx, f.editor, ImportRequest{StoryTitle: "x", Text: text})
		fieldErr(t, err, "text")
		_ = name
	}
	// Text without entries or claims imports nothing but is not an error.
	res, err := f.s.CommitImport(ctx, f.editor, ImportRequest{StoryTitle: "Notes", Text: "Just a line of notes with no attribution."})
	if err != nil || res.ClaimsAdded != 0 {
		t.Fatalf("plain text: %v %+v", err, res)
	}
}
