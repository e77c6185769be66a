package handlers

// takeForm is what the "take" partial needs for one claim's Take button:
// the claim, the CSRF token, and where to come back to afterwards.
type takeForm struct {
	ClaimID int64
	CSRF    string
	Next    string
}

// TakeForm lets a page show a Take button for a claim; next is the page to
// return to ("" for the claim's own page).
func (v view) TakeForm(claimID int64, next string) takeForm {
	return takeForm{ClaimID: claimID, CSRF: v.CSRF, Next: next}
}
