package liveblog

import "strings"

// sympathyPhrases make a statement of feeling or attention ("Thoughts and
// prayers to every family", "I am closely following the
// developments"): it says nothing a fact-checker could check.
var sympathyPhrases = []string{"thoughts and prayers", "our thoughts are with", "my thoughts are with",
	"hearts go out", "heart goes out", "deeply saddened", "heartbroken by",
	"i am closely following", "we are closely following", "i am following closely", "we are following closely",
	"express deepest condolences", "express our deepest condolences", "express sincere condolences", "express our sincere condolences"}

// expressesSympathy reports whether a claim only expresses sympathy or
// attention. One that gives a number ("our thoughts are with the 12
// families who lost …") still reports something.
func expressesSympathy(claim string) bool {
	// Most claims hold none of the phrases' key words: skip them before
	// lowering a copy.
	if !strings.Contains(claim, "hought") && !strings.Contains(claim, "eart") && !strings.Contains(claim, "adden") &&
		!strings.Contains(claim, "ollowing") && !strings.Contains(claim, "ondolence") {
		return false
	}
	low := lowerASCII(claim)
	if strings.IndexAny(low, "0123456789") >= 0 {
		return false
	}
	for _, p := range sympathyPhrases {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// dropSympathy turns the frames of a sentence that only express sympathy
// into speakers without a claim: the speaker still speaks on in "she
// added", but no candidate is proposed.
func dropSympathy(frames []rawFrame) {
	for k := range frames {
		if !frames[k].generic && expressesSympathy(frames[k].claim) {
			frames[k].generic = true
		}
	}
}
