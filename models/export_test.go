package models_test

import (
	"errors"
	"net/url"
	"testing"
	"time"

	"claimdesk/models"
)

func TestNeutraliseCell(t *testing.T) {
	for in, want := range map[string]string{
		"":                    "",
		"=1+1":                "'=1+1",
		"+7 495":              "'+7 495",
		"-2":                  "'-2",
		"@SUM(A1)":            "'@SUM(A1)",
		"\tTab":               "'\tTab",
		"\rCR":                "'\rCR",
		"\nLF":                "'\nLF",
		"＝1+1":                "'＝1+1",
		"＠x":                  "'＠x",
		"a=1":                 "a=1",
		" =1":                 " =1",
		"'=1":                 "'=1",
		"Губернатор":          "Губернатор",
		"قال":                 "قال",
		"外交部":                 "外交部",
		"🚀 launch":            "🚀 launch",
		"2026-11-25T12:00Z":   "2026-11-25T12:00Z",
		"https://example.org": "https://example.org",
	} {
		if got := models.NeutraliseCell(in); got != want {
			t.Errorf("NeutraliseCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClaimReviewRatingCoversFinalVerdictsOnly(t *testing.T) {
	for _, v := range models.Verdicts() {
		value, name, ok := models.ClaimReviewRating(v)
		if ok != v.Final() {
			t.Errorf("%s: rated %v, final %v", v, ok, v.Final())
		}
		if ok && (value < models.ClaimReviewWorstRating || value > models.ClaimReviewBestRating || name != v.Label()) {
			t.Errorf("%s: rating %d %q", v, value, name)
		}
	}
	signed := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	row := &models.ExportRow{ID: 7, Text: "x", Verdict: models.Verified}
	if _, ok := models.NewClaimReview(row, models.ExportOptions{}); ok {
		t.Error("a verified claim without sign-off was marked up")
	}
	row.SignedOffAt = &signed
	cr, ok := models.NewClaimReview(row, models.ExportOptions{BaseURL: "https://d.example/", Newsroom: "N"})
	if !ok || cr.URL != "https://d.example/claims/7" || cr.DatePublished != "2026-11-25T12:00:00Z" || cr.ItemReviewed.Author.Type != "Organization" {
		t.Errorf("%+v", cr)
	}
}

func TestParseClaimFilter(t *testing.T) {
	q, _ := url.ParseQuery("verdict=false,misleading&verdict=verified&unconfirmed=yes&story=3&assignee=me&since=2026-11-24&sort=id")
	f, err := models.ParseClaimFilter(q, 42)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Verdicts) != 3 || !f.Unconfirmed || f.StoryID != 3 || f.AssigneeID != 42 || f.Since == nil || f.Sort != "id" {
		t.Errorf("%+v", f)
	}
	q, _ = url.ParseQuery("story=-1&since=soon&assignee=me&verdict=maybe")
	_, err = models.ParseClaimFilter(q, 0)
	var ve *models.ValidationError
	if !errors.As(err, &ve) || ve.Fields["story"] == "" || ve.Fields["since"] == "" || ve.Fields["assignee"] == "" {
		t.Errorf("want field errors for story, since and assignee, got %v", err)
	}
}
