package models

// Verdict is where the review of a claim stands.
type Verdict string

// The verdicts of PRODUCT.md.
const (
	Unreviewed Verdict = "unreviewed"
	InReview   Verdict = "in_review"
	Verified   Verdict = "verified"
	Unverified Verdict = "unverified"
	Disputed   Verdict = "disputed"
	Misleading Verdict = "misleading"
	False      Verdict = "false"
)

// Verdicts lists every verdict in workflow order.
func Verdicts() []Verdict {
	return []Verdict{Unreviewed, InReview, Verified, Unverified, Disputed, Misleading, False}
}

// Valid reports whether v is a known verdict.
func (v Verdict) Valid() bool {
	for _, x := range Verdicts() {
		if x == v {
			return true
		}
	}
	return false
}

// Final verdicts need evidence and an editor's sign-off before they are published.
func (v Verdict) Final() bool { return v == Verified || v == False || v == Misleading }

// Unconfirmed is the editors' main filter: nothing has confirmed or refuted the claim.
func (v Verdict) Unconfirmed() bool {
	return v == Unreviewed || v == InReview || v == Unverified || v == Disputed
}

// Label is the verdict as people read it.
func (v Verdict) Label() string {
	switch v {
	case InReview:
		return "In review"
	case Unreviewed:
		return "Unreviewed"
	case Verified:
		return "Verified"
	case Unverified:
		return "Unverified"
	case Disputed:
		return "Disputed"
	case Misleading:
		return "Misleading"
	case False:
		return "False"
	}
	return string(v)
}

// Verifiability says whether a claim can be independently verified, kept apart
// from the verdict.
type Verifiability string

// The verifiability values of PRODUCT.md.
const (
	VerifUnknown       Verifiability = "unknown"
	VerifVerifiable    Verifiability = "verifiable"
	VerifNotVerifiable Verifiability = "not_verifiable"
)

// Verifiabilities lists every verifiability value.
func Verifiabilities() []Verifiability {
	return []Verifiability{VerifUnknown, VerifVerifiable, VerifNotVerifiable}
}

// Valid reports whether v is a known verifiability value.
func (v Verifiability) Valid() bool {
	return v == VerifUnknown || v == VerifVerifiable || v == VerifNotVerifiable
}

// LinkKinds are the relations between two claims about the same event.
func LinkKinds() []string { return []string{"contradicts", "corroborates", "duplicate_of"} }
