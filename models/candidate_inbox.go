package models

import (
	"context"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"claimdesk/models/liveblog"
)

// InboxResult says what a paste sent to the inbox added.
type InboxResult struct {
	StoryID      int64   `json:"story_id"`
	EntriesAdded int     `json:"entries_added"`
	CandidateIDs []int64 `json:"candidate_ids"`
}

// SendImportToInbox stores a pasted blog's entries in an existing story and
// puts its candidate claims (the selected ones, or all when req.Candidates
// is nil) into the story's inbox instead of storing them as claims, so the
// desk reviews them there as it does a followed blog's. Claims the inbox or
// the story already holds are not proposed again.
func (s *Store) SendImportToInbox(ctx context.Context, req ImportRequest) (*InboxResult, error) {
	if req.StoryID <= 0 {
		return nil, invalid("story_id", "choose the story whose inbox gets the candidates")
	}
	blog, err := liveblog.Parse(req.Text)
	if err != nil {
		return nil, liveblogError(err)
	}
	found, err := liveblog.Extract(req.Text)
	if err != nil {
		return nil, liveblogError(err)
	}
	cands := found
	if req.Candidates != nil {
		rules := extractedRulesOf(found)
		cands = cands[:0:0]
		fields := map[string]string{}
		for i, c := range req.Candidates {
			if !c.Selected {
				continue
			}
			c.proposed().check(fields, "candidates["+strconv.Itoa(i)+"].")
			if c.EntryIndex < -1 || c.EntryIndex >= len(blog.Entries) {
				fields["candidates["+strconv.Itoa(i)+"].entry_index"] = "is not an entry of this blog"
			}
			cands = append(cands, liveblog.Candidate{Claim: c.Claim, Claimant: c.Claimant, Quote: c.Quote, Time: c.Time,
				Headline: c.Headline, Unverifiable: c.Unverifiable, Verb: c.Verb, Direct: c.Direct, Channel: c.Channel,
				Via: c.Via, Caveat: c.Caveat, EntryIndex: c.EntryIndex, Rule: rules.of(c)})
		}
		if len(fields) > 0 {
			return nil, &ValidationError{Fields: fields}
		}
	}
	f := map[string]string{}
	checkURL(f, "reported_url", req.ReportedURL)
	if len(f) > 0 {
		return nil, &ValidationError{Fields: f}
	}
	res := &InboxResult{StoryID: req.StoryID}
	err = s.write(ctx, func(tx *gorm.DB) error {
		var st Story
		if err := tx.First(&st, req.StoryID).Error; err != nil {
			if IsNotFound(err) {
				return invalid("story_id", "no such story")
			}
			return err
		}
		now := s.Now()
		entryIDs := make([]*int64, len(blog.Entries))
		for i, e := range blog.Entries {
			if strings.TrimSpace(e.Headline) == "" && strings.TrimSpace(e.Body) == "" {
				continue
			}
			in := EntryInput{TimeText: clip(e.Time, 100), Headline: clip(e.Headline, MaxTitleLen), Body: clip(e.Body, MaxBodyLen), Position: i}
			row, added, err := addEntry(tx, &st, in, now)
			if err != nil {
				return err
			}
			entryIDs[i] = &row.ID
			if added {
				res.EntriesAdded++
			}
		}
		props := make([]proposal, 0, len(cands))
		for _, c := range cands {
			p := proposal{cand: c}
			if c.EntryIndex >= 0 && c.EntryIndex < len(entryIDs) {
				p.entryID = entryIDs[c.EntryIndex]
			}
			props = append(props, p)
		}
		res.CandidateIDs, err = proposeTx(tx, st.ID, OriginImport, req.ReportedURL, props, now)
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// CandidateOutcome is what happened to one candidate of a bulk decision.
type CandidateOutcome struct {
	ID      int64  `json:"id"`
	ClaimID int64  `json:"claim_id,omitempty"`
	Error   string `json:"error,omitempty"`
}

// MaxBulkCandidates bounds one bulk decision, as bulk claim actions are.
const MaxBulkCandidates = 500

// DecideCandidates accepts (as proposed) or dismisses (with one reason) many
// candidates, each in its own transaction, and says for each what happened:
// one already decided by someone else does not stop the others.
func (s *Store) DecideCandidates(ctx context.Context, actor *User, ids []int64, accept bool, reason string) ([]CandidateOutcome, error) {
	f := map[string]string{}
	if len(ids) == 0 {
		f["ids"] = "choose at least one candidate"
	} else if len(ids) > MaxBulkCandidates {
		f["ids"] = "at most 500 candidates at once"
	}
	if !accept {
		checkText(f, "reason", strings.TrimSpace(reason), true, MaxRationale)
	}
	if len(f) > 0 {
		return nil, &ValidationError{Fields: f}
	}
	out := make([]CandidateOutcome, 0, len(ids))
	for _, id := range ids {
		o := CandidateOutcome{ID: id}
		var err error
		if accept {
			var c *Claim
			if c, err = s.AcceptCandidate(ctx, actor, id, CandidateEdits{}); err == nil {
				o.ClaimID = c.ID
			}
		} else {
			_, err = s.DismissCandidate(ctx, actor, id, reason)
		}
		if err != nil {
			if IsNotFound(err) {
				o.Error = "no such candidate"
			} else if ctx.Err() != nil {
				return nil, ctx.Err()
			} else {
				o.Error = err.Error()
			}
		}
		out = append(out, o)
	}
	return out, nil
}

// extractedRules maps a preview row's key to the rule that found it in the
// paste, so rows sent back (edited or not) keep the extractor's rule.
type extractedRules map[string]string

func extractedRulesOf(found []liveblog.Candidate) extractedRules {
	r := extractedRules{}
	for _, c := range found {
		k := candidateKey(c.Time, c.Headline, c.Claim, c.Claimant)
		if _, ok := r[k]; !ok {
			r[k] = c.Rule
		}
	}
	return r
}

// of is the rule of a row sent back: the paste's own by the row's key, else
// the rule the row names when it is one the extractor has.
func (r extractedRules) of(c ImportCandidate) string {
	if rule := r[c.Key]; rule != "" {
		return rule
	}
	if liveblog.RuleDescription(c.Rule) != "" {
		return c.Rule
	}
	return ""
}
