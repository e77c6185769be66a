package cli

import (
	"fmt"
	"strconv"
	"sync/atomic"
	"time"

	"claimdesk/models"
)

// runSeed fills a database with a realistic generated desk, for demos and benchmarks.
func runSeed(args []string, env Env) error {
	fs := newFlags("seed", env)
	db := dbFlag(fs, env)
	claims := fs.Int("claims", 10000, "number of claims to generate")
	seed := fs.Uint64("seed", 1, "random seed (the same seed gives the same data)")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	var done atomic.Int64
	start := time.Now()
	stop := progress(env, func() string {
		d := done.Load()
		return fmt.Sprintf("seeding %s: %s of %s claims (%.0f/s)", db, strconv.FormatInt(d, 10), strconv.Itoa(*claims), float64(d)/time.Since(start).Seconds())
	})
	err = st.Seed(env.Ctx, models.SeedOptions{Claims: *claims, Seed: *seed, Progress: func(n int) { done.Store(int64(n)) }})
	stop()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "seeded %d claims into %s in %.1fs\n", *claims, db, time.Since(start).Seconds())
	return nil
}
