package models

import "claimdesk/models/attribution"

// attributionWriter appends AttributionLine's sentence for an export row
// without building a Claim per row, for every format; the opening
// ("According to NAME, the role, ") depends only on the claimant and is made
// once per claimant (see exportSource). A claim that opens with a pronoun
// has a sentence of its own (see attribution.OwnOpening). Exports do not
// look up competing accounts, so their lines never add that a linked claim
// contradicts this one.
type attributionWriter struct{}

func (a *attributionWriter) appendLine(b []byte, x *exportRaw) []byte {
	c := attribution.Claim{Name: x.claimant, Role: x.claimantRole, Kind: x.claimantKind, Text: x.text,
		Verdict: x.verdict, Verifiability: x.verifiability, SignedOff: x.signedOffAt != nil}
	if attribution.OwnOpening(x.text) {
		return append(b, attribution.Line(c)...)
	}
	if x.opening != "" {
		b = append(b, x.opening...)
	} else {
		b = append(b, attributionOpening(x.claimant, x.claimantRole, x.claimantKind)...)
	}
	b = attribution.AppendClause(b, x.text)
	if tail := attribution.Tail(c.Verdict, c.Verifiability, c.SignedOff, false); tail != "" {
		b = append(b, ' ')
		b = append(b, tail...)
	}
	return b
}
