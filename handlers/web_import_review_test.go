package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
)

// bigBlog is a live blog of about size bytes with many distinct claims.
func bigBlog(size int) string {
	var b strings.Builder
	b.WriteString("Belgorod region shelling – live updates\n\n")
	for i := 0; b.Len() < size; i++ {
		b.WriteString(strconv.Itoa(1+i/60%12) + ":" + strconv.Itoa(10+i%50) + " p.m. – Update " + strconv.Itoa(i) + "\n\n")
		b.WriteString("Governor Vyacheslav Gladkov said on Telegram that " + strconv.Itoa(i) +
			" houses were damaged in the village of Shebekino overnight. The claim could not be independently verified. ")
		b.WriteString("Residents told local media that power was cut in street number " + strconv.Itoa(i) + " for several hours.\n\n")
	}
	return b.String()
}

// A 5 MB paste: the preview caps what it renders, says so, and stays small.
func TestWebImportLargePasteIsCapped(t *testing.T) {
	a := newWebApp(t)
	a.user("fay", models.RoleFactchecker)
	b := a.browser().signIn("fay@desk.test")
	b.get("/import")
	blog := bigBlog(5 << 20)
	start := time.Now()
	rec := b.post("/import/preview", url.Values{"text": {blog}})
	took := time.Since(start)
	wantStatus(t, rec, http.StatusOK)
	body := rec.Body.String()
	if !strings.Contains(body, "candidate claims: showing 1–200, 200 per page") {
		t.Fatalf("no cap message:\n%.3000s", body)
	}
	if len(body) > 2<<20 {
		t.Fatalf("the preview of a 5 MB paste is %d bytes of HTML", len(body))
	}
	if n := strings.Count(body, `class="cand-row`); n != 200 {
		t.Fatalf("%d rows rendered, want 200", n)
	}
	t.Logf("5 MB paste (%d bytes): preview of %d bytes in %s (the machine is shared)", len(blog), len(body), took)
}

func TestWebImportReviewRowsTitleRepeatsAndRole(t *testing.T) {
	a := newWebApp(t)
	a.user("fay", models.RoleFactchecker)
	b := a.browser().signIn("fay@desk.test")
	b.get("/import")
	blog := "Zoom Image\n\nPhoto: Reuters / Handout\n\nRussian drone attacks on Belgorod – live\n\n" +
		"11:03 a.m. – Shelling\n\nTwo women were killed by Ukrainian shelling, Vyacheslav Gladkov said on Telegram.\n\n" +
		"10:40 a.m. – Earlier\n\nTwo women were killed by Ukrainian shelling, Vyacheslav Gladkov said on Telegram.\n\n"
	rec := b.post("/import/preview", url.Values{"text": {blog}})
	wantStatus(t, rec, http.StatusOK)
	body := rec.Body.String()
	if !strings.Contains(body, `name="story_title" value="Russian drone attacks on Belgorod – live"`) {
		t.Fatalf("suggested title: %.4000s", body)
	}
	if strings.Count(body, `class="cand-row`) != 1 || !strings.Contains(body, "repeated ×2") {
		t.Fatalf("the repeated claim is not collapsed: %s", body)
	}
	f := commitForm(t, body)
	f.Set("candidates[0].role", "Governor of Belgorod region")
	rec = b.post("/import/commit", f)
	wantStatus(t, rec, http.StatusSeeOther)
	src, err := a.store.MatchSource(context.Background(), "Vyacheslav Gladkov")
	if err != nil || src.Role != "Governor of Belgorod region" {
		t.Fatalf("new source's role: %+v %v", src, err)
	}
}
