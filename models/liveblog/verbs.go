package liveblog

// verbKind says how a reporting verb arranges speaker and claim.
type verbKind int

const (
	vSay       verbKind = iota // S said (that) C · C, S said · C, said S
	vTell                      // S told O (that) C · C, S told O
	vAccuse                    // S accused O of C
	vDeny                      // S denied (that) C · S rejected the claim
	vAccording                 // according to S, C · C, according to S
	vPut                       // S put the toll at 9
)

// verbInfo describes one printed form of a reporting verb.
type verbInfo struct {
	kind    verbKind
	display string // the form reported in Candidate.Verb
	noun    bool   // the form can also be a noun ("claims", "reports")
	base    bool   // bare plural form ("officials say"): needs a plural subject
	part    bool   // participle ("adding that"): continues the previous speaker
	needsTo bool   // only with "that", a colon or a quotation ("wrote", "posted")
}

// reportingVerbs maps the lower-case printed forms to their description.
var reportingVerbs = mergedVerbs(commonReportingVerbs, moreReportingVerbs, germanReportingVerbs, findingVerbs, blameVerbs)

// commonReportingVerbs are the verbs of most attributions.
var commonReportingVerbs = map[string]verbInfo{
	"said": {kind: vSay, display: "said"}, "says": {kind: vSay, display: "says"},
	"say":   {kind: vSay, display: "say", base: true},
	"added": {kind: vSay, display: "added"}, "adds": {kind: vSay, display: "adds"},
	"claimed": {kind: vSay, display: "claimed"}, "claims": {kind: vSay, display: "claims", noun: true},
	"claim":  {kind: vSay, display: "claim", base: true, noun: true},
	"stated": {kind: vSay, display: "stated"}, "states": {kind: vSay, display: "states", noun: true},
	"announced": {kind: vSay, display: "announced", needsTo: true},
	"announces": {kind: vSay, display: "announces", needsTo: true},
	"described": {kind: vSay, display: "described", needsTo: true}, "describes": {kind: vSay, display: "describes", needsTo: true},
	"wrote": {kind: vSay, display: "wrote", needsTo: true}, "writes": {kind: vSay, display: "writes", needsTo: true},
	"posted": {kind: vSay, display: "posted", needsTo: true}, "tweeted": {kind: vSay, display: "tweeted", needsTo: true},
	"insisted": {kind: vSay, display: "insisted"}, "insists": {kind: vSay, display: "insists"},
	"insist": {kind: vSay, display: "insist", base: true},
	"warned": {kind: vSay, display: "warned"}, "warns": {kind: vSay, display: "warns"},
	"warn":      {kind: vSay, display: "warn", base: true},
	"confirmed": {kind: vSay, display: "confirmed"}, "confirms": {kind: vSay, display: "confirms"},
	"noted": {kind: vSay, display: "noted"}, "stressed": {kind: vSay, display: "stressed"},
	"explained": {kind: vSay, display: "explained"}, "argued": {kind: vSay, display: "argued"},
	"argues": {kind: vSay, display: "argues"}, "acknowledged": {kind: vSay, display: "acknowledged"},
	"admitted": {kind: vSay, display: "admitted"}, "maintained": {kind: vSay, display: "maintained"},
	"asserted": {kind: vSay, display: "asserted"}, "alleged": {kind: vSay, display: "alleged"},
	"alleges": {kind: vSay, display: "alleges"}, "allege": {kind: vSay, display: "allege", base: true},
	"reported": {kind: vSay, display: "reported"}, "reports": {kind: vSay, display: "reports", noun: true},
	"report":    {kind: vSay, display: "report", base: true, noun: true},
	"estimated": {kind: vSay, display: "estimated"}, "estimates": {kind: vSay, display: "estimates", noun: true},
	"estimate":  {kind: vSay, display: "estimate", base: true, noun: true},
	"predicted": {kind: vSay, display: "predicted"}, "declared": {kind: vSay, display: "declared", needsTo: true},
	"revealed": {kind: vSay, display: "revealed"}, "disclosed": {kind: vSay, display: "disclosed"},
	"told": {kind: vTell, display: "told"}, "tells": {kind: vTell, display: "tells"},
	"accused": {kind: vAccuse, display: "accused"}, "accuses": {kind: vAccuse, display: "accuses"},
	"accuse": {kind: vAccuse, display: "accuse", base: true},
	"denied": {kind: vDeny, display: "denied"}, "denies": {kind: vDeny, display: "denies"},
	"deny":     {kind: vDeny, display: "deny", base: true},
	"rejected": {kind: vDeny, display: "rejected"}, "rejects": {kind: vDeny, display: "rejects"},
	"dismissed": {kind: vDeny, display: "dismissed"},
	"put":       {kind: vPut, display: "put"}, "puts": {kind: vPut, display: "puts"},
	"gave": {kind: vPut, display: "gave"}, "gives": {kind: vPut, display: "gives"}, // a toll (givestoll.go)
	"saying": {kind: vSay, display: "said", part: true}, "adding": {kind: vSay, display: "added", part: true},
	"claiming": {kind: vSay, display: "claimed", part: true}, "insisting": {kind: vSay, display: "insisted", part: true},
	"warning": {kind: vSay, display: "warned", part: true}, "noting": {kind: vSay, display: "noted", part: true},
	"stressing": {kind: vSay, display: "stressed", part: true}, "arguing": {kind: vSay, display: "argued", part: true},
	"alleging": {kind: vSay, display: "alleged", part: true}, "explaining": {kind: vSay, display: "explained", part: true},
	"denying": {kind: vDeny, display: "denied", part: true}, "accusing": {kind: vAccuse, display: "accused", part: true},
	"rejecting": {kind: vDeny, display: "rejected", part: true},
	"reporting": {kind: vSay, display: "reported", part: true}, "telling": {kind: vTell, display: "told", part: true},
	"mentioned": {kind: vSay, display: "mentioned", needsTo: true},
	"suggested": {kind: vSay, display: "suggested", needsTo: true}, "suggests": {kind: vSay, display: "suggests", needsTo: true},
	"suggesting": {kind: vSay, display: "suggested", part: true},
	"cautioned":  {kind: vSay, display: "cautioned"}, "cautions": {kind: vSay, display: "cautions"},
	"assured": {kind: vSay, display: "assured", needsTo: true}, "expressed": {kind: vSay, display: "expressed", needsTo: true},
	"confirming": {kind: vSay, display: "confirmed", part: true}, "recalled": {kind: vSay, display: "recalled", needsTo: true},
	"reiterated": {kind: vSay, display: "reiterated", needsTo: true},
	"read":       {kind: vSay, display: "read", needsTo: true},
	"urged":      {kind: vSay, display: "urged", needsTo: true}, "urges": {kind: vSay, display: "urges", needsTo: true},
	"welcomed": {kind: vSay, display: "welcomed", needsTo: true}, "welcomes": {kind: vSay, display: "welcomes", needsTo: true},
	"encouraged": {kind: vSay, display: "encouraged", needsTo: true}, "repeated": {kind: vSay, display: "repeated", needsTo: true},
}

// moreReportingVerbs are the rarer verbs of attribution news uses: the
// emphatic and concessive ("emphasised", "conceded"), answers ("replied"),
// counts ("AFP tallied"), commitments stated as facts ("vowed that"). Those
// that also take a plain object ("responded to questions", "counted the
// votes") need "that", a colon or a quotation.
var moreReportingVerbs = map[string]verbInfo{
	"emphasised": {kind: vSay, display: "emphasised"}, "emphasized": {kind: vSay, display: "emphasized"},
	"emphasises": {kind: vSay, display: "emphasises"}, "emphasizes": {kind: vSay, display: "emphasizes"},
	"conceded": {kind: vSay, display: "conceded"}, "concedes": {kind: vSay, display: "concedes"},
	"contended": {kind: vSay, display: "contended"}, "contends": {kind: vSay, display: "contends"},
	"affirmed": {kind: vSay, display: "affirmed"}, "affirms": {kind: vSay, display: "affirms"},
	"replied": {kind: vSay, display: "replied", needsTo: true}, "responded": {kind: vSay, display: "responded", needsTo: true},
	"answered": {kind: vSay, display: "answered", needsTo: true}, "remarked": {kind: vSay, display: "remarked"},
	"commented": {kind: vSay, display: "commented", needsTo: true}, "observed": {kind: vSay, display: "observed", needsTo: true},
	"complained": {kind: vSay, display: "complained", needsTo: true}, "lamented": {kind: vSay, display: "lamented", needsTo: true},
	"recounted": {kind: vSay, display: "recounted", needsTo: true}, "indicated": {kind: vSay, display: "indicated", needsTo: true},
	"clarified": {kind: vSay, display: "clarified", needsTo: true}, "underlined": {kind: vSay, display: "underlined", needsTo: true},
	"highlighted": {kind: vSay, display: "highlighted", needsTo: true}, "vowed": {kind: vSay, display: "vowed", needsTo: true},
	"promised": {kind: vSay, display: "promised", needsTo: true}, "pledged": {kind: vSay, display: "pledged", needsTo: true},
	"tallied": {kind: vSay, display: "tallied"}, "counted": {kind: vSay, display: "counted", needsTo: true},
	"charged": {kind: vSay, display: "charged", needsTo: true}, "countered": {kind: vSay, display: "countered"},
	"retorted": {kind: vSay, display: "retorted"}, "testified": {kind: vSay, display: "testified", needsTo: true},
	"speculated": {kind: vSay, display: "speculated", needsTo: true}, "hinted": {kind: vSay, display: "hinted", needsTo: true},
	"boasted": {kind: vSay, display: "boasted", needsTo: true}, "specified": {kind: vSay, display: "specified", needsTo: true},
	"informed": {kind: vTell, display: "informed"}, "assured": {kind: vSay, display: "assured", needsTo: true},
	"notes": {kind: vSay, display: "notes", noun: true}, "stresses": {kind: vSay, display: "stresses", noun: true},
	"explains": {kind: vSay, display: "explains"}, "admits": {kind: vSay, display: "admits"},
	"maintains": {kind: vSay, display: "maintains", needsTo: true}, "asserts": {kind: vSay, display: "asserts"},
	"reveals": {kind: vSay, display: "reveals", needsTo: true}, "reiterates": {kind: vSay, display: "reiterates", needsTo: true},
	"recalls": {kind: vSay, display: "recalls", needsTo: true}, "acknowledges": {kind: vSay, display: "acknowledges"},
	"emphasising": {kind: vSay, display: "emphasised", part: true}, "emphasizing": {kind: vSay, display: "emphasized", part: true},
	"stating": {kind: vSay, display: "stated", part: true}, "acknowledging": {kind: vSay, display: "acknowledged", part: true},
	"admitting": {kind: vSay, display: "admitted", part: true}, "declaring": {kind: vSay, display: "declared", part: true},
	"reiterating": {kind: vSay, display: "reiterated", part: true}, "asserting": {kind: vSay, display: "asserted", part: true},
	"insists": {kind: vSay, display: "insists"}, "claiming": {kind: vSay, display: "claimed", part: true},
	"called": {kind: vSay, display: "called", needsTo: true}, "calls": {kind: vSay, display: "calls", needsTo: true, noun: true},
	// Plural present forms, as live entries write them ("Police confirm
	// that …", "Officials leading the search tell the radio that …").
	"confirm": {kind: vSay, display: "confirm", base: true, needsTo: true}, "tell": {kind: vTell, display: "tell", base: true},
	"admit":       {kind: vSay, display: "admit", base: true, needsTo: true},
	"acknowledge": {kind: vSay, display: "acknowledge", base: true, needsTo: true},
	"stress":      {kind: vSay, display: "stress", base: true, needsTo: true}, "reveal": {kind: vSay, display: "reveal", base: true, needsTo: true},
	"explain":  {kind: vSay, display: "explain", base: true, needsTo: true},
	"maintain": {kind: vSay, display: "maintain", base: true, needsTo: true},
	// "disputed" is a denial only with a subject before it and an object
	// after ("villagers disputed the military's report"), not in "the
	// disputed area" or "over disputed elections" (see disputedAdjective).
	"disputed": {kind: vDeny, display: "disputed"}, "disputes": {kind: vDeny, display: "disputes"},
	// Present forms of answers and accounts ("X replies, “…”").
	"replies": {kind: vSay, display: "replies", needsTo: true}, "responds": {kind: vSay, display: "responds", needsTo: true},
	"recounts": {kind: vSay, display: "recounts", needsTo: true}, "vows": {kind: vSay, display: "vows", needsTo: true},
}

// mergedVerbs returns one table of the verbs of all lists; an earlier list
// wins for a form given twice.
func mergedVerbs(lists ...map[string]verbInfo) map[string]verbInfo {
	out := map[string]verbInfo{}
	for k := len(lists) - 1; k >= 0; k-- {
		for w, v := range lists[k] {
			out[w] = v
		}
	}
	return out
}

// Words before a verb form that show it is not a report by a subject:
// passives, infinitives, modals, negations.
var blockingBefore = setOf("is", "was", "were", "are", "be", "been", "being", "am", "to", "will", "would",
	"could", "can", "may", "might", "should", "must", "shall", "did", "does", "do", "not", "never",
	"didn't", "doesn't", "don't", "won't", "wouldn't", "couldn't", "cannot", "independently", "newly")

// Words before a form that can be a noun ("the claims", "no reports").
var determiners = setOf("the", "a", "an", "these", "those", "this", "that", "both", "no", "its", "his",
	"her", "their", "our", "my", "your", "such", "any", "some", "many", "several", "unconfirmed",
	"unverified", "conflicting", "earlier", "new", "similar", "initial", "first", "latest", "media",
	"press", "news", "of", "independent", "official", "further", "other", "these", "whose", "which",
	"false", "rival", "competing", "preliminary", "recent", "local", "more", "most", "all", "with", "in", "on", "for",
	"previous", "multiple", "numerous", "repeated", "widespread", "persistent", "various", "two", "three", "unsubstantiated")

// Words after a noun form that show it is a noun ("claims are", "reports of").
var nounFollowers = setOf("of", "are", "is", "were", "was", "have", "has", "had", "will", "would", "could",
	"can", "may", "suggest", "suggested", "show", "showed", "remain", "vary", "put", "range", "about", "from")

// Plural subjects that take a bare verb form ("police say").
var pluralSubjects = setOf("they", "we", "i", "you", "police", "people", "authorities", "officials", "sources",
	"residents", "witnesses", "experts", "analysts", "militants", "rebels", "troops", "doctors", "medics", "others",
	"spokespeople", "men", "women", "children", "personnel")

// Words a participle follows when it continues a report ("…, adding that").
var participleLead = setOf("and", "while", "before", "after", "as", "also", "then", "but", "further", "again")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Words that open a prepositional or adverbial phrase after a reporting verb
// ("said in a statement", "told reporters on Wednesday").
var phraseStarters = setOf("in", "on", "at", "via", "through", "during", "to", "from", "with", "after",
	"before", "late", "early", "earlier", "later", "also", "again", "today", "tonight", "yesterday",
	"overnight", "separately", "previously", "repeatedly", "publicly", "privately", "last", "this",
	"speaking", "when", "while", "without", "shortly", "just", "by", "outside", "near", "inside", "over")

// Time words that make a phrase after the verb an adverbial, not a claim.
var timeWords = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "month", "year",
	"earlier", "later", "weekend", "january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "midday", "noon", "midnight", "hours", "minutes")

// channelWords make a phrase a channel of the statement ("in a statement",
// "on Telegram", "at a news conference").
var channelWords = setOf("statement", "statements", "post", "posts", "interview", "conference", "briefing",
	"speech", "address", "video", "message", "letter", "tweet", "comments", "radio", "television", "tv",
	"broadcast", "media", "telegram", "x", "twitter", "facebook", "instagram", "tiktok", "youtube",
	"whatsapp", "website", "blog", "podcast", "channel", "newspaper", "platform", "app", "programme",
	"program", "show", "release", "notice", "email", "parliament", "hearing", "session", "rally",
	"summit", "call", "text", "phone", "telephone", "bluesky", "threads", "linkedin", "broadcaster", "agency", "reporters",
	"journalists", "news", "statement.", "vk", "weibo", "truth")

// Openers of a phrase that comes before the subject without being a claim
// ("On Wednesday, the ministry said …").
var introStarters = setOf("in", "on", "at", "after", "before", "as", "when", "while", "during", "since",
	"following", "later", "earlier", "meanwhile", "however", "separately", "also", "asked", "speaking",
	"late", "early", "yesterday", "today", "overnight", "elsewhere", "still", "but", "and", "so", "then",
	"despite", "amid", "with", "without", "from", "for", "last", "this", "by", "under", "within",
	"moreover", "furthermore", "again", "nonetheless", "nevertheless", "instead", "besides", "there",
	"here", "now", "once", "until", "if", "responding", "writing", "addressing", "in a")

// Adverbs that may stand between a subject and its verb ("later told").
var subjectAdverbs = setOf("later", "also", "earlier", "previously", "again", "then", "now", "has", "have",
	"had", "reportedly", "repeatedly", "publicly", "separately", "initially", "first", "further",
	"subsequently", "similarly", "likewise", "meanwhile", "however", "only", "even", "himself", "herself",
	"itself", "themselves", "already", "since", "officially", "formally", "privately", "allegedly", "always",
	"long", "consistently", "frequently", "often", "just", "recently", "still", "never", "openly", "clearly",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
	"tonight", "overnight")

// Conjunctions that may open a subject segment (", and the union said").
var leadingConjunctions = setOf("and", "but", "while", "as", "so", "yet", "then", "meanwhile", "whereas", "though", "although", "however")

// Possessives and articles that open a noun phrase.
var nounPhraseOpeners = setOf("the", "a", "an", "our", "his", "her", "their", "its", "local", "state", "this", "that", "one")

// Name connectors that may stand between capitalised words of a name.
var nameConnectors = setOf("&", "of", "de", "van", "von", "al", "bin", "la", "le", "du", "da", "der", "del", "for", "and", "the", "el", "di", "dos", "das", "ibn")

// Generic objects of a denial that carry no claim of their own ("rejected
// the accusation").
var genericDenied = setOf("accusation", "accusations", "claim", "claims", "allegation", "allegations",
	"report", "reports", "criticism", "criticisms", "charge", "charges", "this", "it", "that", "them",
	"suggestion", "suggestions", "account", "accounts", "rumour", "rumours", "rumor", "rumors",
	"speculation", "assertion", "assertions", "statement", "statements", "idea", "notion", "version",
	"characterisation", "characterization", "criticism.", "request", "demand", "demands", "offer", "proposal")

// auxiliaries take "not" in a denied statement ("it was overwhelmed" → "it
// was not overwhelmed").
var auxiliaries = setOf("is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
	"can", "did", "does", "do", "should", "must", "might", "may")

// inSet looks up the lower-case form of w in set without allocating for
// short words.
func inSet(set map[string]bool, w string) bool {
	var buf [40]byte
	if len(w) > len(buf) {
		return set[lowerASCII(w)]
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return set[string(b)]
}

// germanReportingVerbs let German news tickers be read with the same
// frames: "X sagte, C", "C, sagte X", "X teilte mit, dass C". The forms do
// not occur in English text.
var germanReportingVerbs = map[string]verbInfo{
	"sagte": {kind: vSay, display: "sagte"}, "sagt": {kind: vSay, display: "sagt"},
	"sagten": {kind: vSay, display: "sagten"}, "erklärte": {kind: vSay, display: "erklärte"},
	"erklärt": {kind: vSay, display: "erklärt"}, "betonte": {kind: vSay, display: "betonte"},
	"warnte": {kind: vSay, display: "warnte"}, "berichtete": {kind: vSay, display: "berichtete"},
	"berichtet": {kind: vSay, display: "berichtet"}, "berichten": {kind: vSay, display: "berichten"},
	"meldete": {kind: vSay, display: "meldete"}, "meldet": {kind: vSay, display: "meldet"},
	"schrieb": {kind: vSay, display: "schrieb"}, "bestätigte": {kind: vSay, display: "bestätigte"},
	"mitteilte": {kind: vSay, display: "mitteilte"}, "teilte": {kind: vSay, display: "teilte mit"},
	"hieß": {kind: vSay, display: "hieß"}, "kündigte": {kind: vSay, display: "kündigte an"},
	"räumte": {kind: vSay, display: "räumte ein"}, "forderte": {kind: vSay, display: "forderte", needsTo: true},
	"dementierte": {kind: vDeny, display: "dementierte"}, "bestritt": {kind: vDeny, display: "bestritt"},
}
