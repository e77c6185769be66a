package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// storyRequest is the JSON body for creating or updating a story.
type storyRequest struct {
	Title    *string `json:"title" validate:"omitempty,max=500"`
	URL      *string `json:"url" validate:"omitempty,max=2000"`
	Language *string `json:"language" validate:"omitempty,max=35"`
	Date     *string `json:"date" validate:"omitempty,max=10"`
	TimeZone *string `json:"time_zone" validate:"omitempty,max=64"`
	Version  int64   `json:"version"`
}

func (r storyRequest) input() models.StoryInput {
	return models.StoryInput{Title: r.Title, URL: r.URL, Language: r.Language, Date: r.Date, TimeZone: r.TimeZone}
}

func (h *Handler) listStories(c echo.Context) error {
	stories, err := h.store.Stories(c.Request().Context(), c.QueryParam("archived") == "1", 0)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"stories": stories})
}

func (h *Handler) createStory(c echo.Context) error {
	var req storyRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	st, err := h.store.CreateStory(c.Request().Context(), currentUser(c), req.input())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, st)
}

func (h *Handler) showStory(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	st, err := h.store.Story(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, st)
}

func (h *Handler) updateStory(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req storyRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	if req.Version <= 0 {
		return &models.ValidationError{Fields: map[string]string{"version": "is required: the version the change is based on"}}
	}
	st, err := h.store.UpdateStory(c.Request().Context(), id, req.Version, req.input())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, st)
}

type archiveRequest struct {
	Archived *bool `json:"archived"`
}

func (h *Handler) archiveStory(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req archiveRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	archived := true
	if req.Archived != nil {
		archived = *req.Archived
	}
	st, err := h.store.SetStoryArchived(c.Request().Context(), id, archived)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, st)
}

// entryRequest is one live-blog entry added by hand.
type entryRequest struct {
	Time     string `json:"time" validate:"max=100"`
	Headline string `json:"headline" validate:"max=500"`
	Body     string `json:"body" validate:"max=200000"`
	Position int    `json:"position"`
}

func (h *Handler) listEntries(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := h.store.Story(c.Request().Context(), id); err != nil {
		return err
	}
	es, err := h.store.Entries(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"entries": es})
}

func (h *Handler) createEntry(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req entryRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	e, err := h.store.CreateEntry(c.Request().Context(), id, models.EntryInput{TimeText: req.Time, Headline: req.Headline, Body: req.Body, Position: req.Position})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, e)
}
