package handlers

import (
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// maxPage bounds a page number: past it, an offset could overflow, and no
// list is read that deep by paging anyway.
const maxPage = 100000

// pageParam reads a page number from the query: 1 when absent, and a
// validation error (422) for anything but a whole number from 1 to maxPage,
// so that a huge number never becomes a negative offset.
func pageParam(c echo.Context, name string) (int, error) {
	return boundedParam(c, name, 1, maxPage)
}

// boundedParam reads a whole number from the query within [1, most]; def
// when absent.
func boundedParam(c echo.Context, name string, def, most int) (int, error) {
	s := strings.TrimSpace(c.QueryParam(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > most {
		return 0, &models.ValidationError{Fields: map[string]string{name: "must be a whole number from 1 to " + strconv.Itoa(most)}}
	}
	return n, nil
}
