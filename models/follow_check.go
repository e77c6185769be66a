package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"gorm.io/gorm"

	"claimdesk/models/liveblog"
	"claimdesk/models/livepage"
)

// CheckResult says what one check of a followed page found.
type CheckResult struct {
	// NotModified is a 304 answer; Unchanged a page whose entries were all
	// seen before.
	NotModified, Unchanged bool
	EntriesNew             int     `json:"entries_new"`
	EntriesUpdated         int     `json:"entries_updated"`
	CandidateIDs           []int64 `json:"candidate_ids"`
	Format                 string  `json:"format"`
}

// followLease is how long one server holds a follow for a check: longer
// than a fetch (with its time limit) and the work on what it brought.
const followLease = 3 * time.Minute

// maxFollowBackoff caps the delay after failing checks.
const maxFollowBackoff = time.Hour

// CheckFollow fetches a followed page once and adds what is new: entries to
// the story, candidates to its inbox. It is what the scheduler runs for a
// due follow and what `claimdesk follow --once` runs at once (force). A
// failure is recorded on the follow (last error, a growing delay before the
// next check) and returned; nothing already stored changes.
func (s *Store) CheckFollow(ctx context.Context, storyID int64, fetch PageFetcher, owner string, force bool) (*CheckResult, error) {
	var id int64
	if err := s.read(ctx).Model(&Follow{}).Where("story_id = ?", storyID).Pluck("id", &id).Error; err != nil {
		return nil, err
	}
	if id == 0 {
		return nil, ErrNotFound
	}
	return s.checkFollow(ctx, id, fetch, owner, force)
}

// checkFollow leases, fetches, reads and stores one check of a follow.
func (s *Store) checkFollow(ctx context.Context, id int64, fetch PageFetcher, owner string, force bool) (*CheckResult, error) {
	fl, err := s.leaseFollow(ctx, id, owner, followLease, force)
	if err != nil {
		return nil, err
	}
	res, retryAfter, err := s.fetchAndRead(ctx, fl, fetch)
	if err != nil {
		if ferr := s.followFailed(context.WithoutCancel(ctx), fl, owner, err, retryAfter); ferr != nil {
			return nil, errors.Join(err, ferr)
		}
		return nil, err
	}
	return res, nil
}

// fetchAndRead does the check's work; on success it has stored the result
// and released the lease.
func (s *Store) fetchAndRead(ctx context.Context, fl *Follow, fetch PageFetcher) (*CheckResult, time.Duration, error) {
	resp, err := fetch.FetchPage(ctx, PageRequest{URL: fl.URL, ETag: fl.ETag, LastModified: fl.LastModified, MaxBytes: livepage.MaxPageBytes})
	if err != nil {
		return nil, 0, err
	}
	switch {
	case resp.NotModified:
		return &CheckResult{NotModified: true}, 0, s.followDone(ctx, fl, resp, fl.BodyHash, nil, nil)
	case resp.Status < 200 || resp.Status > 299:
		return nil, resp.RetryAfter, fmt.Errorf("the site answered %d", resp.Status)
	}
	sum := sha256.Sum256(resp.Body)
	bodyHash := hex.EncodeToString(sum[:])
	if bodyHash == fl.BodyHash {
		return &CheckResult{Unchanged: true}, 0, s.followDone(ctx, fl, resp, bodyHash, nil, nil)
	}
	page, err := livepage.ReadAs(resp.Body, resp.ContentType)
	switch {
	case errors.Is(err, livepage.ErrNotLiveBlog):
		seen, _ := s.seenCount(ctx, fl.StoryID)
		if seen > 0 {
			return nil, 0, errors.New("no live-blog entries found on the page any more (has the site changed its layout?); what was read before is kept")
		}
		return nil, 0, errors.New("no live-blog entries found on the page: is it a live blog?")
	case errors.Is(err, livepage.ErrTooLarge):
		return nil, 0, fmt.Errorf("the page is larger than %d MB", livepage.MaxPageBytes>>20)
	case errors.Is(err, livepage.ErrNotHTML):
		return nil, 0, errors.New("the page is not HTML that can be read")
	case err != nil:
		return nil, 0, err
	}
	seen, err := s.seenEntries(ctx, fl.StoryID)
	if err != nil {
		return nil, 0, err
	}
	changes := livepage.Diff(page, seen)
	res := &CheckResult{Format: string(page.Format), Unchanged: len(changes) == 0}
	if len(changes) == 0 {
		return res, 0, s.followDone(ctx, fl, resp, bodyHash, nil, nil)
	}
	cands, err := livepage.Propose(changes)
	if err != nil {
		return nil, 0, err
	}
	err = s.followDone(ctx, fl, resp, bodyHash, func(tx *gorm.DB, now time.Time) error {
		var err error
		res.CandidateIDs, res.EntriesNew, res.EntriesUpdated, err = storeChangesTx(tx, fl, changes, cands, now)
		return err
	}, res)
	return res, 0, err
}

// storeChangesTx stores new entries, updates edited ones in place, records
// what was seen and proposes the candidates.
func storeChangesTx(tx *gorm.DB, fl *Follow, changes []livepage.Change, cands []liveblog.Candidate, now time.Time) (ids []int64, added, updated int, err error) {
	var st Story
	if err := tx.First(&st, fl.StoryID).Error; err != nil {
		return nil, 0, 0, err
	}
	var seen int64
	if err := tx.Model(&FollowEntry{}).Where("story_id = ?", st.ID).Count(&seen).Error; err != nil {
		return nil, 0, 0, err
	}
	entryIDs := make([]*int64, len(changes))
	// Pages print the newest entry first; store the oldest first, so
	// positions follow the blog's own order.
	for k := len(changes) - 1; k >= 0; k-- {
		ch := changes[k]
		in := EntryInput{TimeText: ch.Entry.Time, Headline: clip(ch.Entry.Headline, MaxTitleLen), Body: clip(ch.Entry.Body, MaxBodyLen)}
		var fe FollowEntry
		err := tx.Where("story_id = ? AND entry_key = ?", st.ID, ch.Key).First(&fe).Error
		switch {
		case err == nil && fe.EntryID != nil:
			// An edited entry: the story's entry shows the text as it is now.
			if err := tx.Model(&Entry{}).Where("id = ?", *fe.EntryID).
				Updates(map[string]any{"time_text": in.TimeText, "headline": in.Headline, "body": in.Body, "content_hash": entryHash(in)}).Error; err != nil {
				return nil, 0, 0, err
			}
			if err := tx.Model(&fe).Updates(map[string]any{"text_hash": ch.Hash, "changed_at": now}).Error; err != nil {
				return nil, 0, 0, err
			}
			entryIDs[k] = fe.EntryID
			updated++
			continue
		case err != nil && !IsNotFound(err):
			return nil, 0, 0, err
		}
		in.Position = int(seen) + len(changes) - 1 - k
		e, _, err := addEntry(tx, &st, in, now)
		if err != nil {
			return nil, 0, 0, err
		}
		if e.Instant == nil && !ch.Entry.Published.IsZero() {
			t := ch.Entry.Published.UTC()
			if err := tx.Model(e).Update("instant", t).Error; err != nil {
				return nil, 0, 0, err
			}
		}
		entryIDs[k] = &e.ID
		if fe.ID > 0 {
			err = tx.Model(&fe).Updates(map[string]any{"text_hash": ch.Hash, "entry_id": e.ID, "changed_at": now}).Error
		} else {
			err = tx.Create(&FollowEntry{StoryID: st.ID, EntryKey: ch.Key, TextHash: ch.Hash, EntryID: &e.ID, FirstSeenAt: now, ChangedAt: now}).Error
		}
		if err != nil {
			return nil, 0, 0, err
		}
		added++
	}
	props := make([]proposal, 0, len(cands))
	for _, c := range cands {
		props = append(props, proposal{cand: c, entryID: entryIDs[c.EntryIndex], entryUpdated: changes[c.EntryIndex].Updated})
	}
	ids, err = proposeTx(tx, st.ID, OriginFollow, fl.URL, props, now)
	return ids, added, updated, err
}

// followDone records a successful check (and, with store, its findings in
// the same transaction) and schedules the next one.
func (s *Store) followDone(ctx context.Context, fl *Follow, resp *PageResponse, bodyHash string, store func(*gorm.DB, time.Time) error, res *CheckResult) error {
	return s.write(context.WithoutCancel(ctx), func(tx *gorm.DB) error {
		now := s.Now()
		if store != nil {
			if err := store(tx, now); err != nil {
				return err
			}
		}
		up := map[string]any{"last_checked_at": now, "last_error": "", "failures": 0, "checks": gorm.Expr("checks + 1"),
			"next_check_at": now.Add(jitter(time.Duration(fl.EverySeconds) * time.Second)), "lease_owner": "", "lease_until": nil, "updated_at": now,
			"body_hash": bodyHash}
		if !resp.NotModified {
			up["etag"], up["last_modified"] = clip(resp.ETag, 1000), clip(resp.LastModified, 200)
		}
		if res != nil && (res.EntriesNew > 0 || res.EntriesUpdated > 0) {
			up["last_changed_at"] = now
		}
		return tx.Model(&Follow{}).Where("id = ? AND lease_owner = ?", fl.ID, fl.LeaseOwner).Updates(up).Error
	})
}

// followFailed records a failed check: the error for the story page and a
// delay before the next try that doubles with each failure in a row (at
// least what a 429's Retry-After asked, at most an hour).
func (s *Store) followFailed(ctx context.Context, fl *Follow, owner string, cause error, retryAfter time.Duration) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		now := s.Now()
		every := time.Duration(fl.EverySeconds) * time.Second
		delay := every << min(fl.Failures+1, 10)
		delay = min(max(delay, retryAfter), max(maxFollowBackoff, every))
		return tx.Model(&Follow{}).Where("id = ? AND lease_owner = ?", fl.ID, owner).Updates(map[string]any{
			"last_error": clip(cause.Error(), 1000), "failures": gorm.Expr("failures + 1"), "checks": gorm.Expr("checks + 1"),
			"last_checked_at": now, "next_check_at": now.Add(jitter(delay)), "lease_owner": "", "lease_until": nil, "updated_at": now}).Error
	})
}

// jitter spreads checks by up to a tenth of their interval either way, so
// blogs followed at the same moment are not all fetched in the same second.
func jitter(d time.Duration) time.Duration {
	spread := int64(d / 10)
	if spread <= 0 {
		return d
	}
	return d + time.Duration(rand.Int64N(2*spread+1)-spread)
}

// seenEntries is what a story's follow has read before: entry key → text hash.
func (s *Store) seenEntries(ctx context.Context, storyID int64) (map[string]string, error) {
	var rows []FollowEntry
	if err := s.read(ctx).Select("entry_key", "text_hash").Where("story_id = ?", storyID).Find(&rows).Error; err != nil {
		return nil, err
	}
	seen := make(map[string]string, len(rows))
	for _, r := range rows {
		seen[r.EntryKey] = r.TextHash
	}
	return seen, nil
}

func (s *Store) seenCount(ctx context.Context, storyID int64) (int64, error) {
	var n int64
	err := s.read(ctx).Model(&FollowEntry{}).Where("story_id = ?", storyID).Count(&n).Error
	return n, err
}
