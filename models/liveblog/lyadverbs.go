package liveblog

// "President Ana Diaz had quickly warned that …": an adverb in -ly between
// the speaker and the verb is no part of the speaker, whatever adverb it
// is (subjectAdverbs lists the others).

// lyNouns end in -ly and are nouns or names, not adverbs.
var lyNouns = setOf("family", "rally", "ally", "assembly", "supply", "italy", "anomaly", "monopoly", "melee", "july",
	"belly", "bully", "lily", "reply", "fly", "jelly", "tally", "folly", "doily", "holly", "molly", "sally", "emily", "kelly")

// isLyAdverb reports whether w, as printed, is a lower-case adverb in -ly.
func isLyAdverb(w string) bool {
	n := len(w)
	if n < 5 || w[n-2:] != "ly" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	return !lyNouns[w]
}
