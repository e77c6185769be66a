package models

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"claimdesk/models/capture"
)

// Defaults of the capture pool, documented in the README.
const (
	DefaultCaptureWorkers = 2
	DefaultCapturePoll    = 2 * time.Second
)

// CaptureSettings configures the capture pool.
type CaptureSettings struct {
	// Workers is how many captures run at once; each holds at most one
	// body (bounded by the outbound size limit) in memory.
	Workers int
	// Poll is how often idle workers look for tasks queued by another
	// process (the command line, a second server); Wake covers this one.
	Poll time.Duration
	// Archive, when set, also asks Save Page Now for a public copy of each
	// good capture.
	Archive Archiver
	// Logger receives task errors that no user sees; nil means slog.Default().
	Logger *slog.Logger
}

// Archiver keeps a public copy of a page and returns its address
// (*capture.SavePageNow).
type Archiver interface {
	Save(ctx context.Context, url string) (string, error)
}

// CapturePool runs capture tasks in a fixed number of workers, away from
// any request: a slow or huge page only ever occupies one worker.
type CapturePool struct {
	s      *Store
	client capture.Doer
	set    CaptureSettings
	wake   chan struct{}
	log    *slog.Logger
}

// NewCapturePool builds the pool; client is the guarded outbound client.
func (s *Store) NewCapturePool(client capture.Doer, set CaptureSettings) *CapturePool {
	if set.Workers <= 0 {
		set.Workers = DefaultCaptureWorkers
	}
	if set.Poll <= 0 {
		set.Poll = DefaultCapturePoll
	}
	log := set.Logger
	if log == nil {
		log = slog.Default()
	}
	return &CapturePool{s: s, client: client, set: set, wake: make(chan struct{}, 1), log: log}
}

// Workers is the number of captures the pool runs at once.
func (p *CapturePool) Workers() int { return p.set.Workers }

// Wake tells an idle worker that a task was queued; it never blocks.
func (p *CapturePool) Wake() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// Run works through the queue until ctx is cancelled, then waits for the
// workers to stop. A task cut short by the stop goes back in the queue.
func (p *CapturePool) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for range p.set.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.work(ctx)
		}()
	}
	wg.Wait()
}

// work is one worker's loop.
func (p *CapturePool) work(ctx context.Context) {
	tick := time.NewTicker(p.set.Poll)
	defer tick.Stop()
	for ctx.Err() == nil {
		t, err := p.s.takeTask(ctx)
		if err == nil {
			if err := p.run(ctx, t); err != nil && ctx.Err() == nil {
				p.log.Error("capture task", "task", t.ID, "kind", t.Kind, "err", err)
			}
			// Another task may wait: let a second worker look too.
			p.Wake()
			continue
		}
		if !isNoTask(err) && ctx.Err() == nil {
			p.log.Error("take capture task", "err", err)
		}
		select {
		case <-ctx.Done():
		case <-p.wake:
		case <-tick.C:
		}
	}
}

// Capture captures an evidence link now, in the caller's goroutine (the
// command line), recorded exactly as a queued capture would be.
func (p *CapturePool) Capture(ctx context.Context, actor *User, evidenceID int64) (*Capture, error) {
	t, err := p.s.RequestCapture(ctx, actor, evidenceID, TaskCapture)
	if err != nil {
		return nil, err
	}
	if err := p.s.startTask(ctx, t); err != nil {
		return nil, err
	}
	if err := p.run(ctx, t); err != nil {
		return nil, err
	}
	done, err := p.s.CaptureTaskItem(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	if done.CaptureID == nil {
		return nil, fmt.Errorf("capture of evidence %d did not finish", evidenceID)
	}
	return p.s.CaptureItem(ctx, *done.CaptureID)
}

// run carries out one task. If ctx ends first, the task is released for a
// later run instead of being recorded as a failure Claimdesk caused.
func (p *CapturePool) run(ctx context.Context, t *CaptureTask) error {
	ev, err := p.s.EvidenceItem(ctx, t.EvidenceID)
	if err != nil {
		return err
	}
	switch t.Kind {
	case TaskCapture:
		r := capture.Fetch(ctx, p.client, ev.URL, p.s.Now())
		if ctx.Err() != nil {
			return errors.Join(ctx.Err(), p.s.releaseTask(t))
		}
		c, err := p.s.saveCapture(ctx, t, ev, r)
		if err != nil {
			return err
		}
		if p.set.Archive != nil && c.Status == CaptureOK {
			if _, err := p.s.queueTask(ctx, &CaptureTask{Kind: TaskArchive, EvidenceID: ev.ID, CaptureID: &c.ID, RequestedByID: t.RequestedByID}); err != nil {
				return err
			}
		}
		return nil
	case TaskCheck:
		return p.check(ctx, t, ev)
	case TaskArchive:
		if p.set.Archive == nil {
			t.Error = "Save Page Now is not enabled"
			return p.s.finishTask(ctx, t)
		}
		u, err := p.set.Archive.Save(ctx, ev.URL)
		if ctx.Err() != nil {
			return errors.Join(ctx.Err(), p.s.releaseTask(t))
		}
		t.ResultURL = u
		if err != nil {
			t.Error = err.Error()
		}
		return p.s.finishTask(ctx, t)
	}
	return fmt.Errorf("unknown capture task kind %q", t.Kind)
}

// check fetches the live page and records its hash beside the last good
// capture's, so the claim page can warn that the page changed.
func (p *CapturePool) check(ctx context.Context, t *CaptureTask, ev *Evidence) error {
	var last []Capture
	if err := p.s.read(ctx).Raw(`SELECT id, COALESCE(sha256, '') AS sha256 FROM captures WHERE evidence_id = ? AND status = ?
		ORDER BY id DESC LIMIT 1`, ev.ID, CaptureOK).Scan(&last).Error; err != nil {
		return err
	}
	r := capture.Fetch(ctx, p.client, ev.URL, p.s.Now())
	if ctx.Err() != nil {
		return errors.Join(ctx.Err(), p.s.releaseTask(t))
	}
	if len(last) > 0 {
		t.CaptureID = &last[0].ID
	}
	t.ResultSHA256 = r.SHA256
	if !r.OK() {
		t.Error = r.Err
	}
	return p.s.finishTask(ctx, t)
}
