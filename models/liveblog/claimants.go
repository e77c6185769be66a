package liveblog

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
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
	"games", "olympics", "festival", "cup", "championship", "championships", "awards", "summit", "expo", "fair")

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
	s = removeParentheses(s)
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
		case strings.HasPrefix(low, "who ") || strings.HasPrefix(low, "which ") || strings.HasPrefix(low, "whose "):
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
var placePrepositions = setOf("in", "at", "of", "from", "for", "near", "outside", "inside", "on", "with", "to", "by")

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

// mention is a speaker or a name seen in an entry, kept to resolve
// pronouns, surnames and roles.
type mention struct {
	name   string
	role   string
	head   string // roleHead(role), computed once
	last   string // last word of name, lower case
	multi  bool   // name has more than one word
	person bool
	plural bool // a description of several speakers ("correspondents in the capital")
	// speaker: the mention is of someone who spoke, not a name in passing.
	speaker bool
	pos     int
}

// entityIndex holds the mentions of one entry, ordered by position, with
// look-up tables so resolution needs no scan of the whole entry.
type entityIndex struct {
	ms      []mention
	byHead  map[string][]int
	byLast  map[string][]int
	persons []int
	orgs    []int
	plurals []int            // descriptions of several speakers, for "they"
	bodies  []int            // descriptions of one body that spoke ("the government"), for "it"
	people  []int            // descriptions of one person who spoke ("the resident"), for "he", "she"
	descs   map[string][]int // descriptions without a name, by head
	// dinfo caches, per mention index, a description taken apart for
	// resolveDescription, so it is done once per mention and not once per
	// claim that looks at it.
	dinfo []*descInfo
	// subjects is the blog's cache of analyzeSubject (see subject).
	subjects map[string]*subjectInfo
	// surnames maps the surname of each person named in full so far to
	// the full name, so a later bare "Andaya" is a mention of him.
	surnames map[string]string
}

// subject returns analyzeSubject(raw), from the cache shared by the whole
// text when the phrase was seen before: names and roles recur in every
// paragraph, and taking one apart costs several allocations.
//
// The result is shared by every claim of that speaker and must not be
// changed; sharing keeps a claim's record small in a claim-dense text.
func (ix *entityIndex) subject(raw string) *subjectInfo {
	if si, ok := ix.subjects[raw]; ok {
		return si
	}
	si := analyzeSubject(raw)
	if ix.subjects != nil {
		ix.subjects[raw] = &si
	}
	return &si
}

// descWindow is how many descriptions with the same head, before and after
// a claim, resolveDescription looks at for a fuller one. A description
// refers to one given nearby; the bound keeps the work per claim constant.
const descWindow = 64

// descInfo is a description without its leading "the", its head and its
// content words.
type descInfo struct {
	text  string
	head  string
	words []string
}

// descInfo returns the description of mention k taken apart, computing it
// on first use.
func (ix *entityIndex) descInfo(k int) *descInfo {
	if len(ix.dinfo) < len(ix.ms) {
		ix.dinfo = append(ix.dinfo, make([]*descInfo, len(ix.ms)-len(ix.dinfo))...)
	}
	if d := ix.dinfo[k]; d != nil {
		return d
	}
	t := strings.TrimSpace(ix.ms[k].role)
	if strings.HasPrefix(lowerASCII(t), "the ") {
		t = t[4:]
	}
	d := &descInfo{text: t, head: roleHead(t), words: contentWords(t)}
	ix.dinfo[k] = d
	return d
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

// blogIndex carries names from earlier entries: surnames and role heads.
type blogIndex struct {
	bySurname map[string]string
	byHead    map[string]string
	// subjects caches analyzeSubject for the whole text; it is a pure
	// function of the phrase.
	subjects map[string]*subjectInfo
}

func newBlogIndex() *blogIndex {
	return &blogIndex{bySurname: map[string]string{}, byHead: map[string]string{}, subjects: map[string]*subjectInfo{}}
}

func (ix *entityIndex) add(m mention) {
	m.head = roleHead(m.role)
	if m.speaker && m.name == "" && m.head != "" {
		m.plural = isPluralHead(m.head)
	}
	if m.name != "" {
		k := strings.LastIndexByte(m.name, ' ')
		m.last, m.multi = lowerASCII(m.name[k+1:]), k >= 0
		if m.person && m.multi {
			if ix.surnames == nil {
				ix.surnames = map[string]string{}
			}
			ix.surnames[m.last] = m.name
		}
	}
	ix.ms = append(ix.ms, m)
}

// build sorts the mentions and fills the look-up tables.
func (ix *entityIndex) build() {
	slices.SortStableFunc(ix.ms, func(a, b mention) int { return cmp.Compare(a.pos, b.pos) })
	ix.byHead, ix.byLast, ix.descs = map[string][]int{}, map[string][]int{}, map[string][]int{}
	var surnames map[string]bool
	for _, m := range ix.ms {
		if m.person && m.multi {
			if surnames == nil {
				surnames = map[string]bool{}
			}
			surnames[m.last] = true
		}
	}
	for i := range ix.ms {
		if m := &ix.ms[i]; !m.person && !m.multi && surnames[m.last] {
			m.person = true // "Borg" after "Ana Borg"
		}
	}
	var heads, lasts, descs []keyedIndex
	// Every list of the index is a part of one array: a list per key
	// grown by appending would cost an allocation per name.
	lists := make([]int, 0, len(ix.ms)) // the five lists below do not overlap
	for i, m := range ix.ms {
		if m.name != "" {
			if m.head != "" {
				heads = append(heads, keyedIndex{m.head, i})
			}
			last := m.last
			lasts = append(lasts, keyedIndex{last, i})
			if last != m.head {
				heads = append(heads, keyedIndex{last, i})
			}
		} else if m.head != "" {
			descs = append(descs, keyedIndex{m.head, i})
		}
	}
	ix.persons, lists = appendIndexes(lists, ix.ms, func(m mention) bool { return m.name != "" && m.person })
	ix.orgs, lists = appendIndexes(lists, ix.ms, func(m mention) bool { return m.name != "" && !m.person })
	ix.plurals, lists = appendIndexes(lists, ix.ms, func(m mention) bool { return m.name == "" && m.head != "" && m.plural })
	ix.bodies, lists = appendIndexes(lists, ix.ms, func(m mention) bool {
		return m.name == "" && m.head != "" && !m.plural && m.speaker && !m.person
	})
	ix.people, _ = appendIndexes(lists, ix.ms, func(m mention) bool {
		return m.name == "" && m.head != "" && !m.plural && m.speaker && m.person
	})
	ix.byHead, ix.byLast, ix.descs = groupIndexes(heads), groupIndexes(lasts), groupIndexes(descs)
}

// appendIndexes appends to free the indexes of the mentions that pass ok
// and returns them as a list of their own, and the rest of free.
func appendIndexes(free []int, ms []mention, ok func(mention) bool) (list, rest []int) {
	for i, m := range ms {
		if ok(m) {
			free = append(free, i)
		}
	}
	return free[:len(free):len(free)], free[len(free):]
}

// keyedIndex is a mention's index under one of its look-up keys.
type keyedIndex struct {
	key string
	i   int
}

// groupIndexes turns keyed indexes, in the order of the mentions, into a
// table from key to the mentions' indexes, each list in mention order and
// all of them parts of one array.
func groupIndexes(ks []keyedIndex) map[string][]int {
	if len(ks) == 0 {
		return nil
	}
	slices.SortStableFunc(ks, func(a, b keyedIndex) int { return strings.Compare(a.key, b.key) })
	keys := 1
	for k := 1; k < len(ks); k++ {
		if ks[k].key != ks[k-1].key {
			keys++
		}
	}
	table := make(map[string][]int, keys)
	all := make([]int, len(ks))
	for start := 0; start < len(ks); {
		end := start
		for end < len(ks) && ks[end].key == ks[start].key {
			all[end] = ks[end].i
			end++
		}
		table[ks[start].key] = all[start:end:end]
		start = end
	}
	return table
}

// nearest returns the index in list of the mention nearest before pos,
// else the first after it, checking up to a few candidates with ok.
func (ix *entityIndex) nearest(list []int, pos int, ok func(mention) bool) int {
	k := sort.Search(len(list), func(i int) bool { return ix.ms[list[i]].pos >= pos })
	for i, n := k-1, 0; i >= 0 && n < 8; i, n = i-1, n+1 {
		if ok == nil || ok(ix.ms[list[i]]) {
			return list[i]
		}
	}
	for i, n := k, 0; i < len(list) && n < 8; i, n = i+1, n+1 {
		if ok == nil || ok(ix.ms[list[i]]) {
			return list[i]
		}
	}
	return -1
}

// isPersonName guesses whether a name without a role is a person: two or
// three capitalised words, none of them an organisation word or acronym.
func isPersonName(name string) bool {
	ws := appendFields(make([]string, 0, 8), name)
	if len(ws) < 2 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		if inSet(orgWords, w) || (len(w) > 1 && !hasLowerLetter(w)) || strings.EqualFold(w, "and") || w == "&" {
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
	for _, w := range strings.Fields(lowerASCII(role)) {
		if personRoles[w] || w == "who" {
			return name != "" && !containsOrgWord(name)
		}
	}
	return isPersonName(name)
}

func containsOrgWord(name string) bool {
	for _, w := range strings.Fields(lowerASCII(name)) {
		if orgWords[w] {
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

// appendFields appends the fields of s, as strings.Fields splits them, to
// out, so a caller can keep them in a buffer on its stack.
func appendFields(out []string, s string) []string {
	space := func(i int) (bool, int) {
		if c := s[i]; c < utf8.RuneSelf {
			return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r', 1
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		return unicode.IsSpace(r), size
	}
	for i := 0; i < len(s); {
		if sp, size := space(i); sp {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			sp, size := space(j)
			if sp {
				break
			}
			j += size
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// resolve returns the fullest name the text gives for a speaker at pos.
func (ix *entityIndex) resolve(si *subjectInfo, pos int, blog *blogIndex) string {
	switch {
	case si.name != "":
		return ix.fullName(si.name, pos, blog)
	case si.pron == "he" || si.pron == "she":
		// A described person who spoke last ("the resident told AFP …
		// he added") before any named one.
		d := ix.nearestBefore(ix.people, pos)
		if p := ix.nearestBefore(ix.persons, pos); d >= 0 && (p < 0 || ix.ms[d].pos > ix.ms[p].pos) {
			return ix.resolveDescription(ix.ms[d].role, ix.ms[d].pos, blog)
		}
		if k := ix.nearest(ix.persons, pos, nil); k >= 0 {
			return ix.fullName(ix.ms[k].name, pos, blog)
		}
	case si.pron == "they" && si.role == "":
		// "Correspondents report …. They say …": the nearest speakers
		// described in the plural, else the nearest organisation.
		p := ix.nearestBefore(ix.plurals, pos)
		o := ix.nearestBefore(ix.orgs, pos)
		switch {
		case p >= 0 && (o < 0 || ix.ms[p].pos > ix.ms[o].pos):
			return ix.ms[p].role
		case o >= 0:
			return ix.ms[o].name
		}
	case si.pron == "it":
		// The nearest body: a named organisation, or a described one
		// that spoke last ("The government said …. … it said").
		b := ix.nearestBefore(ix.bodies, pos)
		o := ix.nearestBefore(ix.orgs, pos)
		if b >= 0 && (o < 0 || ix.ms[b].pos > ix.ms[o].pos) {
			return ix.resolveDescription(ix.ms[b].role, ix.ms[b].pos, blog)
		}
		if k := ix.nearest(ix.orgs, pos, nil); k >= 0 {
			return ix.ms[k].name
		}
	case isFormerLatter(si.role):
		if name := ix.formerLatter(lowerASCII(strings.TrimSpace(si.role)), pos); name != "" {
			return ix.fullName(name, pos, blog)
		}
	case si.pron != "" && si.role != "":
		// "Its commander": a named mention with that role, else the body
		// it belongs to.
		h := roleHead(si.role)
		if k := ix.nearest(ix.byHead[h], pos, func(m mention) bool { return describes(si.role, m) }); k >= 0 && ix.ms[k].person {
			return ix.fullName(ix.ms[k].name, pos, blog)
		}
		if si.pron == "its" || si.pron == "their" {
			if k := ix.nearest(ix.orgs, pos, nil); k >= 0 {
				return ix.ms[k].name + " " + si.role
			}
		}
	case si.role != "":
		return ix.resolveDescription(si.role, pos, blog)
	}
	return strings.TrimSpace(si.raw)
}

// nearestBefore returns the index in list of the last mention before pos,
// or -1.
func (ix *entityIndex) nearestBefore(list []int, pos int) int {
	k := sort.Search(len(list), func(i int) bool { return ix.ms[list[i]].pos >= pos })
	if k == 0 {
		return -1
	}
	return list[k-1]
}

// isFormerLatter reports whether a speaker is "the former" or "the latter".
func isFormerLatter(role string) bool {
	r := strings.TrimSpace(role)
	return strings.EqualFold(r, "the former") || strings.EqualFold(r, "the latter")
}

// formerLatter resolves "the latter" to the last name mentioned before pos
// and "the former" to the one before it; "" when the entry names fewer
// than two before pos.
func (ix *entityIndex) formerLatter(which string, pos int) string {
	k := sort.Search(len(ix.ms), func(i int) bool { return ix.ms[i].pos >= pos })
	var names []string
	for i := k - 1; i >= 0 && k-i <= 8 && len(names) < 2; i-- {
		if n := ix.ms[i].name; n != "" && (len(names) == 0 || n != names[0]) {
			names = append(names, n)
		}
	}
	if len(names) < 2 {
		return ""
	}
	if which == "the latter" {
		return names[0]
	}
	return names[1]
}

// isPluralHead reports whether the head of a description without a name
// speaks of several people ("correspondents in the capital", "Local
// media").
func isPluralHead(h string) bool {
	return commonSubjects[h] || pluralSubjects[h] || h == "media" ||
		(len(h) > 3 && strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") && !strings.HasSuffix(h, "'s") && !strings.HasSuffix(h, "’s"))
}

// fullName expands a surname ("Kellner") to the full name given in the
// entry or, failing that, earlier in the blog.
func (ix *entityIndex) fullName(name string, pos int, blog *blogIndex) string {
	if strings.TrimSpace(name) == "" || strings.ContainsFunc(strings.TrimSpace(name), unicode.IsSpace) {
		return name
	}
	low := lowerASCII(name)
	if k := ix.nearest(ix.byLast[low], pos, func(m mention) bool { return strings.Contains(m.name, " ") }); k >= 0 {
		return ix.ms[k].name
	}
	if full, ok := blog.bySurname[low]; ok {
		return full
	}
	return name
}

// resolveDescription turns "the governor" or "the operator" into the name or
// fuller description it refers to in the entry, or earlier in the blog.
func (ix *entityIndex) resolveDescription(role string, pos int, blog *blogIndex) string {
	clean := strings.TrimSpace(role)
	low := lowerASCII(clean)
	if !strings.HasPrefix(low, "the ") || len(contentWords(clean)) > 3 {
		return lowerFirstArticle(clean)
	}
	h := roleHead(clean)
	if k := ix.nearest(ix.byHead[h], pos, func(m mention) bool { return describes(clean, m) }); k >= 0 {
		return ix.fullName(ix.ms[k].name, pos, blog)
	}
	// A fuller description of the same body: "the operator" → "national
	// rail operator". Only the descriptions with this head near pos are
	// looked at (descWindow on either side), so that an entry with
	// thousands of "the ministry" costs the same per claim as a short one.
	cw := contentWords(clean)
	best := ""
	list := ix.descs[h]
	at := sort.Search(len(list), func(i int) bool { return ix.ms[list[i]].pos >= pos })
	for _, k := range list[max(0, at-descWindow):min(len(list), at+descWindow)] {
		dd := ix.descInfo(k)
		if len(dd.words) > len(cw) && dd.head == h && containsAll(dd.words, cw) && len(dd.text) > len(best) {
			best = dd.text
		}
		if len(best) > 0 && k > 16 {
			break
		}
	}
	if best != "" {
		return best
	}
	if genericOrgHeads[h] && len(cw) == 1 {
		// "the company": the organisation named last before it.
		k := sort.Search(len(ix.orgs), func(i int) bool { return ix.ms[ix.orgs[i]].pos >= pos })
		if k > 0 {
			return ix.ms[ix.orgs[k-1]].name
		}
	}
	if len(cw) == 1 {
		if n, ok := blog.byHead[h]; ok {
			return n
		}
	}
	return lowerFirstArticle(clean)
}

// remember passes the entry's names on to later entries.
func (ix *entityIndex) remember(blog *blogIndex) {
	for _, m := range ix.ms {
		if m.name == "" {
			continue
		}
		if m.person && m.multi {
			blog.bySurname[m.last] = m.name
		}
		if m.head != "" {
			blog.byHead[m.head] = m.name
		}
	}
}

// scanNames registers the names of a sentence with the descriptions printed
// next to them ("party leader Tomas Wendt", "the mayor, Ilse Baumann,"), so
// roles and pronouns can be resolved to names mentioned only in passing.
func (ix *entityIndex) scanNames(s string, qs []span, ws []word, base int) {
	for i := 0; i < len(ws); i++ {
		if !isCapitalized(ws[i].text) || inSpans(qs, ws[i].s) {
			continue
		}
		j := i
		for j+1 < len(ws) && strings.TrimSpace(s[ws[j].e:ws[j+1].s]) == "" &&
			(isCapitalized(ws[j+1].text) || (nameConnectors[ws[j+1].lower] && j+2 < len(ws) && isCapitalized(ws[j+2].text))) {
			j++
		}
		start := i
		for start <= j && (sentenceStarters[ws[start].lower] || (start == 0 && !isNameStart(ws[start].lower))) {
			start++
		}
		if j-start < 1 {
			if j == start && j < len(ws) {
				// A surname alone, of a person named in full before.
				if full, ok := ix.surnames[ws[j].lower]; ok {
					ix.add(mention{name: full, person: true, pos: base + ws[j].s})
				}
			}
			i = j
			continue
		}
		name := s[ws[start].s:ws[j].e]
		// "Mayor Richard Bissen’s office": the name without the possessive.
		name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
		si := ix.subject(name)
		if si.name == "" || !strings.Contains(si.name, " ") {
			i = j
			continue
		}
		role := si.role
		// Description before: "party leader Tomas Wendt" / "the mayor, Ilse Baumann".
		if role == "" && start > 0 {
			role = descriptionBefore(s, ws, start)
		}
		// Description after: "Ilse Baumann, the mayor of Brück,".
		if role == "" && j+1 < len(ws) {
			rest := s[ws[j].e:]
			if strings.HasPrefix(rest, ", ") {
				seg := rest[2:]
				if k := strings.IndexAny(seg, ",.;"); k >= 0 {
					seg = seg[:k]
				}
				if isRoleAppositive(seg) {
					role = strings.TrimSpace(seg)
				}
			}
		}
		// "in Viña del Mar": a name after a place preposition is a place.
		person := classify(si.name, role, "") && !(start > 0 && placePrepositions[ws[start-1].lower])
		ix.add(mention{name: si.name, role: role, person: person, pos: base + ws[start].s})
		i = j
	}
}

// sentenceStarters are capitalised words that open a sentence without being
// part of a name.
var sentenceStarters = setOf("the", "a", "an", "in", "on", "at", "but", "and", "it", "he", "she", "they",
	"we", "there", "this", "that", "according", "after", "before", "as", "when", "while", "its", "his",
	"her", "their", "our", "opposition", "transport", "former", "acting", "local", "regional", "state")

// isNameStart reports whether a sentence-initial word may begin a name.
func isNameStart(low string) bool { return !sentenceStarters[low] }

// descriptionBefore returns the lower-case words right before a name ("party
// leader"), or the appositive before a comma ("the mayor of Brück,").
func descriptionBefore(s string, ws []word, start int) string {
	gap := s[ws[start-1].e:ws[start].s]
	if strings.TrimSpace(gap) == "," {
		// "ROLE, NAME": back to the previous comma or clause start.
		k := start - 1
		for k > 0 && !strings.ContainsAny(s[ws[k-1].e:ws[k].s], ",;:\"“”") && start-k < 10 {
			k--
		}
		seg := strings.TrimSpace(s[ws[k].s:ws[start-1].e])
		if isRoleAppositive(seg) || strings.HasPrefix(lowerASCII(seg), "the ") {
			return seg
		}
		return ""
	}
	if strings.TrimSpace(gap) != "" {
		return ""
	}
	k := start
	for k > 0 && start-k < 3 && strings.TrimSpace(s[ws[k-1].e:ws[k].s]) == "" && !isCapitalized(ws[k-1].text) &&
		!descStop[ws[k-1].lower] && !phraseStarters[ws[k-1].lower] {
		if _, v := reportingVerbs[ws[k-1].lower]; v {
			break
		}
		k--
	}
	if k == start {
		return ""
	}
	return s[ws[k].s:ws[start-1].e]
}
