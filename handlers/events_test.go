package handlers

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Every kind of change reaches an open stream as its event, with the
// contract's fields, ids growing.
func TestEventStreamCarriesEveryChange(t *testing.T) {
	f := newLiveFixture(t, testLive)
	s := f.openStream(t, "/api/v1/events", f.bearer("viewer"))
	s.expect("ready")
	id, v := f.claim(f.story, "Two women were killed by shelling in Belgorod.")
	mustStatus(t, f.do("fc", http.MethodPost, claimPath(id, "/verdict"), map[string]any{"verdict": "in_review", "rationale": "checking", "version": v}), http.StatusOK)
	mustStatus(t, f.do("fc", http.MethodPost, claimPath(id, "/verifiability"), map[string]any{"verifiability": "not_verifiable", "reason": "no access", "version": v + 1}), http.StatusOK)
	mustStatus(t, f.do("fc", http.MethodPost, claimPath(id, "/take"), nil), http.StatusOK)
	rec := f.do("fc", http.MethodPost, claimPath(id, "/evidence"), map[string]any{"kind": "document", "stance": "refutes", "url": "https://example.org/a"})
	mustStatus(t, rec, http.StatusCreated)
	evID := int64(decode(t, rec)["id"].(float64))
	mustStatus(t, f.do("fc", http.MethodPost, claimPath(id, "/evidence"), map[string]any{"kind": "document", "stance": "refutes", "url": "https://example.org/b"}), http.StatusCreated)
	mustStatus(t, f.do("fc", http.MethodPost, claimPath(id, "/evidence/"+strconv.FormatInt(evID, 10)+"/remove"), map[string]any{"reason": "duplicate"}), http.StatusNoContent)
	mustStatus(t, f.do("fc", http.MethodPost, claimPath(id, "/verdict"), map[string]any{"verdict": "false", "rationale": "refuted", "version": v + 3}), http.StatusOK)
	mustStatus(t, f.do("editor", http.MethodPost, claimPath(id, "/signoff"), map[string]any{"version": v + 4}), http.StatusOK)
	mustStatus(t, f.do("fc", http.MethodPatch, claimPath(id, ""), map[string]any{"text": "Two women were killed.", "version": v + 5,
		"reason": "the entry was shortened"}), http.StatusOK)

	// A sign-off publishes; the edit of the published text is a correction.
	got := s.expect("claim.created", "claim.verdict", "claim.verifiability", "claim.assigned",
		"evidence.added", "evidence.added", "evidence.removed", "claim.verdict", "claim.signed_off", "claim.published",
		"claim.updated", "claim.corrected")
	prev := 0
	for _, e := range got {
		n, err := strconv.Atoi(e.ID)
		if err != nil || n <= prev {
			t.Fatalf("event id %q after %d", e.ID, prev)
		}
		prev = n
		m := e.json(t)
		if m["type"] != e.Type || m["claim_id"] != float64(id) || m["story_id"] != float64(f.story) || m["at"] == nil || m["actor_id"] == nil {
			t.Fatalf("event data %s", e.Data)
		}
	}
	if m := got[1].json(t); m["verdict"] != "in_review" || m["version"] != float64(v+1) || m["actor_id"] != float64(f.users["fc"].ID) {
		t.Fatalf("verdict event %s", got[1].Data)
	}
	if m := got[3].json(t); m["assignee_id"] != float64(f.users["fc"].ID) || m["assignee_name"] != "Fay Checker" || m["verifiability"] != "not_verifiable" {
		t.Fatalf("assigned event %s", got[3].Data)
	}
	if m := got[8].json(t); m["verdict"] != "false" || m["actor_id"] != float64(f.users["editor"].ID) || m["version"] != float64(v+5) {
		t.Fatalf("sign-off event %s", got[8].Data)
	}
	// An idle stream gets keep-alive comments.
	select {
	case c := <-s.comments:
		if c != "keep-alive" {
			t.Fatalf("comment %q", c)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("no keep-alive comment")
	}
}

// A client that reconnects with Last-Event-ID or ?since= gets what it
// missed, from the database, also after the server restarted; ?story=
// narrows both the replay and the live events.
func TestEventStreamReplayAndStoryFilter(t *testing.T) {
	f := newLiveFixture(t, testLive)
	s := f.openStream(t, "/api/v1/events", f.bearer("viewer"))
	ready := s.expect("ready")[0]
	a, _ := f.claim(f.story, "Claim in the first story.")
	b, bv := f.claim(f.other, "Claim in the second story.")
	first := s.expect("claim.created", "claim.created")
	s.close()

	// Missed while away: a verdict in each story.
	mustStatus(t, f.do("fc", http.MethodPost, claimPath(b, "/verdict"), map[string]any{"verdict": "disputed", "rationale": "accounts conflict", "version": bv}), http.StatusOK)
	mustStatus(t, f.do("fc", http.MethodPost, claimPath(a, "/verdict"), map[string]any{"verdict": "in_review", "rationale": "checking", "version": 1}), http.StatusOK)

	h := f.bearer("viewer")
	h.Set("Last-Event-ID", first[1].ID)
	r := f.openStream(t, "/api/v1/events?since="+ready.ID, h) // the header wins over ?since=
	got := r.expect("claim.verdict", "claim.verdict", "ready")
	if got[0].json(t)["claim_id"] != float64(b) || got[1].json(t)["claim_id"] != float64(a) {
		t.Fatalf("replayed %s then %s", got[0].Data, got[1].Data)
	}
	if got[2].ID != got[1].ID || got[2].json(t)["last_id"] != mustFloat(t, got[1].ID) {
		t.Fatalf("ready %+v after replaying up to %s", got[2], got[1].ID)
	}

	story := f.openStream(t, "/api/v1/events?story="+strconv.FormatInt(f.story, 10)+"&since="+ready.ID, f.bearer("viewer"))
	got = story.expect("claim.created", "claim.verdict", "ready")
	if got[0].json(t)["claim_id"] != float64(a) || got[1].json(t)["claim_id"] != float64(a) {
		t.Fatalf("story replay: %s, %s", got[0].Data, got[1].Data)
	}
	f.claim(f.other, "Another claim in the second story.")
	c, _ := f.claim(f.story, "Another claim in the first story.")
	if e := story.expect("claim.created")[0]; e.json(t)["claim_id"] != float64(c) {
		t.Fatalf("story stream got %s", e.Data)
	}
	if e := r.expect("claim.created", "claim.created")[1]; e.json(t)["claim_id"] != float64(c) {
		t.Fatalf("unfiltered stream got %s", e.Data)
	}
	last := f.do("viewer", http.MethodGet, "/api/v1/claims/"+strconv.FormatInt(c, 10), nil)
	mustStatus(t, last, http.StatusOK)

	// The server restarts; the client resumes where it was.
	f.stop()
	f.start(t, testLive)
	h = f.bearer("viewer")
	h.Set("Last-Event-ID", first[1].ID)
	again := f.openStream(t, "/api/v1/events", h)
	got = again.expect("claim.verdict", "claim.verdict", "claim.created", "claim.created", "ready")
	if got[3].json(t)["claim_id"] != float64(c) {
		t.Fatalf("after restart, replay ends with %s", got[3].Data)
	}
	mustStatus(t, f.do("fc", http.MethodPost, claimPath(c, "/take"), nil), http.StatusOK)
	if e := again.expect("claim.assigned")[0]; e.json(t)["claim_id"] != float64(c) {
		t.Fatalf("live after restart: %s", e.Data)
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	n, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Who may open a stream, and what a bad request gets.
func TestEventStreamAccess(t *testing.T) {
	f := newLiveFixture(t, testLive)
	for _, tc := range []struct {
		name   string
		path   string
		header http.Header
		want   int
	}{
		{"no credentials", "/api/v1/events", nil, http.StatusUnauthorized},
		{"unknown token", "/api/v1/events", http.Header{"Authorization": {"Bearer cd_nosuchtoken"}}, http.StatusUnauthorized},
		{"not a number", "/api/v1/events?since=abc", f.bearer("viewer"), http.StatusUnprocessableEntity},
		{"bad Last-Event-ID", "/api/v1/events", http.Header{"Authorization": {"Bearer " + f.tokens["viewer"]}, "Last-Event-Id": {"-3"}}, http.StatusUnprocessableEntity},
		{"no such story", "/api/v1/events?story=999", f.bearer("viewer"), http.StatusUnprocessableEntity},
		{"no such claim", "/api/v1/events?claim=999", f.bearer("viewer"), http.StatusUnprocessableEntity},
		{"viewer", "/api/v1/events", f.bearer("viewer"), http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, status := f.tryStream(t, tc.path, tc.header)
			if status != tc.want {
				t.Fatalf("status %d, want %d", status, tc.want)
			}
			if s != nil {
				s.close()
			}
		})
	}
	// The answer to a bad request names the field.
	rec := f.do("viewer", http.MethodGet, "/api/v1/events?story=0", nil)
	mustStatus(t, rec, http.StatusUnprocessableEntity)
	if errs, _ := decode(t, rec)["errors"].(map[string]any); errs["story"] == nil {
		t.Fatalf("answer %s", rec.Body.String())
	}
}

// A stream ends once its user is disabled or its token revoked.
func TestEventStreamEndsWhenAccessEnds(t *testing.T) {
	f := newLiveFixture(t, testLive)
	byUser := f.openStream(t, "/api/v1/events", f.bearer("fc"))
	byToken := f.openStream(t, "/api/v1/events", f.bearer("fc2"))
	other := f.openStream(t, "/api/v1/events", f.bearer("viewer"))
	for _, s := range []*sseStream{byUser, byToken, other} {
		s.expect("ready")
	}
	mustStatus(t, f.do("admin", http.MethodPatch, "/api/v1/users/"+strconv.FormatInt(f.users["fc"].ID, 10), map[string]any{"disabled": true}), http.StatusOK)
	if !byUser.ended() {
		t.Fatal("a disabled user's stream is still open")
	}
	toks, err := f.store.Tokens(context.Background(), f.users["fc2"].ID)
	if err != nil || len(toks) != 1 {
		t.Fatalf("tokens %v %v", toks, err)
	}
	if err := f.store.RevokeToken(context.Background(), toks[0].ID); err != nil {
		t.Fatal(err)
	}
	if !byToken.ended() {
		t.Fatal("a revoked token's stream is still open")
	}
	mustStatus(t, f.do("editor", http.MethodPost, "/api/v1/claims", map[string]any{"story_id": f.story, "claimant": "Ana", "text": "Still reaching the others."}), http.StatusCreated)
	other.expect("claim.created")
}

// Of two people taking the same claim at once, one gets it, the other a 409
// naming the winner; every stream hears of it once.
func TestTakeOneWinnerOverHTTP(t *testing.T) {
	f := newLiveFixture(t, testLive)
	s := f.openStream(t, "/api/v1/events", f.bearer("viewer"))
	s.expect("ready")
	id, _ := f.claim(f.story, "Everyone wants this one.")
	s.expect("claim.created")
	codes := make(chan int, 2)
	bodies := make(chan map[string]any, 2)
	var wg sync.WaitGroup
	for _, who := range []string{"fc", "fc2"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := f.do(who, http.MethodPost, claimPath(id, "/take"), nil)
			codes <- rec.Code
			if rec.Code == http.StatusConflict {
				bodies <- decode(t, rec)
			}
		}()
	}
	wg.Wait()
	close(codes)
	close(bodies)
	n := map[int]int{}
	for c := range codes {
		n[c]++
	}
	if n[http.StatusOK] != 1 || n[http.StatusConflict] != 1 {
		t.Fatalf("statuses %v", n)
	}
	lost := <-bodies
	e := s.expect("claim.assigned")[0].json(t)
	winner := e["assignee_name"].(string)
	if lost["error"] != winner+" has already taken this claim" || lost["current"].(map[string]any)["assignee_name"] != winner {
		t.Fatalf("loser was told %v; winner %s", lost, winner)
	}
	s.quiet(300 * time.Millisecond)
	mustStatus(t, f.do("viewer", http.MethodPost, claimPath(id, "/take"), nil), http.StatusForbidden)
}

// A claim page's stream hears who else has the claim open.
func TestEventStreamPresence(t *testing.T) {
	f := newLiveFixture(t, testLive)
	id, _ := f.claim(f.story, "A claim two people look at.")
	path := "/api/v1/events?claim=" + strconv.FormatInt(id, 10)
	a := f.openStream(t, path, f.bearer("fc"))
	a.expect("ready")
	if names := presenceNames(t, a); len(names) != 1 || names[0] != "Fay Checker" {
		t.Fatalf("first viewer sees %v", names)
	}
	b := f.openStream(t, path, f.bearer("editor"))
	if names := presenceNames(t, a); len(names) != 2 || names[0] != "Eve Editor" || names[1] != "Fay Checker" {
		t.Fatalf("after a second viewer: %v", names)
	}
	desk := f.openStream(t, "/api/v1/events", f.bearer("viewer"))
	desk.expect("ready")
	b.close()
	if names := presenceNames(t, a); len(names) != 1 || names[0] != "Fay Checker" {
		t.Fatalf("after the second left: %v", names)
	}
	select {
	case e := <-desk.events:
		t.Fatalf("the desk's stream got %s %s", e.Type, e.Data)
	case <-time.After(200 * time.Millisecond):
	}
}

// presenceNames waits for the next presence event and lists its viewers.
func presenceNames(t *testing.T, s *sseStream) []string {
	t.Helper()
	for {
		select {
		case e, ok := <-s.events:
			if !ok {
				t.Fatal("stream ended")
			}
			if e.Type != "presence" {
				continue
			}
			var names []string
			for _, v := range e.json(t)["viewers"].([]any) {
				names = append(names, v.(map[string]any)["name"].(string))
			}
			return names
		case <-time.After(5 * time.Second):
			t.Fatal("no presence event")
		}
	}
}
