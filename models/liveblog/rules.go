package liveblog

// The rules that propose a candidate, as Candidate.Rule reports them. They
// are stable names: the import screen and saved previews refer to them.
const (
	ruleSpeakerVerbClaim = "speaker-verb-claim"   // The union said (that) C.
	ruleClaimSpeakerVerb = "claim-speaker-verb"   // C, the union said.
	ruleClaimVerbSpeaker = "claim-verb-speaker"   // "C," said Borg.
	ruleAccordingBefore  = "according-to-before"  // According to the ministry, C.
	ruleAccordingAfter   = "according-to-after"   // C, according to the ministry.
	ruleCoordinated      = "coordinated-verb"     // … denied X and said C.
	ruleParticiple       = "participle"           // …, adding that C.
	ruleQuotedAsSaying   = "quoted-as-saying"     // X was quoted as saying C.
	ruleRelativeClause   = "relative-clause"      // The mayor, who said C, …
	ruleAccusation       = "accusation"           // S accused O of C.
	ruleDenial           = "denial"               // S denied (that) C.
	ruleFigure           = "figure"               // S put the toll at N.
	ruleResponsibility   = "responsibility"       // S claimed responsibility for X.
	ruleQuoteContinues   = "quote-continues"      // a quotation after the speaker's sentence
	ruleColonBlock       = "colon-paragraph"      // "PA Media says:" and the paragraph after it
	rulePossessive       = "possessive-statement" // X's statement that C
	ruleSpeakerColon     = "speaker-colon"        // Lin Wei: the talks are going smoothly.
	ruleHeadlineSource   = "headline-source"      // Radiation at the gate has doubled: TEPCO
	rulePhotoCredit      = "photo-credit"         // a captioned handout picture
	ruleReportedSpeech   = "reported-speech"      // Es gehe um …: German subjunctive goes on with the speaker
	ruleEmbeddedPost     = "embedded-post"        // … pic.twitter.com/… - ANI (@ANI) 3 May 2019
	ruleCharacterised    = "what-speaker-said"    // … in what the army said was C
	ruleAlleged          = "alleged-by"           // S denied C, as alleged by X
)

// RuleDescription says in a reader's words why a rule proposed a claim, for
// the import screen; "" for an unknown rule.
func RuleDescription(rule string) string {
	switch rule {
	case ruleSpeakerVerbClaim:
		return "a speaker and a reporting verb before the claim (“the union said that …”)"
	case ruleClaimSpeakerVerb:
		return "the claim, then its speaker and verb (“…, the union said”)"
	case ruleClaimVerbSpeaker:
		return "the claim, then the verb and its speaker (“…, said Borg”)"
	case ruleAccordingBefore:
		return "“according to” before the claim"
	case ruleAccordingAfter:
		return "“according to” after the claim"
	case ruleCoordinated:
		return "a second verb of the same speaker (“… and said …”)"
	case ruleParticiple:
		return "a participle continuing the speaker (“…, adding that …”)"
	case ruleQuotedAsSaying:
		return "the speaker quoted by someone else (“quoted as saying”)"
	case ruleRelativeClause:
		return "a relative clause (“…, who said …”)"
	case ruleAccusation:
		return "an accusation (“accused … of …”)"
	case ruleDenial:
		return "a denial: the claim is what was denied"
	case ruleFigure:
		return "a figure put forward (“put the toll at …”)"
	case ruleResponsibility:
		return "a claim of responsibility"
	case ruleQuoteContinues:
		return "a quotation continuing the speaker of the sentence before"
	case ruleColonBlock:
		return "the paragraph after “… says:”"
	case rulePossessive:
		return "a statement named by its author (“X's statement that …”)"
	case ruleSpeakerColon:
		return "a transcript turn (“Name: …”)"
	case ruleHeadlineSource:
		return "a wire line with its source after a colon (“…: IAEA”)"
	case rulePhotoCredit:
		return "a handout picture credited to its source"
	case ruleEmbeddedPost:
		return "a social-media post embedded in the page, signed by its account"
	case ruleReportedSpeech:
		return "German reported speech (“Es gehe um …”) going on with the speaker before"
	case ruleCharacterised:
		return "a party's description inside the sentence (“in what the army said was …”)"
	case ruleAlleged:
		return "the party whose claim a denial answers (“denied …, as alleged by X”)"
	}
	return ""
}
