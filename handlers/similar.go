package handlers

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// similarClaims answers the claims most like one claim, across all stories,
// best first: GET /api/v1/claims/:id/similar?limit=N.
func (h *Handler) similarClaims(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	limit := 0
	if l := c.QueryParam("limit"); l != "" {
		if limit, err = strconv.Atoi(l); err != nil || limit < 1 || limit > models.MaxSimilarLimit {
			return &models.ValidationError{Fields: map[string]string{"limit": "must be between 1 and " + strconv.Itoa(models.MaxSimilarLimit)}}
		}
	}
	list, err := h.store.SimilarClaims(c.Request().Context(), id, limit)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"similar": list})
}

// duplicateAnswer turns a claim refused as a probable duplicate into the
// API's answer: 422 with the question under "text" and the matches.
func duplicateAnswer(c echo.Context, err error) (bool, error) {
	var de *models.DuplicateError
	if !errors.As(err, &de) {
		return false, err
	}
	return true, c.JSON(http.StatusUnprocessableEntity, map[string]any{
		"errors":  map[string]string{"text": de.Message() + ` Send "not_duplicate": true to add it anyway.`},
		"matches": de.Matches,
	})
}

// duplicateQuestion turns a claim refused as a probable duplicate into the
// story form's question: the message under the claim's text, and the
// closest claim's number, which asks "same as #123?" with a box to add it
// anyway (views/partials/similar.html).
func duplicateQuestion(err error) error {
	var de *models.DuplicateError
	if !errors.As(err, &de) {
		return err
	}
	return &models.ValidationError{Fields: map[string]string{
		"text":          de.Message(),
		"not_duplicate": strconv.FormatInt(de.Matches[0].ClaimID, 10),
	}}
}

// importLinkFromForm reads an import row's link choice, "duplicate_of:123"
// (see the "import-matches" partial): the new claim is linked to that claim
// as it is imported. Anything else links nothing; the import checks the kind.
func importLinkFromForm(v string) (int64, string) {
	kind, id, ok := strings.Cut(strings.TrimSpace(v), ":")
	if !ok {
		return 0, ""
	}
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n <= 0 {
		return 0, ""
	}
	return n, kind
}
