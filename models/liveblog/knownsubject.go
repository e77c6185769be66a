package liveblog

import "strings"

// knownSubject is a speaker phrase taken apart (see analyzeSubject), with
// the answers every claim of that speaker asks for when it is noted as a
// mention: the head of its role, whether it is a person and its surname. A
// speaker recurs in claim after claim, and working them out again for
// each claim showed in the extractor's profile.
type knownSubject struct {
	subjectInfo
	head   string // roleHead(role)
	last   string // the last word of name, lower case (see mention)
	person bool   // classify(name, role, pron)
	// named is classify(name, role, ""): the phrase met as a name in
	// passing (see scanNames), where no pronoun stands for it.
	named bool
}

// known returns the taken-apart phrase raw, from the cache shared by the
// whole text when the phrase was seen before (see subject). The result
// must not be changed.
func (ix *entityIndex) known(raw string) *knownSubject {
	if k, ok := ix.subjects[raw]; ok {
		return k
	}
	k := &knownSubject{subjectInfo: analyzeSubject(raw)}
	k.head, k.person = roleHead(k.role), classify(k.name, k.role, k.pron)
	k.named = k.person
	k.last = lowerASCII(k.name[strings.LastIndexByte(k.name, ' ')+1:])
	if k.pron != "" {
		k.named = classify(k.name, k.role, "")
	}
	if ix.subjects != nil {
		ix.subjects[raw] = k
	}
	return k
}
