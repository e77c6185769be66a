package models

import (
	"slices"
	"strings"
)

// Tags in the exports. A claim's tags are the desk's own labels ("needs
// legal", "ask Olga", "belgorod"): the CSV and the JSON exports carry them,
// since they are what a desk filters and sorts its spreadsheet by; the
// ClaimReview export and the public pages never do, because a tag is free
// text typed for colleagues and may say what readers are not meant to see.
// Tools that need them read the JSON.

// exportTagSep joins a claim's tags in the claims statement's tags field:
// the unit separator, a control character, which NormTag never lets into a
// tag. A tag stored by other means that holds one reads as two tags.
const exportTagSep = "\x1f"

// sqliteExportTags is a claim's tags joined by exportTagSep (NULL for
// none): a search of the claim_tags key (claim_id, tag) by the claim's id,
// inside SQLite's own loop over the claims. The key hands the tags over in
// order; group_concat's own ORDER BY cost a tenth of a tagged export's CPU
// for a sort that finds them sorted, so the order is only checked as the
// row is read (see orderedTags).
const sqliteExportTags = `(SELECT group_concat(tag, char(31)) FROM claim_tags WHERE claim_id = claims.id)`

// pgExportTags is sqliteExportTags on PostgreSQL (” for none).
const pgExportTags = `COALESCE((SELECT string_agg(t.tag, chr(31) ORDER BY t.tag) FROM claim_tags t WHERE t.claim_id = claims.id), '')`

// CSVTagSeparator joins a claim's tags in the CSV's tags cell. A comma and
// a space, as the desk shows them and its tag box takes them: a tag never
// holds a comma, so the cell splits back into the tags exactly.
const CSVTagSeparator = ", "

// appendTags appends the tags field's tags joined by CSVTagSeparator.
func appendTags(b []byte, tags string) []byte {
	for {
		i := strings.Index(tags, exportTagSep)
		if i < 0 {
			return append(b, tags...)
		}
		b = append(b, tags[:i]...)
		b = append(b, CSVTagSeparator...)
		tags = tags[i+len(exportTagSep):]
	}
}

// splitTags appends the tags of a tags field to dst (none for "").
func splitTags(dst []string, tags string) []string {
	if tags == "" {
		return dst
	}
	for {
		i := strings.Index(tags, exportTagSep)
		if i < 0 {
			return append(dst, tags)
		}
		dst = append(dst, tags[:i])
		tags = tags[i+len(exportTagSep):]
	}
}

// orderedTags is a tags field with its tags in order: the field itself when
// they are (always, as SQLite reads them by its key), else a sorted copy.
func orderedTags(tags string) string {
	prev := ""
	for rest := tags; ; {
		t, more, found := strings.Cut(rest, exportTagSep)
		if t < prev {
			sorted := strings.Split(tags, exportTagSep)
			slices.Sort(sorted)
			return strings.Join(sorted, exportTagSep)
		}
		if !found {
			return tags
		}
		prev, rest = t, more
	}
}
