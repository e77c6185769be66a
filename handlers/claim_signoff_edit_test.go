package handlers

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// A PATCH of a signed-off claim's text clears the sign-off, so the
// ClaimReview export no longer publishes it under the editor's name.
func TestAPIPatchOfSignedOffClaimClearsSignOff(t *testing.T) {
	f := newAPIFixture(t)
	_, _, claim := f.seed(t)
	c := fmt.Sprintf("/api/v1/claims/%d", claim)
	mustStatus(t, f.do("fc", "POST", c+"/evidence", map[string]any{"kind": "document", "stance": "supports", "url": "https://example.org/a"}), http.StatusCreated)
	mustStatus(t, f.do("editor", "POST", c+"/verdict", map[string]any{"verdict": "verified", "rationale": "photos geolocated", "version": 1}), http.StatusOK)
	rec := f.do("editor2", "POST", c+"/signoff", map[string]any{"version": 2})
	mustStatus(t, rec, http.StatusOK)
	if !strings.Contains(f.do("viewer", "GET", "/api/v1/claimreview.jsonld", nil).Body.String(), "Two women were killed") {
		t.Fatal("the signed-off claim is not in the ClaimReview export")
	}
	rec = f.do("fc", "PATCH", c, map[string]any{"text": "Twenty women were killed by Ukrainian shelling", "version": 3,
		"reason": "the governor's figure was misheard"})
	mustStatus(t, rec, http.StatusOK)
	body := rec.Body.String()
	if !strings.Contains(body, `"signed_off_at":null`) || !strings.Contains(body, `"published":false`) {
		t.Fatalf("PATCH answer still signed off: %s", body)
	}
	export := f.do("viewer", "GET", "/api/v1/claimreview.jsonld", nil).Body.String()
	if strings.Contains(export, "women were killed") {
		t.Fatalf("the edited claim is still published: %s", export)
	}
	act := f.do("viewer", "GET", c+"/activity", nil).Body.String()
	if !strings.Contains(act, "signoff_cleared") || !strings.Contains(act, "the text changed after sign-off") {
		t.Fatalf("activity: %s", act)
	}
}
