package liveblog

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
	sent    int // the sentence it stands in, counted from the entry's start
	// inClaim: a name in passing inside what someone else is reported to
	// have said ("Zakharova denied that Lavrov met …"): it is the
	// content, not a party who could speak on.
	inClaim bool
	// personSpoke: the claim the name stands in is a person's ("He said
	// that Hapilon …"), so "he" goes on being that speaker.
	personSpoke bool
	// opens: the name, or a short description and the name, opens a
	// sentence that goes on ("Union leader Piet
	// Jansen walked out …"), so it is that sentence's subject.
	opens bool
}

// entityIndex holds the mentions of one entry, ordered by position, with
// look-up tables so resolution needs no scan of the whole entry.
type entityIndex struct {
	ms      []mention
	byHead  keyedLists
	byLast  keyedLists
	persons []int
	orgs    []int
	plurals []int      // descriptions of several speakers, for "they"
	bodies  []int      // descriptions of one body that spoke ("the government"), for "it"
	people  []int      // descriptions of one person who spoke ("the resident"), for "he", "she"
	descs   keyedLists // descriptions without a name, by head
	// dinfo caches, per mention index, a description taken apart for
	// resolveDescription, so it is done once per mention and not once per
	// claim that looks at it.
	dinfo []*descInfo
	// subjects is the blog's cache of analyzeSubject (see subject).
	subjects map[string]*knownSubject
	// surnames maps the surname of each person named in full so far to
	// the full name, so a later bare "Andaya" is a mention of him.
	surnames map[string]string
	// sent counts the sentences scanned so far (see scanNames), and
	// sentStart is where the last one's first word stands.
	sent, sentStart int
}

// subject returns analyzeSubject(raw), from the cache shared by the whole
// text when the phrase was seen before: names and roles recur in every
// paragraph, and taking one apart costs several allocations.
//
// The result is shared by every claim of that speaker and must not be
// changed; sharing keeps a claim's record small in a claim-dense text.
func (ix *entityIndex) subject(raw string) *subjectInfo { return &ix.known(raw).subjectInfo }

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
	if hasPrefixLower(t, "the ") {
		t = t[4:]
	}
	d := &descInfo{text: t, head: roleHead(t), words: contentWords(t)}
	ix.dinfo[k] = d
	return d
}

// blogIndex carries names from earlier entries: surnames and role heads.
type blogIndex struct {
	bySurname map[string]string
	byHead    map[string]string
	// subjects caches analyzeSubject for the whole text; it is a pure
	// function of the phrase.
	subjects map[string]*knownSubject
}

func newBlogIndex() *blogIndex {
	return &blogIndex{bySurname: map[string]string{}, byHead: map[string]string{}, subjects: map[string]*knownSubject{}}
}

func (ix *entityIndex) add(m mention) {
	if m.head == "" { // else the caller knows it (see knownSubject)
		m.head = roleHead(m.role)
	}
	m.sent = ix.sent
	if m.speaker && m.name == "" && m.head != "" {
		m.plural = isPluralHead(m.head)
	}
	if m.name != "" {
		k := strings.LastIndexByte(m.name, ' ')
		m.multi = k >= 0
		if m.last == "" { // else the caller knows it (see knownSubject)
			m.last = lowerASCII(m.name[k+1:])
		}
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
	// ix.surnames holds the surname of every person named in full (see
	// add): a one-word name that is one of them is a person too.
	for i := range ix.ms {
		if m := &ix.ms[i]; !m.person && !m.multi && ix.surnames[m.last] != "" {
			m.person = true // "Borg" after "Ana Borg"
		}
	}
	// Every list of the index is a part of one array: a list per key
	// grown by appending would cost an allocation per name.
	lists := make([]int, 0, len(ix.ms)) // the five lists below do not overlap
	n := len(ix.ms)
	keyed := make([]keyedIndex, 4*n) // a name gives two heads and a surname, a description one head
	heads, lasts, descs := keyed[:0:2*n], keyed[2*n:2*n:3*n], keyed[3*n:3*n]
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
	// The three tables' lists are one array, and their keys another.
	nh, nl, nd := sortKeyed(heads), sortKeyed(lasts), sortKeyed(descs)
	all, runs := make([]int, len(heads)+len(lasts)+len(descs)), make([]keyRun, nh+nl+nd)
	ix.byHead = newKeyedLists(heads, nh, all, runs)
	ix.byLast = newKeyedLists(lasts, nl, all[len(heads):], runs[nh:])
	ix.descs = newKeyedLists(descs, nd, all[len(heads)+len(lasts):], runs[nh+nl:])
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

// appendFields appends the fields of s, as strings.Fields splits them, to
// out, so a caller can keep them in a buffer on its stack.
func appendFields(out []string, s string) []string {
	for i := 0; i < len(s); {
		if sp, size := spaceAt(s, i); sp {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			if c := s[j]; c > ' ' && c < utf8.RuneSelf {
				j++ // most bytes: a letter
				continue
			}
			sp, size := spaceAt(s, j)
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

// spaceAt reports whether s holds white space at i, as unicode.IsSpace
// tells it, and the size of the rune there.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r', 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}
