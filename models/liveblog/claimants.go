package liveblog

import (
	"slices"
	"strings"
)

// subjectInfo is a speaker phrase taken apart: the proper name it contains,
// the description around it, a pronoun, and asides about the channel.
type subjectInfo struct {
	raw     string
	name    string // "Marta Kellner", "Civil Rescue Corps"
	role    string // "head of the regional civil protection authority"
	pron    string // "he", "she", "it", "they", "its", "his", "her", "their"
	via     string // "quoted by state radio"
	channel string
}

// titles stand before a name and are not part of it ("Governor Vyacheslav
// Gladkov", "Foreign Minister Sergei Lavrov").
var titles = setOf("president", "minister", "governor", "gov", "mayor", "senator", "sen", "rep",
	"representative", "general", "gen", "colonel", "col", "lt", "lieutenant", "captain", "capt",
	"commander", "chief", "secretary", "spokesman", "spokeswoman", "spokesperson", "mr", "mrs", "ms",
	"dr", "prof", "professor", "judge", "justice", "king", "queen", "prince", "princess", "pope",
	"chancellor", "ambassador", "director", "chairman", "chairwoman", "ceo", "officer", "sheriff",
	"deputy", "speaker", "leader", "envoy", "commissioner", "inspector", "sergeant", "sgt", "admiral",
	"adm", "archbishop", "bishop", "sheikh", "emir", "sultan", "premier", "lord", "dame", "sir",
	"councillor", "councilor", "economist", "head", "coordinator", "founder", "manager", "mp", "mep", "dg",
	"administrator", "superintendent", "attorney", "solicitor", "auditor", "registrar", "ombudsman")

// personRoles are description heads that make a speaker a person, which is
// what "he" and "she" refer back to.
var personRoles = setOf("leader", "minister", "spokesman", "spokeswoman", "spokesperson", "commander",
	"mayor", "governor", "president", "economist", "head", "chief", "director", "chairman", "chairwoman",
	"secretary", "official", "officer", "doctor", "analyst", "expert", "witness", "resident", "lawyer",
	"prosecutor", "judge", "senator", "lawmaker", "mp", "general", "colonel", "envoy", "ambassador",
	"adviser", "advisor", "aide", "deputy", "manager", "founder", "ceo", "chancellor", "king", "queen",
	"professor", "scientist", "researcher", "reporter", "correspondent", "editor", "negotiator",
	"representative", "member", "activist", "survivor", "eyewitness", "mother", "father", "owner",
	"farmer", "driver", "nurse", "surgeon", "paramedic", "firefighter", "captain", "pilot", "teacher",
	"student", "worker", "coordinator", "sheriff", "inspector", "premier", "commissioner", "councillor",
	"seismologist", "meteorologist", "forecaster", "lawyer", "attorney", "spokeswoman", "historian", "engineer", "physician", "medic", "man", "woman",
	"chairperson", "who", "mr", "mrs", "ms", "dr", "prof", "sen", "gov", "rep", "gen", "administrator", "superintendent")

// orgWords in a name make it an organisation rather than a person.
var orgWords = setOf("ministry", "corps", "union", "alliance", "agency", "association", "institute",
	"authority", "council", "party", "group", "army", "forces", "police", "service", "services", "office",
	"committee", "department", "company", "inc", "ltd", "bank", "fund", "organization", "organisation",
	"front", "brigade", "battalion", "movement", "league", "court", "government", "commission", "news",
	"times", "post", "radio", "tv", "television", "media", "university", "hospital", "cross", "crescent",
	"terminals", "energie", "energy", "airlines", "railways", "rail", "network", "centre", "center",
	"foundation", "federation", "guard", "navy", "command", "kremlin", "pentagon", "parliament", "senate",
	"congress", "assembly", "cabinet", "embassy", "mission", "nations", "international", "watch",
	"industries", "group", "holdings", "corporation", "corp", "co", "gmbh", "ag", "sa", "plc", "llc",
	"reuters", "press", "observatory", "unit", "units", "squad", "regiment", "division", "operator",
	"institute", "hamas", "hezbollah", "nato", "un", "eu", "who", "board", "bureau", "directorate", "house",
	"power", "grid", "oil", "gas", "water", "airways", "motors", "systems", "technologies", "solutions",
	"partners", "capital", "pharma", "logistics", "shipping", "lines", "mining", "steel", "electric",
	"telecom", "communications", "guardians", "brigades", "council", "club", "church", "school", "city",
	"games", "olympics", "festival", "cup", "championship", "championships", "awards", "summit", "expo", "fair",
	"monitor", "campaign", "initiative", "coalition", "amnesty", "collective", "society", "caucus")

// commonSubjects are plural or generic nouns that start a sentence with a
// capital but are not names ("Police said", "Officials say").
var commonSubjects = setOf("police", "officials", "residents", "witnesses", "authorities", "rescuers",
	"doctors", "experts", "analysts", "sources", "officers", "troops", "soldiers", "locals", "medics",
	"paramedics", "firefighters", "investigators", "prosecutors", "lawmakers", "critics", "activists",
	"organisers", "organizers", "protesters", "demonstrators", "survivors", "others", "some", "many",
	"reports", "observers", "insurers", "economists", "scientists", "researchers", "engineers", "workers",
	"farmers", "hospitals", "aid", "rebels", "militants", "separatists", "villagers", "relatives", "families")

var pronouns = setOf("he", "she", "it", "they", "we", "i")
var possessives = setOf("its", "his", "her", "their")

// outletWords make a speaker a news outlet, whose "reported" relays what
// others said.
var outletWords = setOf("reuters", "afp", "ap", "tass", "ria", "interfax", "xinhua", "yonhap", "kyodo",
	"anadolu", "bbc", "cnn", "agency", "media", "newspaper", "broadcaster", "television", "tv", "radio",
	"daily", "outlet", "outlets", "wire", "magazine", "times", "post", "journal", "jazeera", "guardian",
	"nbc", "cbs", "abc", "fox", "dpa", "efe", "ansa", "pap", "ukrinform", "kommersant", "izvestia",
	"pravda", "press", "channel", "website", "tabloid", "network", "bloomberg", "axios", "politico")

// isOutlet reports whether a speaker is a news outlet.
func isOutlet(subj string) bool {
	for _, w := range words(subj) {
		if outletWords[w.lower] {
			return true
		}
	}
	return false
}

// analyzeSubject takes a speaker phrase apart.
func analyzeSubject(raw string) subjectInfo {
	si := subjectInfo{raw: raw}
	s := strings.TrimSpace(strings.Trim(raw, " \"“”‘’'.,;:–—-"))
	s = removeParentheses(keepInitialismDot(raw, s))
	s = withoutTrailingRelative(s) // "officials in other provinces who [earlier gave …]"
	var parts []string
	for _, sp := range topLevelSplit(s, nil, 0, len(s)) {
		p := s[sp.s:sp.e]
		p = strings.TrimSpace(p)
		low := lowerASCII(p)
		switch {
		case p == "" || isAge(p) || isAnonymity(low):
		case strings.HasPrefix(low, "quoted by ") || strings.HasPrefix(low, "cited by ") || strings.HasPrefix(low, "quoted in "):
			si.via = p
		case strings.HasPrefix(low, "speaking ") || strings.HasPrefix(low, "reporting from ") || strings.HasPrefix(low, "talking to ") || strings.HasPrefix(low, "in a ") || strings.HasPrefix(low, "in an ") || strings.HasPrefix(low, "writing ") ||
			((strings.HasPrefix(low, "in ") || strings.HasPrefix(low, "on ") || strings.HasPrefix(low, "at ")) && channelPhrase(p) != ""):
			si.channel = p
		case len(parts) > 0 && (strings.HasPrefix(low, "where ") || strings.HasPrefix(low, "formerly ") || strings.HasPrefix(low, "previously ") || isSpeakerAside(p)):
			// "The mayor of Dunmore, where support is strong,": an aside.
		case strings.HasPrefix(p, "who ") || strings.HasPrefix(p, "which ") || strings.HasPrefix(p, "whose "):
			// Lower case: "WHO Director General …" is no relative clause.
			if si.role == "" && len(parts) > 0 {
				si.role = p
			}
		default:
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return si
	}
	if len(parts) >= 2 && placeAndCountry(parts[len(parts)-2], parts[len(parts)-1]) {
		parts = parts[:len(parts)-1]
	}
	if len(parts) >= 3 && nameLike(parts[0]) && (!nameLike(parts[1]) && !nameLike(parts[len(parts)-1]) || isOfficeTitle(parts[1])) {
		// "Ana Borg, a resident of Aparri, a coastal town in the north":
		// the later appositives describe the office's place.
		si.name, si.role = cleanName(parts[0]), parts[1]
		return si
	}
	if len(parts) >= 2 {
		a, b := parts[len(parts)-2], parts[len(parts)-1]
		switch {
		case nameLike(b) && !nameLike(a):
			si.role, si.name = a, cleanName(b)
			return si
		case nameLike(a):
			si.name, si.role = cleanName(a), b
			return si
		}
		parts = parts[len(parts)-1:]
	}
	p := parts[0]
	ws := strings.Fields(p)
	first := lowerASCII(ws[0])
	if len(ws) == 1 && pronouns[first] {
		si.pron = first
		return si
	}
	if possessives[first] && len(ws) > 1 {
		si.pron = first
		p = strings.Join(ws[1:], " ")
		ws = ws[1:]
	}
	// Trailing capitalised run: "party leader Tomas Wendt".
	r := len(ws)
	for r > 0 && (isCapitalized(ws[r-1]) || (r < len(ws) && r > 1 && inSet(nameConnectors, ws[r-1]) && isCapitalized(ws[r-2]))) {
		r--
	}
	if r == len(ws) || placeBefore(ws, r) {
		si.role = lowerFirstArticle(p)
		return si
	}
	name := strings.Join(ws[r:], " ")
	role := strings.Join(ws[:r], " ")
	if r == 0 && len(ws) == 1 && inSet(commonSubjects, ws[0]) {
		si.role = p
		return si
	}
	if r > 0 && r == len(ws)-1 && inSet(genericOutlets, ws[r]) {
		si.role = lowerFirstArticle(p) // "state TV": a kind of outlet, not one called "TV"
		return si
	}
	if strings.HasSuffix(name, "'s") || strings.HasSuffix(name, "’s") {
		si.role = lowerFirstArticle(p) // "Ukraine's" in "Ukraine's military" is not the speaker
		return si
	}
	// Titles inside the run belong to the role.
	nws := strings.Fields(name)
	lastTitle := -1
	for i, w := range nws {
		lw := lowerASCII(strings.TrimSuffix(w, "."))
		if titles[lw] || (i == lastTitle+1 && personRoles[lw] && i < len(nws)-1) {
			lastTitle = i
		}
	}
	if lastTitle >= 0 {
		k := lastTitle + 1
		if k < len(nws) && (strings.EqualFold(nws[k], "of") || strings.EqualFold(nws[k], "for")) && k+1 < len(nws) {
			if len(nws) == k+3 {
				// "Mayor of Ost Varna": one word after "of X" ends the
				// place's name; it is no person's ("Secretary of State
				// Ana Diaz" has two).
				si.role = lowerFirstArticle(p)
				return si
			}
			k += 2
		}
		role = strings.TrimSpace(role + " " + strings.Join(nws[:lastTitle+1], " "))
		nws = nws[k:]
	}
	if len(nws) == 0 {
		si.role = p
		return si
	}
	si.name = cleanName(strings.Join(nws, " "))
	si.role = role
	if si.name == "" {
		si.role = p
	}
	return si
}

// placeBefore reports whether a preposition stands shortly before the
// capitalised run starting at ws[r] ("president of the typhoon-ravaged
// Philippines"), which makes the run a complement, not the speaker.
func placeBefore(ws []string, r int) bool {
	for k := r - 1; k >= 0 && k >= r-3; k-- {
		if inSet(placePrepositions, ws[k]) {
			return true
		}
		if isCapitalized(ws[k]) {
			return false
		}
	}
	return false
}

// placePrepositions before a capitalised run make it a complement ("a doctor
// at the hospital in Vellamar"), not the speaker's name.
var placePrepositions = setOf("in", "at", "of", "from", "for", "near", "outside", "inside", "on", "with", "to", "by",
	"des", "der") // German genitives: "Sprecher des russischen Ministeriums"

// lowerFirstArticle writes a description's opening article in lower case:
// "The interior ministry" → "the interior ministry".
func lowerFirstArticle(p string) string {
	for _, a := range []string{"The ", "A ", "An "} {
		if strings.HasPrefix(p, a) {
			return lowerASCII(a) + p[len(a):]
		}
	}
	return p
}

// cleanName drops a leading article: "The Civil Rescue Corps" → "Civil
// Rescue Corps".
func cleanName(n string) string {
	n = strings.TrimSpace(n)
	for _, a := range []string{"The ", "the "} {
		n = strings.TrimPrefix(n, a)
	}
	if len(n) <= 4 && inSet(pronouns, n) {
		return ""
	}
	return n
}

func removeParentheses(s string) string {
	for {
		o := strings.IndexByte(s, '(')
		if o < 0 {
			return s
		}
		c := strings.IndexByte(s[o:], ')')
		if c < 0 {
			return strings.TrimSpace(s[:o])
		}
		s = collapseSpaces(s[:o] + " " + s[o+c+1:])
	}
}

// containsAll reports whether every word of want is in have. Both are the
// content words of a short description, so the nested loop is cheap.
func containsAll(have, want []string) bool {
	for _, w := range want {
		found := false
		for _, x := range have {
			if x == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// isPersonName guesses whether a name without a role is a person: two or
// three capitalised words, none of them an organisation word or acronym.
func isPersonName(name string) bool {
	ws := appendFields(make([]string, 0, 8), name)
	if len(ws) < 2 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		if inSet(orgWords, w) || inSet(placeWords, w) || (len(w) > 1 && !hasLowerLetter(w)) || strings.EqualFold(w, "and") || w == "&" {
			return false // an organisation, an acronym, or two names
		}
	}
	return true
}

// classify decides whether a speaker is a person.
func classify(name, role, pron string) bool {
	if pron == "he" || pron == "she" {
		return true
	}
	if h := roleHead(role); h != "" {
		if personRoles[h] {
			return true
		}
		if name == "" || !isPersonName(name) {
			return false
		}
	}
	for _, w := range strings.Fields(role) {
		if inSet(personRoles, w) || (len(w) == 3 && equalLower(w, "who")) {
			return name != "" && !containsOrgWord(name)
		}
	}
	return isPersonName(name)
}

func containsOrgWord(name string) bool {
	for _, w := range strings.Fields(name) {
		if inSet(orgWords, w) {
			return true
		}
	}
	return false
}

// genericOrgHeads are descriptions that refer back to the organisation
// named before ("the company said").
var genericOrgHeads = setOf("company", "firm", "group", "organisation", "organization", "utility",
	"business", "insurer", "airline", "carrier", "charity", "association", "party", "militia", "movement")

// descStop are words a description's meaning does not rest on.
var descStop = setOf("the", "a", "an", "of", "for", "at", "in", "on", "its", "his", "her", "their", "from", "with", "to", "and", "'s", "’s")

// roleHead returns the head noun of a description: "head of the regional
// authority" → "head", "the national rail operator" → "operator",
// "hospital's management" → "management".
func roleHead(role string) string {
	var buf [16]string // a description has few words: no allocation
	ws := appendFields(buf[:0], role)
	if len(ws) == 0 || strings.EqualFold(ws[0], "who") {
		return ""
	}
	end := len(ws)
	for i, w := range ws {
		if i > 0 && inSet(headPrepositions, w) {
			end = i
			break
		}
	}
	for i := end - 1; i >= 0; i-- {
		w := strings.Trim(ws[i], ".,;:\"“”")
		if w != "" && !inSet(descStop, w) {
			return canonicalTitle(lowerASCII(w))
		}
	}
	return ""
}

// canonicalTitle writes an abbreviated title in full, so "Gov. Ana Diaz"
// is the one "the governor" refers to.
func canonicalTitle(w string) string {
	switch w {
	case "gov":
		return "governor"
	case "sen":
		return "senator"
	case "rep":
		return "representative"
	case "gen":
		return "general"
	case "lt":
		return "lieutenant"
	case "col":
		return "colonel"
	case "capt":
		return "captain"
	case "sgt":
		return "sergeant"
	case "adm":
		return "admiral"
	case "pres":
		return "president"
	case "supt":
		return "superintendent"
	case "cmdr":
		return "commander"
	case "insp":
		return "inspector"
	case "dg":
		return "director"
	}
	return w
}

// headPrepositions end the head of a description ("head of …").
var headPrepositions = setOf("of", "for", "at", "in", "from", "on", "with")

// contentWords returns the meaningful words of a phrase, lower-case.
func contentWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		l := canonicalTitle(strings.TrimSuffix(strings.TrimSuffix(w.lower, "'s"), "’s"))
		if !descStop[l] {
			out = append(out, l)
		}
	}
	return out
}

// describes reports whether description d fits mention m: same head noun,
// and every other content word of d found in m's role or name.
func describes(d string, m mention) bool {
	h := roleHead(d)
	nameWords := strings.Fields(lowerASCII(m.name))
	last := ""
	if len(nameWords) > 0 {
		last = nameWords[len(nameWords)-1]
	}
	mh := m.head
	if mh == "" && m.role != "" {
		mh = roleHead(m.role)
	}
	if h == "" || (h != mh && h != last) {
		return false
	}
	// Both word lists are a handful long: scanning them beats building a
	// set on every call.
	have := contentWords(m.role)
	for _, w := range contentWords(d) {
		if !slices.Contains(have, w) && !slices.Contains(nameWords, w) {
			return false
		}
	}
	return true
}

// placeWords end the names of places and buildings, which are not people
// ("the Harbour Hotel", "Tahrir Square"): "he" never refers to one.
var placeWords = setOf("hotel", "hotels", "mosque", "street", "road", "square", "bridge", "airport", "station",
	"stadium", "market", "mall", "park", "palace", "tower", "towers", "port", "river", "lake", "island", "islands",
	"province", "district", "county", "region", "valley", "village", "town", "camp", "beach", "resort", "temple",
	"cathedral", "museum", "avenue", "highway", "boulevard", "plaza", "harbour", "harbor", "mountains", "hills",
	"prison", "base", "refinery", "plant", "dam", "factory", "building", "hall", "arena", "gate", "quarter")
