package models

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"claimdesk/models/livepage/pagetest"
	"claimdesk/models/outbound"
)

// floodEntries are the blog a follow test starts from, newest first.
func floodEntries() []pagetest.Entry {
	return []pagetest.Entry{
		{ID: "e2", Time: "10:40", Headline: "Dam holding, operator says", Paragraphs: []string{
			"The dam operator, Nordwasser, said in a statement that the dam was holding.",
			"The claim could not be independently verified."}},
		{ID: "e1", Time: "10:05", Headline: "Evacuations", Paragraphs: []string{
			"Mayor Petra Lind said on Telegram that 4,000 people had been evacuated from the old town."}},
	}
}

// testFetcher fetches through the guarded client, with the test servers'
// loopback address allowed.
func testFetcher() PageFetcher {
	return NewPageFetcher(outbound.New(outbound.Config{AllowPrivate: true, TotalTimeout: 10 * time.Second}))
}

func followFixture(t *testing.T) (*fixture, *pagetest.Server, PageFetcher) {
	t.Helper()
	f := newFixture(t)
	srv := pagetest.New(floodEntries()...)
	t.Cleanup(srv.Close)
	return f, srv, testFetcher()
}

func pending(t *testing.T, s *Store, storyID int64) []Candidate {
	t.Helper()
	cs, err := s.Candidates(context.Background(), CandidateFilter{StoryID: storyID})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func TestFollowProposesNewThenOnlyNewAndChanged(t *testing.T) {
	f, srv, fetch := followFixture(t)
	ctx := context.Background()
	// Another story already has Lind's figure: the candidate shows it.
	other := "Floods, day one"
	st2, err := f.s.CreateStory(ctx, f.fc, StoryInput{Title: &other})
	if err != nil {
		t.Fatal(err)
	}
	earlier, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &st2.ID, Claimant: ptr("Petra Lind"),
		Text: ptr("4,000 people had been evacuated from the old town")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.StartFollow(ctx, f.fc, f.story.ID, FollowInput{URL: srv.Page(), EverySeconds: 60, Floor: 30 * time.Second}); err != nil {
		t.Fatal(err)
	}
	res, err := f.s.CheckFollow(ctx, f.story.ID, fetch, "test", true)
	if err != nil {
		t.Fatal(err)
	}
	if res.EntriesNew != 2 || len(res.CandidateIDs) < 2 {
		t.Fatalf("first check: %+v", res)
	}
	cs := pending(t, f.s, f.story.ID)
	byClaimant := map[string]Candidate{}
	for _, c := range cs {
		byClaimant[c.Claimant] = c
		if c.EntryID == nil || c.Origin != OriginFollow || c.State != CandidatePending || c.ReportedURL != srv.Page() {
			t.Errorf("candidate %+v", c)
		}
	}
	lind, ok := byClaimant["Petra Lind"]
	if !ok || !strings.Contains(lind.Claim, "4,000 people") || lind.Channel != "on Telegram" || lind.TimeText != "10:05" || lind.Headline != "Evacuations" {
		t.Fatalf("Lind's claim missing or wrong: %+v", cs)
	}
	if nw := byClaimant["Nordwasser"]; !nw.Unverifiable || nw.Caveat == "" {
		t.Errorf("the operator's claim should be unverifiable with its caveat: %+v", nw)
	}
	if !strings.Contains(lind.EntryBody, "4,000") || lind.Rule == "" {
		t.Errorf("candidate without its entry or rule: %+v", lind)
	}
	if len(lind.Matches) == 0 || lind.Matches[0].ClaimID != earlier.ID || lind.Matches[0].StoryID != st2.ID {
		t.Errorf("the candidate should match the claim another story has: %+v", lind.Matches)
	}
	if nw := byClaimant["Nordwasser"]; nw.Matches == nil || len(nw.Matches) != 0 {
		t.Errorf("nothing on the desk resembles the operator's claim: %+v", nw.Matches)
	}
	entries, err := f.s.Entries(ctx, f.story.ID)
	if err != nil || len(entries) != 2 || entries[0].Headline != "Evacuations" {
		t.Fatalf("entries %+v, %v", entries, err)
	}

	// Nothing changed: a 304 thanks to the ETag, nothing added.
	res, err = f.s.CheckFollow(ctx, f.story.ID, fetch, "test", true)
	if err != nil || !res.NotModified || srv.NotModified() != 1 {
		t.Fatalf("unchanged page: %+v %v (304s: %d)", res, err, srv.NotModified())
	}
	if n, c := proposedEvents(t, f.s, f.story.ID); n != 1 || c != len(cs) {
		t.Errorf("after an unchanged page: %d candidate.proposed events naming %d candidates, want 1 naming %d", n, c, len(cs))
	}

	// A new entry and an edited one: only their new claims.
	es := floodEntries()
	es[1].Paragraphs = append(es[1].Paragraphs, "Police chief Jonas Wirth said two people were missing.")
	srv.SetEntries(append([]pagetest.Entry{{ID: "e3", Time: "11:15", Headline: "Bridge closed",
		Paragraphs: []string{"The transport ministry said the Elbe bridge was closed."}}}, es...)...)
	res, err = f.s.CheckFollow(ctx, f.story.ID, fetch, "test", true)
	if err != nil {
		t.Fatal(err)
	}
	if res.EntriesNew != 1 || res.EntriesUpdated != 1 || len(res.CandidateIDs) != 2 {
		t.Fatalf("second check: %+v", res)
	}
	if n, c := proposedEvents(t, f.s, f.story.ID); n != 2 || c != len(cs)+2 {
		t.Errorf("after the change: %d events naming %d candidates", n, c)
	}
	now := pending(t, f.s, f.story.ID)
	if len(now) != len(cs)+2 || now[0].ID < now[1].ID {
		t.Fatalf("inbox after the change (newest first): %+v", now)
	}
	var wirth *Candidate
	for i := range now {
		if now[i].Claimant == "Jonas Wirth" {
			wirth = &now[i]
		}
	}
	if wirth == nil || !wirth.EntryUpdated || wirth.EntryID == nil || *wirth.EntryID != *lind.EntryID {
		t.Fatalf("the edited entry's new claim: %+v", wirth)
	}
	entries, _ = f.s.Entries(ctx, f.story.ID)
	if len(entries) != 3 || !strings.Contains(entries[0].Body, "two people were missing") {
		t.Errorf("the edited entry should show its new text, and one entry be added: %+v", entries)
	}
	fl, err := f.s.FollowOf(ctx, f.story.ID)
	if err != nil || fl.EntriesSeen != 3 || fl.LastChangedAt == nil || fl.LastError != "" || fl.Checks != 3 {
		t.Errorf("follow %+v %v", fl, err)
	}
}

func TestAcceptAndDismissCandidates(t *testing.T) {
	f, srv, fetch := followFixture(t)
	ctx := context.Background()
	// Petra Lind is a known source under an alias: the candidate is matched.
	name, aliases := "Petra Lind", []string{"Mayor Lind"}
	src, err := f.s.CreateSource(ctx, SourceInput{Name: &name, Aliases: &aliases})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.StartFollow(ctx, f.fc, f.story.ID, FollowInput{URL: srv.Page(), Floor: time.Second}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CheckFollow(ctx, f.story.ID, fetch, "test", true); err != nil {
		t.Fatal(err)
	}
	var lind, nw Candidate
	for _, c := range pending(t, f.s, f.story.ID) {
		switch c.Claimant {
		case "Petra Lind":
			lind = c
		case "Nordwasser":
			nw = c
		}
	}
	if lind.SourceID == nil || *lind.SourceID != src.ID || lind.SourceName != "Petra Lind" {
		t.Fatalf("candidate not matched to the known source: %+v", lind)
	}
	edited := "4,000 people were evacuated from the old town"
	claim, err := f.s.AcceptCandidate(ctx, f.fc, lind.ID, CandidateEdits{Claim: &edited})
	if err != nil {
		t.Fatal(err)
	}
	if claim.Text != edited || claim.SourceID != src.ID || claim.EntryID == nil || *claim.EntryID != *lind.EntryID ||
		claim.Channel != "on Telegram" || claim.ReportedURL != srv.Page() {
		t.Errorf("accepted claim %+v", claim)
	}
	var de *CandidateDecidedError
	if _, err := f.s.AcceptCandidate(ctx, f.fc, lind.ID, CandidateEdits{}); !errors.As(err, &de) || de.Current.ClaimID == nil || *de.Current.ClaimID != claim.ID {
		t.Errorf("accepting twice: %v", err)
	}
	// Unverifiable: the claim carries it, with the caveat as reason.
	c2, err := f.s.AcceptCandidate(ctx, f.fc, nw.ID, CandidateEdits{})
	if err != nil || c2.Verifiability != VerifNotVerifiable || c2.VerifiabilityReason == "" {
		t.Fatalf("unverifiable accepted: %+v %v", c2, err)
	}
	// Bad edits change nothing.
	srv.Add(pagetest.Entry{ID: "e9", Time: "12:00", Headline: "Rain", Paragraphs: []string{"The weather service said more rain would fall overnight."}})
	if _, err := f.s.CheckFollow(ctx, f.story.ID, fetch, "test", true); err != nil {
		t.Fatal(err)
	}
	left := pending(t, f.s, f.story.ID)
	if len(left) != 1 {
		t.Fatalf("pending %+v", left)
	}
	empty := "  "
	var ve *ValidationError
	if _, err := f.s.AcceptCandidate(ctx, f.fc, left[0].ID, CandidateEdits{Claim: &empty}); !errors.As(err, &ve) || ve.Fields["claim"] == "" {
		t.Errorf("empty claim: %v", err)
	}
	if _, err := f.s.DismissCandidate(ctx, f.fc, left[0].ID, ""); !errors.As(err, &ve) || ve.Fields["reason"] == "" {
		t.Errorf("dismiss without reason: %v", err)
	}
	if got := pending(t, f.s, f.story.ID); len(got) != 1 {
		t.Fatalf("bad input changed the inbox: %+v", got)
	}
	d, err := f.s.DismissCandidate(ctx, f.fc, left[0].ID, "a forecast, not a claim to check")
	if err != nil || d.State != CandidateDismissed || d.DismissReason == "" || d.DecidedByID == nil {
		t.Fatalf("dismissed %+v %v", d, err)
	}
	dismissed, err := f.s.Candidates(ctx, CandidateFilter{StoryID: f.story.ID, State: CandidateDismissed})
	if err != nil || len(dismissed) != 1 {
		t.Errorf("dismissed list %+v %v", dismissed, err)
	}
	if n, _ := f.s.PendingCandidateCount(ctx, 0); n != 0 {
		t.Errorf("pending count %d", n)
	}
}

func TestFollowFailuresAreRecordedAndNothingChanges(t *testing.T) {
	f, srv, fetch := followFixture(t)
	ctx := context.Background()
	if _, err := f.s.StartFollow(ctx, f.fc, f.story.ID, FollowInput{URL: srv.Page(), EverySeconds: 60, Floor: time.Second}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CheckFollow(ctx, f.story.ID, fetch, "test", true); err != nil {
		t.Fatal(err)
	}
	before := len(pending(t, f.s, f.story.ID))
	check := func(wantErr string) *Follow {
		t.Helper()
		_, err := f.s.CheckFollow(ctx, f.story.ID, fetch, "test", true)
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("error %v, want %q", err, wantErr)
		}
		fl, err := f.s.FollowOf(ctx, f.story.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(fl.LastError, wantErr) {
			t.Errorf("last error %q, want %q", fl.LastError, wantErr)
		}
		if n := len(pending(t, f.s, f.story.ID)); n != before {
			t.Errorf("a failed check changed the inbox: %d → %d", before, n)
		}
		if es, _ := f.s.Entries(ctx, f.story.ID); len(es) != 2 {
			t.Errorf("a failed check changed the entries: %d", len(es))
		}
		return fl
	}
	srv.SetStatus(http.StatusInternalServerError, "")
	fl := check("answered 500")
	if fl.Failures != 1 || fl.NextCheckAt.Sub(f.clock.Now()) < 100*time.Second {
		t.Errorf("after one failure: %d failures, next in %v", fl.Failures, fl.NextCheckAt.Sub(f.clock.Now()))
	}
	fl = check("answered 500")
	if fl.Failures != 2 || fl.NextCheckAt.Sub(f.clock.Now()) < 200*time.Second {
		t.Errorf("the delay should grow: next in %v", fl.NextCheckAt.Sub(f.clock.Now()))
	}
	srv.SetStatus(http.StatusTooManyRequests, "1800")
	fl = check("answered 429")
	if d := fl.NextCheckAt.Sub(f.clock.Now()); d < 1600*time.Second || d > 66*time.Minute {
		t.Errorf("after a 429 asking for 30 minutes: next in %v", d)
	}
	for range 12 {
		fl = check("answered 429")
	}
	if d := fl.NextCheckAt.Sub(f.clock.Now()); d > 66*time.Minute {
		t.Errorf("an hour of 429s: the delay is capped at an hour, got %v", d)
	}
	srv.SetStatus(http.StatusOK, "")
	srv.SetRaw([]byte("<html><body><article><h1>An article</h1><p>The mayor said it was fine.</p></article></body></html>"))
	check("no live-blog entries found on the page any more")
	srv.SetRaw([]byte("\x00\x01\x02\x03garbage\x00"))
	check("not HTML")
	srv.SetRaw([]byte(strings.Repeat("<p>x</p>", 1<<20+10)))
	check("larger than")
	srv.SetEntries(floodEntries()...)
	res, err := f.s.CheckFollow(ctx, f.story.ID, fetch, "test", true)
	if err != nil || !(res.Unchanged || res.NotModified) || len(res.CandidateIDs) != 0 {
		t.Fatalf("recovered: %+v %v", res, err)
	}
	fl, _ = f.s.FollowOf(ctx, f.story.ID)
	if fl.Failures != 0 || fl.LastError != "" {
		t.Errorf("a good check clears the failure: %+v", fl)
	}
}

func TestFollowInputIsChecked(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var ve *ValidationError
	for _, in := range []FollowInput{
		{URL: "", Floor: 30 * time.Second},
		{URL: "ftp://example.org/live", Floor: 30 * time.Second},
		{URL: "https://example.org/live", EverySeconds: 10, Floor: 30 * time.Second},
		{URL: "https://example.org/live", EverySeconds: 86401, Floor: 30 * time.Second},
	} {
		if _, err := f.s.StartFollow(ctx, f.fc, f.story.ID, in); !errors.As(err, &ve) {
			t.Errorf("%+v: %v", in, err)
		}
	}
	if _, err := f.s.FollowOf(ctx, f.story.ID); !IsNotFound(err) {
		t.Errorf("bad input stored a follow: %v", err)
	}
	if _, err := f.s.StartFollow(ctx, f.fc, 9999, FollowInput{URL: "https://example.org/live", Floor: time.Second}); !IsNotFound(err) {
		t.Errorf("unknown story: %v", err)
	}
	fl, err := f.s.StartFollow(ctx, f.fc, f.story.ID, FollowInput{URL: "https://example.org/live", Floor: 30 * time.Second})
	if err != nil || fl.EverySeconds != 60 || !fl.Active {
		t.Fatalf("default interval: %+v %v", fl, err)
	}
	if fl, err = f.s.StopFollow(ctx, f.story.ID); err != nil || fl.Active {
		t.Errorf("stop: %+v %v", fl, err)
	}
}

func TestFetcherRefusesPrivateAddresses(t *testing.T) {
	srv := pagetestServer(t)
	_, err := NewPageFetcher(outbound.New(outbound.Config{})).FetchPage(context.Background(), PageRequest{URL: srv.Page()})
	if err == nil || !strings.Contains(err.Error(), "refused to connect") {
		t.Errorf("fetching 127.0.0.1 without permission: %v", err)
	}
	if len(srv.Fetches()) != 0 {
		t.Error("the request reached the server")
	}
}

func pagetestServer(t *testing.T) *pagetest.Server {
	srv := pagetest.New(floodEntries()...)
	t.Cleanup(srv.Close)
	return srv
}
