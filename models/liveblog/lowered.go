package liveblog

import "strings"

// maxLoweredPara is the longest paragraph given a lower-case copy whole;
// a longer one (a page pasted as one line) is lowered a sentence at a time,
// as holding its copy would cost more than making one per sentence.
const maxLoweredPara = 64 << 10

// maxLoweredEntry is the longest entry whose paragraphs are lowered into
// one string; a longer one gets a copy per paragraph, so that no copy of a
// long wire report stays alive while it is read.
const maxLoweredEntry = 1 << 20

// lowered gives the paragraphs of an entry in lower case, in order: one
// allocation for the whole entry rather than one per paragraph.
type lowered struct {
	all string // the paragraphs of at most maxLoweredPara bytes, lowered, one after the other
	at  int    // where the next paragraph's copy starts in all
	one bool   // all holds the copies; else next lowers each paragraph alone
}

// newLowered prepares the lower-case copies of paras, which hold size
// bytes.
func newLowered(paras []string, size int) lowered {
	if size > maxLoweredEntry || len(paras) < 2 {
		return lowered{}
	}
	var b strings.Builder
	b.Grow(size)
	for _, p := range paras {
		if len(p) > maxLoweredPara {
			continue
		}
		for i := 0; i < len(p); i++ {
			b.WriteByte(lowerByte(p[i]))
		}
	}
	return lowered{all: b.String(), one: true}
}

// next returns lowerASCII(para) for the next paragraph, which must be
// para, or "" when para is longer than maxLoweredPara.
func (l *lowered) next(para string) string {
	if len(para) > maxLoweredPara {
		return ""
	}
	if !l.one {
		return lowerASCII(para)
	}
	s := l.all[l.at : l.at+len(para)]
	l.at += len(para)
	return s
}
