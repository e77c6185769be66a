package cli

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"

	"claimdesk/models"
	"claimdesk/models/capture"
	"claimdesk/models/outbound"
)

// capturePool builds the capture pool from the environment: the guarded
// outbound client's limits (see outbound.ConfigFromEnv),
// CLAIMDESK_CAPTURE_WORKERS and the optional Save Page Now settings.
func capturePool(env Env, st *models.Store, set models.CaptureSettings) (*models.CapturePool, error) {
	ocfg, err := outbound.ConfigFromEnv(env.Getenv)
	if err != nil {
		return nil, err
	}
	if v := env.Getenv("CLAIMDESK_CAPTURE_WORKERS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 64 {
			return nil, fmt.Errorf("CLAIMDESK_CAPTURE_WORKERS=%q: want 1 to 64", v)
		}
		set.Workers = n
	}
	client := outbound.New(ocfg)
	if set.Archive, err = savePageNow(env, client); err != nil {
		return nil, err
	}
	return st.NewCapturePool(client, set), nil
}

// runCapture captures evidence pages now, from the command line: one item
// (--evidence ID) or every link evidence of a story that has no good capture
// yet (--story ID --missing), a few at a time, with progress on a terminal.
func runCapture(args []string, env Env) error {
	fs := newFlags("capture", env)
	db := dbFlag(fs, env)
	evidence := fs.Int64("evidence", 0, "ID of the evidence item to capture")
	story := fs.Int64("story", 0, "ID of the story whose evidence to capture (with --missing)")
	missing := fs.Bool("missing", false, "with --story: only evidence without a good capture yet")
	as := fs.String("as", "", "email of the user the captures are recorded as (default: the first admin)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if (*evidence == 0) == (*story == 0) || (*story != 0 && !*missing) {
		return usageError{"usage: claimdesk capture --evidence ID | --story ID --missing"}
	}
	st, err := openStore(db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	actor, err := importActor(env, st, *as)
	if err != nil {
		return err
	}
	pool, err := capturePool(env, st, models.CaptureSettings{})
	if err != nil {
		return err
	}
	ids := []int64{*evidence}
	if *story != 0 {
		if ids, err = st.StoryEvidenceWithoutCapture(env.Ctx, *story); err != nil {
			if models.IsNotFound(err) {
				return usageError{fmt.Sprintf("no story has the ID %d", *story)}
			}
			return err
		}
	}
	return captureAll(env, pool, actor, ids)
}

// captureAll captures ids with the pool's number of workers, printing one
// line per capture and a live count on a terminal.
func captureAll(env Env, pool *models.CapturePool, actor *models.User, ids []int64) error {
	var done, failed atomic.Int64
	stop := progress(env, func() string {
		return fmt.Sprintf("captured %d of %d (%d failed)", done.Load(), len(ids), failed.Load())
	})
	var mu sync.Mutex
	var firstErr error
	jobs := make(chan int64)
	var wg sync.WaitGroup
	for range min(pool.Workers(), max(len(ids), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				line, err := captureOne(env.Ctx, pool, actor, id)
				mu.Lock()
				if err != nil {
					failed.Add(1)
					if firstErr == nil {
						firstErr = err
					}
					fmt.Fprintf(env.Stderr, "\r\033[Kevidence %d: %v\n", id, err)
				} else {
					if line[0] == 'f' {
						failed.Add(1)
					}
					fmt.Fprintf(env.Stdout, "evidence %d: %s\n", id, line)
				}
				done.Add(1)
				mu.Unlock()
			}
		}()
	}
	for _, id := range ids {
		if env.Ctx.Err() != nil {
			break
		}
		jobs <- id
	}
	close(jobs)
	wg.Wait()
	stop()
	fmt.Fprintf(env.Stderr, "%d captured, %d failed, of %d\n", done.Load()-failed.Load(), failed.Load(), len(ids))
	if firstErr != nil {
		return firstErr
	}
	if failed.Load() > 0 {
		return fmt.Errorf("%d of %d captures failed (recorded with their reasons)", failed.Load(), len(ids))
	}
	return nil
}

// captureOne captures one item and describes the outcome in a line that
// starts with "ok" or "failed".
func captureOne(ctx context.Context, pool *models.CapturePool, actor *models.User, id int64) (string, error) {
	c, err := pool.Capture(ctx, actor, id)
	if err != nil {
		if models.IsNotFound(err) {
			return "", fmt.Errorf("no evidence has the ID %d", id)
		}
		return "", err
	}
	if c.Status != models.CaptureOK {
		return fmt.Sprintf("failed (%s): %s", c.URL, c.Error), nil
	}
	return fmt.Sprintf("ok %s %d bytes sha256:%s (capture %d)", c.URL, c.Size, c.SHA256, c.ID), nil
}

// savePageNow reads the optional Save Page Now settings: off unless
// CLAIMDESK_SAVE_PAGE_NOW=on, which needs CLAIMDESK_SPN_ACCESS_KEY and
// CLAIMDESK_SPN_SECRET; CLAIMDESK_SPN_ENDPOINT replaces the archive's address.
func savePageNow(env Env, client *outbound.Client) (models.Archiver, error) {
	switch v := env.Getenv("CLAIMDESK_SAVE_PAGE_NOW"); v {
	case "", "off":
		return nil, nil
	case "on":
	default:
		return nil, fmt.Errorf("CLAIMDESK_SAVE_PAGE_NOW=%q: want on or off", v)
	}
	key, secret := env.Getenv("CLAIMDESK_SPN_ACCESS_KEY"), env.Getenv("CLAIMDESK_SPN_SECRET")
	if key == "" || secret == "" {
		return nil, fmt.Errorf("CLAIMDESK_SAVE_PAGE_NOW=on needs CLAIMDESK_SPN_ACCESS_KEY and CLAIMDESK_SPN_SECRET (the archive account's API keys)")
	}
	endpoint := env.Getenv("CLAIMDESK_SPN_ENDPOINT")
	if endpoint == "" {
		endpoint = "https://web.archive.org"
	}
	return &capture.SavePageNow{Endpoint: endpoint, AccessKey: key, Secret: secret, Client: client}, nil
}
