package models

import (
	"context"
	"fmt"
	"testing"
	"time"

	"claimdesk/models/livepage/pagetest"
)

// followBench is a story following a 500-entry blog of about 2 MB, read
// once already.
func followBench(b *testing.B, validators bool) (*fixture, PageFetcher) {
	f := newFixture(b)
	entries := make([]pagetest.Entry, 500)
	for i := range entries {
		n := 500 - i
		var ps []string
		for p := 0; p < 8; p++ {
			ps = append(ps, fmt.Sprintf("The mayor of Town%d, Person%d Name%d, said on Telegram that %d homes in district %d had been flooded overnight and that rescue crews were still working in the streets near the river, which could not be independently verified.", n, n, p, n*3+p, p))
		}
		entries[i] = pagetest.Entry{ID: fmt.Sprintf("e%d", n), Time: fmt.Sprintf("%d:%02d", 6+n/60%18, n%60), Headline: fmt.Sprintf("Update %d", n), Paragraphs: ps}
	}
	srv := pagetest.New(entries...)
	b.Cleanup(srv.Close)
	if !validators {
		srv.NoValidators()
	}
	fetch := testFetcher()
	ctx := context.Background()
	if _, err := f.s.StartFollow(ctx, f.fc, f.story.ID, FollowInput{URL: srv.Page(), Floor: time.Second}); err != nil {
		b.Fatal(err)
	}
	if _, err := f.s.CheckFollow(ctx, f.story.ID, fetch, "bench", true); err != nil {
		b.Fatal(err)
	}
	return f, fetch
}

// BenchmarkFollowAtRest is one check of a followed blog that did not
// change: the cost a server pays per followed blog per interval at rest.
// "etag" is a site that answers 304; "no-validators" one that sends the
// whole 2 MB page again.
func BenchmarkFollowAtRest(b *testing.B) {
	for _, v := range []struct {
		name       string
		validators bool
	}{{"etag", true}, {"no-validators", false}} {
		b.Run(v.name, func(b *testing.B) {
			f, fetch := followBench(b, v.validators)
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				res, err := f.s.CheckFollow(ctx, f.story.ID, fetch, "bench", true)
				if err != nil || !(res.NotModified || res.Unchanged) {
					b.Fatalf("%+v %v", res, err)
				}
			}
		})
	}
}
