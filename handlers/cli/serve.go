package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"claimdesk/handlers"
	"claimdesk/models"
)

// runServe runs the web app and API until the context is cancelled, then stops
// accepting, lets requests in flight finish (up to a deadline) and closes the
// database cleanly.
func runServe(args []string, env Env) error {
	fs := newFlags("serve", env)
	db := dbFlag(fs, env)
	defAddr := env.Getenv("CLAIMDESK_ADDR")
	if defAddr == "" {
		defAddr = ":8080"
	}
	addr := fs.String("addr", defAddr, "address to listen on (env CLAIMDESK_ADDR)")
	if err := parse(fs, args); err != nil {
		return err
	}
	tuneGC(env.Getenv)
	stopProfiling, err := startProfiling(env.Getenv("CLAIMDESK_PPROF"))
	if err != nil {
		return err
	}
	defer stopProfiling()
	st, err := openStore(db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	proxies, err := handlers.ParseTrustedProxies(env.Getenv("CLAIMDESK_TRUSTED_PROXIES"))
	if err != nil {
		return err
	}
	base := env.Getenv("CLAIMDESK_BASE_URL")
	if base == "" {
		base = baseURLOf(*addr)
	}
	logger := slog.New(slog.NewTextHandler(env.Stderr, nil))
	pool, err := capturePool(env, st, models.CaptureSettings{Logger: logger})
	if err != nil {
		return err
	}
	public, err := onOff(env, "CLAIMDESK_PUBLIC")
	if err != nil {
		return err
	}
	e, err := handlers.New(st, handlers.Config{Logger: logger, MaxBodyBytes: megabytesEnv(env, "CLAIMDESK_MAX_BODY_MB"), BaseURL: base, Newsroom: env.Getenv("CLAIMDESK_NEWSROOM"), TrustedProxies: proxies,
		Public: public, FollowFloor: durationEnv(env, "CLAIMDESK_FOLLOW_MIN_INTERVAL", 0), Captures: pool})
	if err != nil {
		return err
	}
	sender, err := webhookSender(env, logger)
	if err != nil {
		return err
	}
	// Stopped after the server and before the database closes (defers run
	// in reverse), so attempts in flight are recorded.
	wctx, stopWebhooks := context.WithCancel(context.Background())
	waitWebhooks := runWebhooks(wctx, st, sender)
	defer func() { stopWebhooks(); waitWebhooks() }()
	stopFollowing, err := startFollower(st, env, logger)
	if err != nil {
		return err
	}
	defer stopFollowing()
	poolCtx, stopPool := context.WithCancel(context.Background())
	poolDone := make(chan struct{})
	go func() { pool.Run(poolCtx); close(poolDone) }()
	// Stop the captures before the database closes; a capture cut short
	// goes back in the queue for the next start.
	defer func() { stopPool(); <-poolDone }()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           e,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      10 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
	}
	srv.RegisterOnShutdown(st.EndStreams)
	fmt.Fprintf(env.Stderr, "Claimdesk is serving on http://%s (database %s)\n", displayAddr(ln.Addr()), db)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	case <-env.Ctx.Done():
	}
	fmt.Fprintln(env.Stderr, "Claimdesk is shutting down: finishing requests in flight")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}

// baseURLOf is the base of export links when CLAIMDESK_BASE_URL is not set:
// the address served, with localhost for "all interfaces".
func baseURLOf(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return handlers.DefaultBaseURL
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

func displayAddr(a net.Addr) string {
	ta, ok := a.(*net.TCPAddr)
	if ok && ta.IP.IsUnspecified() {
		return fmt.Sprintf("localhost:%d", ta.Port)
	}
	return a.String()
}
