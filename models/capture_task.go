package models

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
)

// Capture task kinds: capture the page, check whether the live page still
// matches the last capture, or ask Save Page Now for a public copy.
const (
	TaskCapture = "capture"
	TaskCheck   = "check"
	TaskArchive = "archive"
)

// CaptureTask is one piece of work for the capture pool, queued in the
// database so it survives a restart; it records its outcome when done.
type CaptureTask struct {
	ID            int64      `json:"id"`
	Kind          string     `json:"kind"`
	EvidenceID    int64      `json:"evidence_id"`
	CaptureID     *int64     `json:"capture_id"`
	RequestedByID *int64     `json:"requested_by"`
	RequestedAt   time.Time  `json:"requested_at"`
	StartedAt     *time.Time `json:"started_at"`
	FinishedAt    *time.Time `json:"finished_at"`
	// ResultSHA256 is the live page's hash (check); ResultURL the public
	// copy's address (archive); Error why the task could not do its work.
	ResultSHA256 string `json:"result_sha256" gorm:"column:result_sha256"`
	ResultURL    string `json:"result_url"`
	Error        string `json:"error"`
}

// TableName keeps gorm on the migration's table name.
func (CaptureTask) TableName() string { return "capture_tasks" }

// staleTask is how long a started task may go unfinished before another
// worker takes it again (its process died); far beyond any fetch's limit.
const staleTask = 10 * time.Minute

// RequestCapture queues a capture (or a check of the live page) of an
// evidence link for the worker pool. Asking again while one is queued
// returns the queued task rather than a second one.
func (s *Store) RequestCapture(ctx context.Context, actor *User, evidenceID int64, kind string) (*CaptureTask, error) {
	if kind != TaskCapture && kind != TaskCheck {
		return nil, invalid("kind", "must be capture or check")
	}
	ev, err := s.EvidenceItem(ctx, evidenceID)
	if err != nil {
		return nil, err
	}
	if ev.URL == "" {
		return nil, invalid("url", "this evidence has no link to capture")
	}
	if ev.RemovedAt != nil {
		return nil, invalid("id", "this evidence was removed; it is not captured again")
	}
	if kind == TaskCheck {
		var n int64
		if err := s.read(ctx).Table("captures").Where("evidence_id = ? AND status = ?", ev.ID, CaptureOK).Count(&n).Error; err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, invalid("id", "there is no good capture to compare the live page with yet; capture it first")
		}
	}
	return s.queueTask(ctx, &CaptureTask{Kind: kind, EvidenceID: ev.ID, RequestedByID: &actor.ID})
}

// queueTask inserts t unless a task of its kind for its evidence is still
// open, in which case that one is returned.
func (s *Store) queueTask(ctx context.Context, t *CaptureTask) (*CaptureTask, error) {
	err := s.write(ctx, func(tx *gorm.DB) error {
		var open []CaptureTask
		q := tx.Where("evidence_id = ? AND kind = ? AND finished_at IS NULL", t.EvidenceID, t.Kind)
		if t.CaptureID != nil {
			q = q.Where("capture_id = ?", *t.CaptureID)
		}
		if err := q.Limit(1).Find(&open).Error; err != nil {
			return err
		}
		if len(open) > 0 {
			*t = open[0]
			return nil
		}
		t.RequestedAt = s.Now()
		return tx.Create(t).Error
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// takeTask gives the oldest waiting task to the calling worker, marking it
// started so no other worker (in this process or another) takes it too.
// It returns ErrNotFound when nothing waits.
func (s *Store) takeTask(ctx context.Context) (*CaptureTask, error) {
	var taken *CaptureTask
	err := s.write(ctx, func(tx *gorm.DB) error {
		now := s.Now()
		var waiting []CaptureTask
		if err := tx.Where("finished_at IS NULL AND (started_at IS NULL OR started_at < ?)", now.Add(-staleTask)).
			Order("id").Limit(1).Find(&waiting).Error; err != nil {
			return err
		}
		if len(waiting) == 0 {
			return nil
		}
		t := waiting[0]
		res := tx.Model(&CaptureTask{}).Where("id = ? AND finished_at IS NULL AND (started_at IS NULL OR started_at < ?)",
			t.ID, now.Add(-staleTask)).Update("started_at", now)
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		t.StartedAt = &now
		taken = &t
		return nil
	})
	if err != nil {
		return nil, err
	}
	if taken == nil {
		return nil, ErrNotFound
	}
	return taken, nil
}

// releaseTask puts a started task back in the queue, for a worker stopping
// in the middle of it.
func (s *Store) releaseTask(t *CaptureTask) error {
	return s.write(context.Background(), func(tx *gorm.DB) error {
		return tx.Model(&CaptureTask{}).Where("id = ? AND finished_at IS NULL", t.ID).Update("started_at", nil).Error
	})
}

// finishTask records the outcome of a check or archive task.
func (s *Store) finishTask(ctx context.Context, t *CaptureTask) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return tx.Model(&CaptureTask{}).Where("id = ?", t.ID).Updates(map[string]any{
			"finished_at": s.Now(), "capture_id": t.CaptureID, "result_sha256": t.ResultSHA256,
			"result_url": t.ResultURL, "error": t.Error}).Error
	})
}

// EvidenceTaskState is what the claim page says about an evidence item's
// queue: whether a capture or check is waiting, and the last finished check.
type EvidenceTaskState struct {
	CapturePending bool
	CheckPending   bool
	LastCheck      *CaptureTask
}

// CaptureTaskStates reads the queue state of several evidence items at once.
func (s *Store) CaptureTaskStates(ctx context.Context, evidenceIDs []int64) (map[int64]*EvidenceTaskState, error) {
	out := map[int64]*EvidenceTaskState{}
	if len(evidenceIDs) == 0 {
		return out, nil
	}
	var tasks []CaptureTask
	// The open tasks, and the newest finished check of each item.
	err := s.read(ctx).Raw(`SELECT * FROM capture_tasks t WHERE t.evidence_id IN ? AND (t.finished_at IS NULL
		OR t.id = (SELECT MAX(id) FROM capture_tasks l WHERE l.evidence_id = t.evidence_id AND l.kind = 'check' AND l.finished_at IS NOT NULL))
		ORDER BY t.id`, evidenceIDs).Scan(&tasks).Error
	if err != nil {
		return nil, err
	}
	for i := range tasks {
		t := &tasks[i]
		st := out[t.EvidenceID]
		if st == nil {
			st = &EvidenceTaskState{}
			out[t.EvidenceID] = st
		}
		switch {
		case t.FinishedAt != nil:
			st.LastCheck = t
		case t.Kind == TaskCapture:
			st.CapturePending = true
		case t.Kind == TaskCheck:
			st.CheckPending = true
		}
	}
	return out, nil
}

// CaptureTaskItem loads one task, for callers waiting on its outcome.
func (s *Store) CaptureTaskItem(ctx context.Context, id int64) (*CaptureTask, error) {
	var t CaptureTask
	if err := s.read(ctx).First(&t, id).Error; err != nil {
		return nil, err
	}
	return &t, nil
}

// errNoTask tells a worker the queue is empty.
func isNoTask(err error) bool { return errors.Is(err, ErrNotFound) }

// startTask marks a task the caller runs itself as started.
func (s *Store) startTask(ctx context.Context, t *CaptureTask) error {
	now := s.Now()
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&CaptureTask{}).Where("id = ? AND started_at IS NULL AND finished_at IS NULL", t.ID).Update("started_at", now)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return invalid("id", "a capture of this evidence is already running")
		}
		t.StartedAt = &now
		return nil
	})
}
