package liveblog

// lastAccusation returns the last accusation among items, or nil.
func lastAccusation(items []*item) *item {
	for k := len(items) - 1; k >= 0 && len(items)-k <= 8; k-- {
		if items[k].f.verb == "accused" || items[k].f.verb == "accuses" || items[k].f.verb == "alleged" {
			return items[k]
		}
	}
	return nil
}

// deniedStatement returns the statement a bare denial ("denied it",
// "rejected the claim") answers: the last claim before it, in its own or
// the previous paragraph, made by another speaker; nil if there is none.
func deniedStatement(items []*item, denial *item) *item {
	if len(items) == 0 {
		return nil
	}
	prev := items[len(items)-1]
	if prev.si == denial.si || prev.para < denial.para-1 || prev.f.deny || prev.f.direct {
		return nil
	}
	return prev
}

// mergeDenials joins "denied that C1 and said C2" into one claim and drops
// denials that carry no claim of their own ("rejected the accusation").
func mergeDenials(items []*item) []*item {
	out := items[:0]
	for i := 0; i < len(items); i++ {
		it := items[i]
		if it.f.generic {
			// A bare denial ("denied the accusation") denies the last
			// accusation in the entry.
			if it.f.deny && !(i+1 < len(items) && items[i+1].f.coord && items[i+1].sent == it.sent && items[i+1].para == it.para) {
				if acc := lastAccusation(out); acc != nil {
					it.f.claim, it.f.generic = acc.f.claim, false
					out = append(out, it)
				} else if prev := deniedStatement(out, it); prev != nil {
					// "The rebels said they took the airport. The army
					// denied it.": the army says the opposite.
					it.f.claim, it.f.generic = negate(prev.f.claim), false
					out = append(out, it)
				}
			}
			continue
		}
		if it.f.deny && i+1 < len(items) {
			n := items[i+1]
			if n.f.coord && n.para == it.para && n.sent == it.sent && !n.f.deny && n.f.claim != "" {
				it.f.claim = it.f.claim + " and " + n.f.claim
				if it.f.channel == "" {
					it.f.channel = n.f.channel
				}
				i++
			}
		}
		out = append(out, it)
	}
	return out
}
