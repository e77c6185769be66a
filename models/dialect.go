package models

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"unicode"

	"gorm.io/gorm"
)

// dialect is what differs between the two databases Claimdesk runs on: the
// embedded SQLite default and PostgreSQL for newsroom networks. Everything
// else (tables, columns, indexes, filters) is written once for both.
type dialect struct {
	pg bool
}

// Name is the database's name as the operator knows it.
func (d dialect) Name() string {
	if d.pg {
		return "postgres"
	}
	return "sqlite"
}

// searchMatch is the condition that a claim_search row matches the search
// argument built by searchArg. On SQLite claim_search is an FTS4 table; on
// PostgreSQL it holds a tsvector per claim under a GIN index.
func (d dialect) searchMatch() string {
	if d.pg {
		return "claim_search.doc @@ to_tsquery('claimdesk_search', ?)"
	}
	return "claim_search MATCH ?"
}

// searchRank is a column expression scoring a claim_search row against the
// search argument (higher is better), for the relevance sort.
func (d dialect) searchRank() string {
	if d.pg {
		return "ts_rank(claim_search.doc, to_tsquery('claimdesk_search', ?))"
	}
	return "length(offsets(claim_search))"
}

// searchArg turns what a person typed into the dialect's query: every word
// must occur, the last one as a prefix, and operators or quotes typed by the
// user count as plain text. "" means there is nothing to search for.
func (d dialect) searchArg(q string) string {
	words := searchWords(q)
	parts := make([]string, 0, len(words))
	for i, w := range words {
		last := i == len(words)-1
		switch {
		case d.pg && last:
			parts = append(parts, "'"+strings.ToLower(w)+"':*")
		case d.pg:
			parts = append(parts, "'"+strings.ToLower(w)+"'")
		case last:
			parts = append(parts, `"`+w+`*"`)
		default:
			parts = append(parts, `"`+w+`"`)
		}
	}
	if d.pg {
		return strings.Join(parts, " & ")
	}
	return strings.Join(parts, " ")
}

// searchWords splits a search into words: runs of letters and digits, at most
// sixteen of them. Both databases' tokenizers split text the same way
// (unicode61 on SQLite, claimdesk_search on PostgreSQL: see pgSchemaV1), so
// a word found on one is found on the other.
func searchWords(q string) []string {
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) > 16 {
		words = words[:16]
	}
	return words
}

// rebind rewrites ? placeholders as $1, $2, … for PostgreSQL, for the few
// statements that go to database/sql directly rather than through gorm
// (which rebinds by itself). The statements passed here hold no ? inside
// string literals.
func (d dialect) rebind(q string) string {
	if !d.pg || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// rankArgs are the arguments of searchRank followed by searchMatch: PostgreSQL
// names the query in both, FTS4's offsets() reads the match it ranks.
func (d dialect) rankArgs(arg string) []any {
	if d.pg {
		return []any{arg, arg}
	}
	return []any{arg}
}

// dialectOf tells which database a gorm handle talks to, for code that
// builds conditions on a handle it was given.
func dialectOf(db *gorm.DB) dialect {
	return dialect{pg: db.Dialector.Name() == "postgres"}
}

// returningID makes an INSERT hand back the new row's id as a result row, on
// both databases (SQLite has RETURNING since 3.35), and rebinds it.
func (d dialect) returningID(insert string) string {
	return d.rebind(insert + " RETURNING id")
}

// insertID runs an INSERT … RETURNING id on tx and returns the id.
func (d dialect) insertID(ctx context.Context, tx *sql.Tx, insert string, args ...any) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, d.returningID(insert), args...).Scan(&id)
	return id, err
}
