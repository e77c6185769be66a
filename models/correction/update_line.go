// Package correction words the "Update:" line a newsroom adds to its live
// blog when a published claim changes (review rule 8): what readers were
// told, what changed and why. It is pure text: the store records the
// correction and hands this package the before and after.
package correction

import (
	"fmt"
	"strings"
	"time"
)

// Change is a published claim before and after a correction. Clauses are
// the claim's text as it reads after "that" ("two women were killed"), so
// the sentence flows; verdicts are the verdict names of the domain model.
type Change struct {
	At time.Time
	// Claimant and ToClaimant name who made the claim, before and after.
	Claimant, ToClaimant string
	// Clause and ToClause are the claim's text, before and after.
	Clause, ToClause string
	// Quote and ToQuote are the verbatim quotes, before and after.
	Quote, ToQuote string
	// Verdict is the published verdict; ToVerdict what it changed to
	// (the same for an edit of the text, quote or claimant).
	Verdict, ToVerdict string
	// Reason is the rationale of the new verdict or the reason for the edit.
	Reason string
}

// UpdateLine is the ready sentence for the live blog, in the newsroom's
// wording: "Update, 4 June, 14:05 UTC: An earlier version of this entry said
// the claim by X that … was verified. New evidence shows it is false: …".
func UpdateLine(ch Change) string {
	var b strings.Builder
	at := ch.At.UTC()
	fmt.Fprintf(&b, "Update, %d %s, %s UTC: ", at.Day(), at.Month(), at.Format("15:04"))
	reason := sentence(ch.Reason)
	if ch.Verdict != ch.ToVerdict {
		fmt.Fprintf(&b, "An earlier version of this entry said the claim by %s that %s was %s. ",
			ch.Claimant, ch.Clause, publishedPhrase(ch.Verdict))
		b.WriteString(nowPhrase(ch.ToVerdict))
		if reason != "" {
			b.WriteString(": ")
			b.WriteString(reason)
		} else {
			b.WriteString(".")
		}
		return b.String()
	}
	var parts []string
	if ch.Claimant != ch.ToClaimant {
		parts = append(parts, fmt.Sprintf("An earlier version of this entry attributed the claim that %s to %s; it was made by %s.",
			ch.ToClause, ch.Claimant, ch.ToClaimant))
	}
	if ch.Clause != ch.ToClause {
		parts = append(parts, fmt.Sprintf("An earlier version of this entry misstated the claim by %s: it said that %s; the claim is that %s.",
			ch.ToClaimant, ch.Clause, ch.ToClause))
	}
	if ch.Quote != ch.ToQuote {
		if ch.ToQuote == "" {
			parts = append(parts, fmt.Sprintf("An earlier version of this entry quoted %s wrongly; the quote has been removed.", ch.ToClaimant))
		} else {
			parts = append(parts, fmt.Sprintf("An earlier version of this entry misquoted %s, who said: “%s”", ch.ToClaimant, strings.TrimSpace(ch.ToQuote)))
		}
	}
	b.WriteString(strings.Join(parts, " "))
	if reason != "" {
		b.WriteString(" ")
		b.WriteString(upperFirst(reason))
	}
	return b.String()
}

// upperFirst starts a reason that stands as its own sentence with a capital.
func upperFirst(s string) string {
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}

// publishedPhrase is how the line names the verdict readers were given.
func publishedPhrase(v string) string {
	switch v {
	case "verified":
		return "verified"
	case "false":
		return "false"
	case "misleading":
		return "misleading"
	}
	return strings.ReplaceAll(v, "_", " ")
}

// nowPhrase says where the claim stands now, for each verdict it can move to.
func nowPhrase(v string) string {
	switch v {
	case "verified":
		return "New evidence shows it is accurate"
	case "false":
		return "New evidence shows it is false"
	case "misleading":
		return "New evidence shows it is misleading"
	case "unverified":
		return "It can no longer be independently verified"
	case "disputed":
		return "Credible accounts of it now conflict"
	case "in_review":
		return "We are reviewing it again"
	case "unreviewed":
		return "That assessment has been withdrawn until the claim is reviewed again"
	}
	return "Its verdict is now " + strings.ReplaceAll(v, "_", " ")
}

// sentence trims s and ends it with a full stop unless it already ends
// with a mark of its own.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if strings.ContainsAny(s[len(s)-1:], ".!?…”\"") {
		return s
	}
	return s + "."
}
