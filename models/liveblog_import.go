package models

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"claimdesk/models/liveblog"
)

// ImportCandidate is one proposed claim of a pasted live blog, as the preview
// shows it and as the desk sends it back (edited, selected) to import.
type ImportCandidate struct {
	Selected     bool   `json:"selected"`
	EntryIndex   int    `json:"entry_index"`
	Claim        string `json:"claim"`
	Claimant     string `json:"claimant"`
	Quote        string `json:"quote"`
	Time         string `json:"time"`
	Headline     string `json:"headline"`
	Unverifiable bool   `json:"unverifiable"`
	Verb         string `json:"verb,omitempty"`
	Direct       bool   `json:"direct"`
	Channel      string `json:"channel,omitempty"`
	Via          string `json:"via,omitempty"`
	Caveat       string `json:"caveat,omitempty"`
	// Rule names the extraction rule that proposed the claim and Why says
	// it in words, so the desk sees why a candidate is there.
	Rule string `json:"rule,omitempty"`
	Why  string `json:"why,omitempty"`
	// SourceID is the existing source the claimant matched (by name or
	// alias), 0 when the import will create a new source.
	SourceID   int64  `json:"source_id"`
	SourceName string `json:"source_name"`
	// Duplicate is true when the story already holds this claim.
	Duplicate bool `json:"duplicate"`
	// Matches are the desk's claims, in any story, this one is close to
	// (see MatchTexts), filled by the preview.
	Matches []ClaimMatch `json:"matches"`
	// LinkTo, when set on commit, links the new claim to that claim
	// (LinkKind: duplicate_of, corroborates or contradicts; duplicate_of
	// when empty).
	LinkTo   int64  `json:"link_to,omitempty"`
	LinkKind string `json:"link_kind,omitempty"`
	// Key identifies the candidate across imports of the same blog (see
	// import_review.go); Role is the claimant's role for a new source, and
	// SourceRole the matched source's.
	Key        string `json:"key,omitempty"`
	Role       string `json:"role,omitempty"`
	SourceRole string `json:"source_role,omitempty"`
	// Repeats counts the same claim by the same claimant found again in this
	// paste (collapsed into this one); Reviewed is "dismissed" or "edited"
	// when the desk did so in an earlier import into the story.
	Repeats  int    `json:"repeats,omitempty"`
	Reviewed string `json:"reviewed,omitempty"`
}

// ImportEntry is one parsed entry of the blog.
type ImportEntry struct {
	Index    int    `json:"index"`
	Time     string `json:"time"`
	Headline string `json:"headline"`
	Body     string `json:"body"`
}

// ImportPreview is what the desk reviews before importing.
type ImportPreview struct {
	Title      string            `json:"title"`
	Entries    []ImportEntry     `json:"entries"`
	Candidates []ImportCandidate `json:"candidates"`
}

// ImportResult says what an import added; re-importing the same blog adds nothing.
type ImportResult struct {
	StoryID        int64 `json:"story_id"`
	StoryCreated   bool  `json:"story_created"`
	EntriesAdded   int   `json:"entries_added"`
	SourcesAdded   int   `json:"sources_added"`
	ClaimsAdded    int   `json:"claims_added"`
	ClaimsExisting int   `json:"claims_existing"`
}

// liveblogError turns the parser's input errors into a field message.
func liveblogError(err error) error {
	switch {
	case errors.Is(err, liveblog.ErrEmpty):
		return invalid("text", "is empty: paste the live blog's text")
	case errors.Is(err, liveblog.ErrTooLarge):
		return invalid("text", "is larger than 10 MB")
	case errors.Is(err, liveblog.ErrNotText):
		return invalid("text", "is not plain UTF-8 text (binary file or another encoding?)")
	}
	return err
}

// PreviewImport parses and extracts a live blog and matches each claimant to
// the desk's sources; storyID (0 for a new story) marks claims it already has.
// It answers every candidate at once, so it refuses a blog with more of them
// than one import holds.
func (s *Store) PreviewImport(ctx context.Context, storyID int64, text string) (*ImportPreview, error) {
	return s.previewImport(ctx, storyID, text, false)
}

// PreviewImportPaged is PreviewImport for a review that shows its candidates
// a page at a time and imports them page by page (the web desk's): only the
// preview's size in bytes is bounded, not its number of candidates.
func (s *Store) PreviewImportPaged(ctx context.Context, storyID int64, text string) (*ImportPreview, error) {
	return s.previewImport(ctx, storyID, text, true)
}

func (s *Store) previewImport(ctx context.Context, storyID int64, text string, paged bool) (*ImportPreview, error) {
	blog, err := liveblog.Parse(text)
	if err != nil {
		return nil, liveblogError(err)
	}
	cands, err := liveblog.Extract(text)
	if err != nil {
		return nil, liveblogError(err)
	}
	p := &ImportPreview{Title: importTitle(blog.Title, text), Entries: make([]ImportEntry, len(blog.Entries)), Candidates: make([]ImportCandidate, 0, len(cands))}
	for i, e := range blog.Entries {
		p.Entries[i] = ImportEntry{Index: e.Index, Time: e.Time, Headline: e.Headline, Body: e.Body}
	}
	if err := checkPreviewSize(p, cands, !paged); err != nil {
		return nil, err
	}
	db := s.read(ctx)
	for _, c := range cands {
		p.Candidates = append(p.Candidates, ImportCandidate{Selected: true, EntryIndex: c.EntryIndex, Claim: c.Claim,
			Claimant: c.Claimant, Quote: c.Quote, Time: c.Time, Headline: c.Headline, Unverifiable: c.Unverifiable,
			Verb: c.Verb, Direct: c.Direct, Channel: c.Channel, Via: c.Via, Caveat: c.Caveat,
			Rule: c.Rule, Why: liveblog.RuleDescription(c.Rule), Key: candidateKey(c.Time, c.Headline, c.Claim, c.Claimant)})
	}
	p.Candidates = collapseRepeats(p.Candidates)
	// Earlier reviews first, so a corrected claim is matched and recognised
	// as imported in its corrected form.
	if err := applyReviews(db, storyID, p.Candidates); err != nil {
		return nil, err
	}
	matched := map[string]*Source{}
	for i := range p.Candidates {
		ic := &p.Candidates[i]
		key := normName(ic.Claimant)
		src, ok := matched[key]
		if !ok {
			src, err = matchSourceTx(db, ic.Claimant)
			if err != nil && !IsNotFound(err) {
				return nil, err
			}
			matched[key] = src
		}
		if src == nil {
			continue
		}
		ic.SourceID, ic.SourceName, ic.SourceRole = src.ID, src.Name, src.Role
		if storyID > 0 {
			var n int64
			hash := claimHash(&Claim{Text: strings.TrimSpace(ic.Claim), SourceID: src.ID})
			if err := db.Model(&Claim{}).Where("story_id = ? AND content_hash = ?", storyID, hash).Count(&n).Error; err != nil {
				return nil, err
			}
			ic.Duplicate = n > 0
			ic.Selected = ic.Selected && n == 0
		}
	}
	// Matching is bounded like an import: a paste with more candidates than
	// one import takes shows matches for the first of them.
	if err := s.matchCandidates(ctx, p.Candidates[:min(len(p.Candidates), MaxImportCandidates)]); err != nil {
		return nil, err
	}
	return p, nil
}

// ImportRequest is an import to commit: the blog text (its entries are stored
// for context), the story (an id, or a title for a new story or the newest
// story of that title), and the candidates to store — nil means every
// candidate the extractor finds.
type ImportRequest struct {
	StoryID     int64
	StoryTitle  string
	Text        string
	Candidates  []ImportCandidate
	ReportedURL string
}

// MaxImportCandidates bounds one import.
const MaxImportCandidates = 5000

// CommitImport stores a live blog's entries, sources and selected claims in one
// transaction: either all of it lands or none of it. Entries and claims the
// story already has are recognised and not added again.
func (s *Store) CommitImport(ctx context.Context, actor *User, req ImportRequest) (*ImportResult, error) {
	blog, err := liveblog.Parse(req.Text)
	if err != nil {
		return nil, liveblogError(err)
	}
	cands := req.Candidates
	if cands == nil {
		found, err := liveblog.Extract(req.Text)
		if err != nil {
			return nil, liveblogError(err)
		}
		for _, c := range found {
			cands = append(cands, ImportCandidate{Selected: true, EntryIndex: c.EntryIndex, Claim: c.Claim, Claimant: c.Claimant,
				Quote: c.Quote, Unverifiable: c.Unverifiable, Verb: c.Verb, Direct: c.Direct, Channel: c.Channel, Via: c.Via, Caveat: c.Caveat})
		}
	}
	if len(cands) > MaxImportCandidates {
		return nil, invalid("candidates", "at most 5000 claims in one import")
	}
	fields := map[string]string{}
	for i, c := range cands {
		if !c.Selected {
			continue
		}
		prefix := "candidates[" + strconv.Itoa(i) + "]."
		c.proposed().check(fields, prefix)
		if c.EntryIndex < -1 || c.EntryIndex >= len(blog.Entries) {
			fields[prefix+"entry_index"] = "is not an entry of this blog"
		}
		checkImportLink(fields, prefix, c)
	}
	title := strings.TrimSpace(req.StoryTitle)
	if req.StoryID <= 0 && title == "" {
		title = importTitle(blog.Title, req.Text)
	}
	if req.StoryID <= 0 {
		checkText(fields, "story_title", title, true, MaxTitleLen)
	}
	checkURL(fields, "reported_url", req.ReportedURL)
	if len(fields) > 0 {
		return nil, &ValidationError{Fields: fields}
	}
	close, err := s.importCloseMatches(ctx, cands)
	if err != nil {
		return nil, err
	}
	res := &ImportResult{}
	err = s.write(ctx, func(tx *gorm.DB) error {
		now := s.Now()
		st, created, err := importStory(tx, actor, req.StoryID, title)
		if err != nil {
			return err
		}
		res.StoryID, res.StoryCreated = st.ID, created
		entryIDs := make([]int64, len(blog.Entries))
		// A claim is reported when its entry was: the instant its printed
		// time stands for, when the story has a date and a time zone.
		entryAt := make([]*time.Time, len(blog.Entries))
		for i, e := range blog.Entries {
			if strings.TrimSpace(e.Headline) == "" && strings.TrimSpace(e.Body) == "" {
				continue
			}
			if utf8.RuneCountInString(e.Body) > MaxBodyLen {
				e.Body = string([]rune(e.Body)[:MaxBodyLen])
			}
			if utf8.RuneCountInString(e.Headline) > MaxTitleLen {
				e.Headline = string([]rune(e.Headline)[:MaxTitleLen])
			}
			if utf8.RuneCountInString(e.Time) > 100 {
				e.Time = string([]rune(e.Time)[:100])
			}
			row, added, err := addEntry(tx, st, EntryInput{TimeText: e.Time, Headline: e.Headline, Body: e.Body, Position: i}, now)
			if err != nil {
				return err
			}
			entryIDs[i] = row.ID
			if entryAt[i] = row.Instant; entryAt[i] == nil {
				entryAt[i] = instantFor(st, row.TimeText)
			}
			if added {
				res.EntriesAdded++
			}
		}
		for i, c := range cands {
			if !c.Selected {
				continue
			}
			p := c.proposed()
			p.ReportedURL = req.ReportedURL
			if c.EntryIndex >= 0 && c.EntryIndex < len(entryIDs) && entryIDs[c.EntryIndex] > 0 {
				p.EntryID = &entryIDs[c.EntryIndex]
				p.ReportedAt = entryAt[c.EntryIndex]
			}
			added, existing, newSource, err := storeProposedTx(tx, actor, st.ID, p, now, ActImported)
			if err != nil {
				return err
			}
			if newSource {
				res.SourcesAdded++
			}
			if existing {
				res.ClaimsExisting++
				continue
			}
			if err := linkImported(tx, actor, added.ID, c, now); err != nil {
				return err
			}
			if err := recordMatches(tx, added.ID, close[i]); err != nil {
				return err
			}
			res.ClaimsAdded++
		}
		if req.Candidates == nil {
			return nil
		}
		orig, err := extractedByKey(req.Text)
		if err != nil {
			return err
		}
		return rememberReviews(tx, actor, st.ID, req.Candidates, orig, now)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// proposed is the candidate as a claim to store.
func (c ImportCandidate) proposed() proposedClaim {
	return proposedClaim{Claim: c.Claim, Claimant: c.Claimant, Quote: c.Quote, Verb: c.Verb, Channel: c.Channel, Via: c.Via,
		Caveat: c.Caveat, Direct: c.Direct, Unverifiable: c.Unverifiable, SourceID: c.SourceID, Role: c.Role}
}

func ptrTo[T any](v T) *T { return &v }

// importStory finds the story an import goes into, or creates it.
func importStory(tx *gorm.DB, actor *User, id int64, title string) (*Story, bool, error) {
	var st Story
	if id > 0 {
		if err := tx.First(&st, id).Error; err != nil {
			if IsNotFound(err) {
				return nil, false, invalid("story_id", "no such story")
			}
			return nil, false, err
		}
		return &st, false, nil
	}
	err := tx.Where("title = ? AND archived = ?", title, false).Order("id DESC").First(&st).Error
	if err == nil {
		return &st, false, nil
	}
	if !IsNotFound(err) {
		return nil, false, err
	}
	st = Story{Title: title, Language: "en", Version: 1, CreatedByID: &actor.ID}
	if err := tx.Create(&st).Error; err != nil {
		return nil, false, err
	}
	return &st, true, nil
}

// guessKind proposes a source kind from its name; the desk can correct it.
func guessKind(name string) string {
	n := " " + strings.ToLower(name) + " "
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(n, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("ministry", "government", "governor", "mayor", "president", "prime minister", "minister", "council", "authorit", "office of", "spokes", "department", "agency", "police"):
		return "government"
	case has("army", "military", "forces", "troops", "defence", "defense", "command", "navy", "air force"):
		return "military"
	case has("militia", "rebel", "insurgent", "armed group", "brigade"):
		return "armed group"
	case has("intelligence"):
		return "intelligence"
	case has("reuters", "associated press", " ap ", "afp", "news", "broadcaster", "tv", "radio", "times", "post", "agency"):
		return "media"
	case has("anonymous", "unnamed", "a source", "sources", "official who", "asking not to be named"):
		return "anonymous"
	case has("company", "corp", "inc", "ltd", "plc", "group"):
		return "company"
	case has("red cross", "ngo", "charity", "foundation", "human rights", "amnesty", "médecins", "doctors without"):
		return "NGO"
	}
	if len(strings.Fields(name)) >= 2 && len(strings.Fields(name)) <= 4 {
		return "person"
	}
	return "other"
}

// extractedByKey is the extractor's candidates of a blog by their key, what
// a desk's corrections are compared with.
func extractedByKey(text string) (map[string]ImportCandidate, error) {
	found, err := liveblog.Extract(text)
	if err != nil {
		return nil, liveblogError(err)
	}
	out := make(map[string]ImportCandidate, len(found))
	for _, c := range found {
		out[candidateKey(c.Time, c.Headline, c.Claim, c.Claimant)] = ImportCandidate{Claim: c.Claim, Claimant: c.Claimant,
			Unverifiable: c.Unverifiable, Caveat: c.Caveat}
	}
	return out, nil
}
