package models

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"claimdesk/models/events"
	"claimdesk/models/livepage/pagetest"
)

// proposedEvents counts the candidate.proposed events of a story and the
// candidates they name.
func proposedEvents(t *testing.T, s *Store, storyID int64) (n, candidates int) {
	t.Helper()
	evs, err := s.EventsAfter(context.Background(), 0, storyID, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if e.Type != events.CandidateProposed {
			continue
		}
		var d struct {
			IDs []int64 `json:"candidate_ids"`
		}
		if err := json.Unmarshal(e.Detail, &d); err != nil {
			t.Fatal(err)
		}
		n, candidates = n+1, candidates+len(d.IDs)
	}
	return n, candidates
}

// runFollower starts a scheduler on s and returns its stop function.
func runFollower(s *Store) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	f := NewFollower(s, FollowerConfig{Fetcher: testFetcher(), Tick: 20 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	go func() {
		f.Run(ctx)
		close(done)
	}()
	return func() {
		cancel()
		<-done
	}
}

// realClockStory opens a store on cfg with the real clock and makes a user
// and a story.
func realClockStory(t *testing.T, cfg Config) (*Store, *User, *Story) {
	t.Helper()
	s, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	u, err := s.CreateUser(ctx, NewUser{Name: "Fay Checker", Email: "fay@desk.test", Role: RoleFactchecker, Password: "a long enough password"})
	if err != nil {
		t.Fatal(err)
	}
	title := "Floods live"
	st, err := s.CreateStory(ctx, u, StoryInput{Title: &title})
	if err != nil {
		t.Fatal(err)
	}
	return s, u, st
}

func TestSchedulerFollowsAndResumesAfterRestart(t *testing.T) {
	cfg := testConfig(t)
	s, u, st := realClockStory(t, cfg)
	srv := pagetest.New(floodEntries()...)
	defer srv.Close()
	ctx := context.Background()
	if _, err := s.StartFollow(ctx, u, st.ID, FollowInput{URL: srv.Page(), EverySeconds: 1, Floor: time.Second}); err != nil {
		t.Fatal(err)
	}
	stop := runFollower(s)
	waitFor(t, 15*time.Second, "the first candidates", func() bool { return len(pending(t, s, st.ID)) >= 2 })
	if n, c := proposedEvents(t, s, st.ID); n != 1 || c != len(pending(t, s, st.ID)) {
		t.Errorf("%d candidate.proposed events naming %d candidates", n, c)
	}
	stop()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// While no server runs, the blog gets a new entry; the next server
	// carries on from the database.
	srv.Add(pagetest.Entry{ID: "e3", Time: "11:15", Headline: "Bridge closed", Paragraphs: []string{"The transport ministry said the Elbe bridge was closed."}})
	s2, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	before := len(pending(t, s2, st.ID))
	stop = runFollower(s2)
	defer stop()
	waitFor(t, 15*time.Second, "the new entry's candidate after the restart", func() bool {
		cs := pending(t, s2, st.ID)
		return len(cs) == before+1 && strings.Contains(strings.ToLower(cs[0].Claimant), "transport ministry")
	})
	fl, err := s2.FollowOf(ctx, st.ID)
	if err != nil || fl.EntriesSeen != 3 {
		t.Errorf("follow %+v %v", fl, err)
	}
	if n, c := proposedEvents(t, s2, st.ID); n != 2 || c != before+1 {
		t.Errorf("after the restart: %d candidate.proposed events naming %d candidates", n, c)
	}
}

func TestTwoServersFetchEachURLOncePerInterval(t *testing.T) {
	cfg := testConfig(t)
	s1, u, st := realClockStory(t, cfg)
	defer s1.Close()
	s2, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	srv := pagetest.New(floodEntries()...)
	defer srv.Close()
	if _, err := s1.StartFollow(context.Background(), u, st.ID, FollowInput{URL: srv.Page(), EverySeconds: 1, Floor: time.Second}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	stop1, stop2 := runFollower(s1), runFollower(s2)
	time.Sleep(3500 * time.Millisecond)
	stop1()
	stop2()
	elapsed := time.Since(start)
	fetches := srv.Fetches()
	if len(fetches) < 2 || len(fetches) > int(elapsed/(900*time.Millisecond))+1 {
		t.Fatalf("%d fetches in %v at a 1 s interval by two servers", len(fetches), elapsed)
	}
	for i := 1; i < len(fetches); i++ {
		if gap := fetches[i].Sub(fetches[i-1]); gap < 850*time.Millisecond {
			t.Errorf("fetches %d and %d only %v apart: both servers fetched", i-1, i, gap)
		}
	}
	if n := len(pending(t, s1, st.ID)); n < 2 {
		t.Errorf("%d candidates", n)
	}
	// Each claim proposed once, whichever server found it.
	seen := map[string]bool{}
	for _, c := range pending(t, s2, st.ID) {
		if seen[c.Claimant+c.Claim] {
			t.Errorf("proposed twice: %+v", c)
		}
		seen[c.Claimant+c.Claim] = true
	}
}
