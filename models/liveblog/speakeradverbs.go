package liveblog

import "strings"

// withoutTrailingAdverb removes an adverb that stands between a speaker
// and its verb ("Al-Shabab quickly claimed", "the ministry later said"):
// it tells when or how the speaker spoke, not who spoke.
func withoutTrailingAdverb(claimant string) string {
	s := strings.TrimSpace(claimant)
	sp := strings.LastIndexByte(s, ' ')
	if sp <= 0 || !inSet(speakingAdverbs, s[sp+1:]) {
		return claimant
	}
	return strings.TrimSpace(s[:sp])
}

// isLoneAdverbOrCondition reports whether a claimant is one word that can
// only open a condition or modify a verb ("If confirmed, …", "Unless
// confirmed, …", "… immediately claimed …" with its subject cut off): no
// one spoke, so the candidate goes.
func isLoneAdverbOrCondition(claimant string) bool {
	s := strings.TrimSpace(claimant)
	if s == "" || strings.ContainsAny(s, " \t\n") {
		return false
	}
	return inSet(speakingAdverbs, s) || inSet(conditionOpeners, s) || inSet(subordinators, s)
}

// speakingAdverbs come between a speaker and its reporting verb;
// conditionOpeners open a clause that puts a verb's participle first
// ("If confirmed").
var (
	speakingAdverbs = setOf("immediately", "quickly", "swiftly", "promptly", "later", "earlier", "previously",
		"initially", "subsequently", "separately", "publicly", "officially", "reportedly", "repeatedly",
		"already", "again")
	conditionOpeners = setOf("if", "unless", "whether")
)
