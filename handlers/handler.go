// Package handlers is Claimdesk's HTTP layer: it binds and validates requests,
// calls the models and renders pages or writes JSON. Business rules live in
// models; nothing here writes SQL.
package handlers

import (
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"

	"claimdesk/models"
	"claimdesk/static"
	"claimdesk/views"
)

// Config holds what the HTTP layer needs beyond the store.
type Config struct {
	// MaxBodyBytes bounds a JSON or form body.
	MaxBodyBytes int64
	// BaseURL is where Claimdesk is reached, for links in exports
	// (CLAIMDESK_BASE_URL, else the listening address; DefaultBaseURL when
	// empty). Never taken from a request's Host header, which its sender
	// chooses: an export would otherwise link to any site it names.
	BaseURL string
	// Newsroom names the publisher in ClaimReview exports.
	Newsroom string
	// Logger receives request errors; nil means slog.Default().
	Logger *slog.Logger
	// Captures is the pool that captures evidence pages; requests queue
	// tasks and wake it. Nil leaves tasks queued for a pool elsewhere.
	Captures *models.CapturePool
	// FollowFloor is the shortest interval a live blog may be followed at
	// (DefaultFollowFloor when zero; tests set less).
	FollowFloor time.Duration
	// TrustedProxies are the only peers whose X-Forwarded-For, X-Real-IP and
	// X-Forwarded-Proto are believed (CLAIMDESK_TRUSTED_PROXIES); nil means
	// the connection's own address and scheme count.
	TrustedProxies []*net.IPNet
	// ImportsAtOnce bounds the live-blog previews and imports running at
	// once (DefaultImportsAtOnce when zero).
	ImportsAtOnce int
	// BodyGrace and BodyMinRate bound how slowly a request body may arrive
	// (see slowBodyGuard); DefaultBodyGrace and DefaultBodyMinRate when zero.
	BodyGrace   time.Duration
	BodyMinRate int64
	// Live holds the event stream's timings (see events.go).
	Live LiveConfig
	// Public turns on the public pages under /public/ (CLAIMDESK_PUBLIC=on).
	Public bool
}

// DefaultFollowFloor keeps a followed blog from being fetched more often
// than twice a minute.
const DefaultFollowFloor = 30 * time.Second

// DefaultBaseURL is the base of export links when Config.BaseURL is empty:
// the address Claimdesk listens on by default.
const DefaultBaseURL = "http://localhost:8080"

// DefaultMaxBodyBytes bounds JSON and form bodies when Config leaves it zero.
const DefaultMaxBodyBytes = 2 << 20

// Handler carries the dependencies of every route: built once in main (or in a
// test) and never global.
type Handler struct {
	store    *models.Store
	validate *validator.Validate
	cfg      Config
	log      *slog.Logger
	// pages are the web desk's templates, one set per page, parsed once in New.
	pages pages
	// imports holds a token per preview or import running (see importSlot).
	imports chan struct{}
	// pageBuffers are the buffers pages render into (see render).
	pageBuffers bufferPool
}

// New builds the echo app with every route, the error handler and the validator.
func New(store *models.Store, cfg Config) (*echo.Echo, error) {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.FollowFloor <= 0 {
		cfg.FollowFloor = DefaultFollowFloor
	}
	if cfg.BodyGrace <= 0 {
		cfg.BodyGrace = DefaultBodyGrace
	}
	if cfg.BodyMinRate <= 0 {
		cfg.BodyMinRate = DefaultBodyMinRate
	}
	if cfg.ImportsAtOnce <= 0 {
		cfg.ImportsAtOnce = DefaultImportsAtOnce
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	if cfg.Newsroom == "" {
		cfg.Newsroom = "Claimdesk newsroom"
	}
	ver, err := assetVersion(static.FS)
	if err != nil {
		return nil, err
	}
	pg, err := loadPages(views.FS, ver)
	if err != nil {
		return nil, err
	}
	if err := loadPublicPages(pg, views.FS, ver); err != nil {
		return nil, err
	}
	h := &Handler{store: store, validate: newValidator(), cfg: cfg, log: cfg.Logger, pages: pg, imports: make(chan struct{}, cfg.ImportsAtOnce)}
	if h.log == nil {
		h.log = slog.Default()
	}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = h.handleError
	trustProxies(e, cfg.TrustedProxies)
	if err := h.routes(e); err != nil {
		return nil, err
	}
	return e, nil
}

// idParam reads a numeric path parameter; anything else is a 404, since no
// such row can exist.
func idParam(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, echo.NewHTTPError(http.StatusNotFound, "not found")
	}
	return id, nil
}
