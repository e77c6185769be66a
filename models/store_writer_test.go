package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm"
)

// Writes that share a commit stay independent: a failing or panicking write
// is rolled back alone, and every write that reported success is stored.
func TestGroupCommitIsolatesWrites(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := map[string]bool{}
	for i := 0; i < 60; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			text := fmt.Sprintf("claim %d", i)
			var err error
			switch i % 3 {
			case 0:
				_, err = f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: &text})
			case 1:
				// Writes half, then fails: the half must not survive.
				err = f.s.write(ctx, func(tx *gorm.DB) error {
					if _, err := createClaimTx(tx, f.fc, ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: &text}, f.s.Now(), ActCreated); err != nil {
						return err
					}
					return errors.New("second half failed")
				})
			case 2:
				err = f.s.write(ctx, func(tx *gorm.DB) error {
					if _, err := createClaimTx(tx, f.fc, ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: &text}, f.s.Now(), ActCreated); err != nil {
						return err
					}
					panic("a bug in a write")
				})
			}
			mu.Lock()
			ok[text] = err == nil
			mu.Unlock()
			if i%3 != 0 && err == nil {
				t.Errorf("write %d should have failed", i)
			}
			if i%3 == 2 && err != nil && !strings.Contains(err.Error(), "a bug in a write") {
				t.Errorf("panic reported as %v", err)
			}
		}(i)
	}
	wg.Wait()
	page, err := f.s.Claims(ctx, ClaimFilter{PerPage: 200})
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]bool{}
	for _, c := range page.Claims {
		stored[c.Text] = true
	}
	for text, acked := range ok {
		if acked != stored[text] {
			t.Errorf("%s: acknowledged %v, stored %v", text, acked, stored[text])
		}
	}
	if page.Total != 20 {
		t.Fatalf("%d claims stored, want the 20 good ones", page.Total)
	}
	var acts int64
	f.s.r.Table("activities").Count(&acts)
	if acts != 20 {
		t.Fatalf("%d activity rows, want 20", acts)
	}
	// The writer survives and a write after Close is refused cleanly.
	f.claim(t, "after the storm")
	f.s.Close()
	if _, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: ptr("too late")}); !errors.Is(err, ErrClosed) {
		t.Fatalf("write after close: %v", err)
	}
}
