package models

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Changes lists the fields an "edited" row records, old → new, so pages can
// show what an edit did without reading its JSON. Other rows have none.
func (a Activity) Changes() []FieldChange {
	if a.Action != ActEdited || len(a.Details) == 0 {
		return nil
	}
	var d struct {
		Changes []FieldChange `json:"changes"`
	}
	if err := json.Unmarshal(a.Details, &d); err != nil {
		return nil
	}
	return d.Changes
}

// ChangeValue words one side of a recorded change for a reader: times in UTC,
// yes/no for flags, "(empty)" for nothing.
func ChangeValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "(empty)"
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case float64:
		return fmt.Sprintf("%.0f", x)
	case string:
		if x == "" {
			return "(empty)"
		}
		if t, err := time.Parse(time.RFC3339Nano, x); err == nil {
			return t.UTC().Format("2 Jan 2006 15:04 UTC")
		}
		return x
	}
	return fmt.Sprint(v)
}

// SourceNames maps source ids to their names with one query, for pages that
// show an edit's claimant change by name.
func (s *Store) SourceNames(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		ID   int64
		Name string
	}
	if err := s.read(ctx).Table("sources").Select("id, name").Where("id IN ?", ids).Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.ID] = r.Name
	}
	return out, nil
}
