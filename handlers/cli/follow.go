package cli

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"

	"claimdesk/models"
	"claimdesk/models/outbound"
)

// pageFetcher fetches followed pages through the guarded outbound client,
// configured from the environment (CLAIMDESK_FETCH_*, proxies).
func pageFetcher(env Env) (models.PageFetcher, error) {
	cfg, err := outbound.ConfigFromEnv(env.Getenv)
	if err != nil {
		return nil, err
	}
	return models.NewPageFetcher(outbound.New(cfg)), nil
}

// startFollower runs the scheduler of followed blogs beside the web server;
// the function it returns stops it and waits for checks in flight.
func startFollower(st *models.Store, env Env, logger *slog.Logger) (func(), error) {
	fetch, err := pageFetcher(env)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.WithoutCancel(env.Ctx))
	f := models.NewFollower(st, models.FollowerConfig{Fetcher: fetch, Logger: logger})
	done := make(chan struct{})
	go func() {
		defer close(done)
		f.Run(ctx)
	}()
	return func() {
		cancel()
		<-done
	}, nil
}

// runFollow starts following a live blog for a story from the command line;
// with --once it checks the page at once and prints what it found, for a
// cron job on a desk that runs no server.
func runFollow(args []string, env Env) error {
	fs := newFlags("follow", env)
	db := dbFlag(fs, env)
	story := fs.Int64("story", 0, "id of the story the blog belongs to")
	every := fs.Int64("every", 0, "seconds between checks when a server follows it (default 60)")
	once := fs.Bool("once", false, "check the page now and print what was found")
	as := fs.String("as", "", "email of the user the follow is recorded as (default: the first admin)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *story <= 0 {
		return usageError{"usage: claimdesk follow --story ID URL [--once]"}
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
	floor := durationEnv(env, "CLAIMDESK_FOLLOW_MIN_INTERVAL", 30e9)
	fl, err := st.StartFollow(env.Ctx, actor, *story, models.FollowInput{URL: fs.Arg(0), EverySeconds: *every, Floor: floor})
	if models.IsNotFound(err) {
		return usageError{"no story has the id " + strconv.FormatInt(*story, 10)}
	}
	if err != nil {
		return err
	}
	if !*once {
		fmt.Fprintf(env.Stdout, "story %d follows %s; a running server checks it every %d s\n", *story, fl.URL, fl.EverySeconds)
		return nil
	}
	fetch, err := pageFetcher(env)
	if err != nil {
		return err
	}
	res, err := st.CheckFollow(env.Ctx, *story, fetch, "claimdesk follow --once", true)
	if err != nil {
		return err
	}
	switch {
	case res.NotModified:
		fmt.Fprintf(env.Stdout, "%s: not modified since the last check\n", fl.URL)
	case res.Unchanged:
		fmt.Fprintf(env.Stdout, "%s: no new or changed entries\n", fl.URL)
	default:
		fmt.Fprintf(env.Stdout, "%s: %d new entries, %d changed, %d candidates in the inbox of story %d (read as %s)\n",
			fl.URL, res.EntriesNew, res.EntriesUpdated, len(res.CandidateIDs), *story, res.Format)
	}
	return nil
}
