package handlers

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// appendClaimPage appends page's JSON to b: the same bytes as c.JSON would
// write.
func appendClaimPage(b []byte, page *models.ClaimPage) ([]byte, error) {
	if body, ok := page.AppendJSON(b); ok {
		return body, nil
	}
	buf := bytes.NewBuffer(b)
	if err := json.NewEncoder(buf).Encode(page); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sendJSONBody sends a JSON answer whose bytes are at hand: its length
// known, it goes out in one piece rather than in chunks.
func sendJSONBody(c echo.Context, body []byte) error {
	c.Response().Header().Set(echo.HeaderContentLength, strconv.Itoa(len(body)))
	return c.JSONBlob(http.StatusOK, body)
}

// sendComputedClaimPage answers a list request when the store keeps no
// answers (CLAIMDESK_REUSE=off, PostgreSQL): the page's JSON is written
// into a pooled buffer, sent, and the buffer kept for a later answer. A page
// of fifty claims is some 70 KB, and a fresh buffer for every answer was a
// quarter of the bytes it allocated, cleared before use.
func (h *Handler) sendComputedClaimPage(c echo.Context, f models.ClaimFilter) error {
	page, err := h.store.Claims(c.Request().Context(), f)
	if err != nil {
		return err
	}
	buf := h.pageBuffers.get()
	body, err := appendClaimPage(buf.AvailableBuffer(), page)
	if err != nil {
		h.pageBuffers.put(buf)
		return err
	}
	err = sendJSONBody(c, body)
	// The answer is sent: its bytes, grown past the buffer or not, serve
	// the next one.
	if cap(body) > buf.Cap() {
		buf = bytes.NewBuffer(body)
	}
	h.pageBuffers.put(buf)
	return err
}
