package models

import (
	"strings"

	"claimdesk/models/attribution"
)

// AttributionLine is the ready sentence for copy: who said it, what they said,
// and what the desk can say about it. It follows the verdict and
// verifiability; the wording rules are in package attribution.
func AttributionLine(c *Claim) string { return attributionLine(c, nil) }

// attributionLine is AttributionLine with the claimants' openings kept in
// openings (see attribution.LineOpening), for a page of claims.
func attributionLine(c *Claim, openings map[[3]string]string) string {
	return attribution.LineOpening(attribution.Claim{Name: c.ClaimantName, Role: c.ClaimantRole, Kind: c.ClaimantKind,
		Text: c.Text, Verdict: string(c.Verdict), Verifiability: string(c.Verifiability),
		SignedOff: c.SignedOffAt != nil, Contradicted: c.Contradicted}, openings)
}

// attributionOpening is the start of AttributionLine up to the claim, the
// same for every claim of one claimant (exports make it once per claimant).
func attributionOpening(name, role, kind string) string {
	return attribution.Opening(name, role, kind)
}

// claimClause is the claim as a clause inside a longer sentence (an Update
// line, a public page's line), by the same rules as AttributionLine's, without
// its final full stop.
func claimClause(text string) string {
	return strings.TrimSuffix(string(attribution.AppendClause(nil, text)), ".")
}
