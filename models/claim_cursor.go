package models

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Keyset paging. A page deep in a large view read by offset walks every row
// before it; a cursor names the last claim shown (its value in the sort's
// column and its id), so the next page starts right after it in the index
// and costs what the first page costs. The list hands out the cursor of the
// next page (ClaimPage.Next); "page" alone still works and is what a cursor
// falls back to when it does not fit the sort.

// cursorColumns maps each sort that can continue from a cursor to its column.
var cursorColumns = map[string]string{
	"reported": "claims.reported_at",
	"created":  "claims.created_at",
	"updated":  "claims.updated_at",
	"id":       "",
}

// claimCursor is a parsed position in a sorted list.
type claimCursor struct {
	sort string
	at   time.Time // the sort column's value; zero for the id sort
	id   int64
}

// cursorFor returns the cursor that continues the list after c, or "".
func cursorFor(sort string, c *Claim) string {
	var at time.Time
	switch strings.TrimPrefix(sort, "-") {
	case "reported":
		at = c.ReportedAt
	case "created":
		at = c.CreatedAt
	case "updated":
		at = c.UpdatedAt
	case "id":
		return sort + "~" + strconv.FormatInt(c.ID, 10)
	default:
		return ""
	}
	return sort + "~" + at.UTC().Format(time.RFC3339Nano) + "~" + strconv.FormatInt(c.ID, 10)
}

// parseCursor reads a cursor made by cursorFor for the list sorted by sort;
// ok is false when it is malformed, and the cursor is nil (not an error)
// when it was made for another sort, so a link that kept an old cursor
// shows the page it names instead.
func parseCursor(s, sort string) (c *claimCursor, ok bool) {
	parts := strings.Split(s, "~")
	if len(parts) < 2 || len(parts) > 3 {
		return nil, false
	}
	col, known := cursorColumns[strings.TrimPrefix(parts[0], "-")]
	if !known || (col == "") != (len(parts) == 2) {
		return nil, false
	}
	id, err := strconv.ParseInt(parts[len(parts)-1], 10, 64)
	if err != nil || id < 1 {
		return nil, false
	}
	c = &claimCursor{sort: parts[0], id: id}
	if len(parts) == 3 {
		if c.at, err = time.Parse(time.RFC3339Nano, parts[1]); err != nil {
			return nil, false
		}
	}
	if c.sort != sort {
		return nil, true
	}
	return c, true
}

// after keeps the rows that come after the cursor in its sort's order. The
// row-value comparison is one range of the sort's (column, id) index on
// both databases.
func (c *claimCursor) after(db *gorm.DB) *gorm.DB {
	op := ">"
	if strings.HasPrefix(c.sort, "-") {
		op = "<"
	}
	col := cursorColumns[strings.TrimPrefix(c.sort, "-")]
	if col == "" {
		return db.Where(fmt.Sprintf("claims.id %s ?", op), c.id)
	}
	return db.Where(fmt.Sprintf("(%s, claims.id) %s (?, ?)", col, op), c.at.UTC(), c.id)
}

// cursor is f's position to continue from, or nil to page by offset.
func (f *ClaimFilter) cursor() *claimCursor {
	if f.After == "" {
		return nil
	}
	c, _ := parseCursor(f.After, f.Sort)
	return c
}
