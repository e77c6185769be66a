package models

import (
	"context"
	"errors"
	"sync"
	"testing"
)

// Of several people taking the same claim at once, exactly one gets it; the
// others are told who did, and the claim has one assignment in its log.
func TestTakeHasOneWinner(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.claim(t, "A claim everyone wants.")
	takers := []*User{f.fc, f.editor, f.editor2, f.admin}
	var wg sync.WaitGroup
	won := make([]bool, len(takers))
	errs := make([]error, len(takers))
	for i, u := range takers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := f.s.Take(ctx, u, c.ID)
			errs[i] = err
			won[i] = err == nil && got.AssigneeID != nil && *got.AssigneeID == u.ID
		}()
	}
	wg.Wait()
	winners := 0
	var winner *User
	for i, w := range won {
		if w {
			winners++
			winner = takers[i]
			continue
		}
		var te *TakenError
		if !errors.As(errs[i], &te) {
			t.Fatalf("loser %s got %v, want a TakenError", takers[i].Name, errs[i])
		}
	}
	if winners != 1 {
		t.Fatalf("%d winners", winners)
	}
	for i, err := range errs {
		var te *TakenError
		if errors.As(err, &te) && te.Error() != winner.Name+" has already taken this claim" {
			t.Errorf("%s was told %q", takers[i].Name, te.Error())
		}
	}
	acts, err := f.s.ClaimActivity(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	assigned := 0
	for _, a := range acts {
		if a.Action == ActAssigned {
			assigned++
		}
	}
	if assigned != 1 {
		t.Fatalf("%d assignments logged", assigned)
	}
	again, err := f.s.Take(ctx, winner, c.ID)
	if err != nil || again.Version != c.Version+1 {
		t.Fatalf("taking one's own claim again: %v, version %d", err, again.Version)
	}
	if _, err := f.s.Take(ctx, f.viewer, c.ID); err == nil {
		t.Fatal("a viewer took a claim")
	}
	if _, err := f.s.Take(ctx, f.fc, 999999); !IsNotFound(err) {
		t.Fatalf("missing claim: %v", err)
	}
}
