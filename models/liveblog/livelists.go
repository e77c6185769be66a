package liveblog

import "strings"

// inUpdateList reports whether paragraph pi, which reads like a headline,
// is one line of a list of one-line updates ("Odisha Health Minister says
// 'situation under control'", then another such line): it stands over no
// body of its own. A headline and its standfirst over a body are no list.
func inUpdateList(paras []string, pi int) bool {
	if pi+1 >= len(paras) || !headlineLike(paras[pi+1]) {
		return false
	}
	return pi+2 >= len(paras) || headlineLike(paras[pi+2])
}

// updateVerbs introduce what a speaker tells in an Indian live blog's line
// "Odisha Chief Secretary updates on rescue work: 7 NDRF, 5 ODRAF …".
var updateVerbs = []string{" updates on ", " gives update on ", " briefs media on ", " briefs on "}

// updatesColon reads "<speaker> updates on <topic>: <claim>" and returns
// the claim after the colon and the speaker before the verb.
func updatesColon(line string) (claim, source string, ok bool) {
	k := strings.Index(line[:min(len(line), 122)], ": ")
	if k < 0 {
		return "", "", false
	}
	head := line[:k]
	for _, v := range updateVerbs {
		j := strings.Index(head, v)
		if j <= 0 {
			continue
		}
		source = strings.TrimSpace(head[:j])
		if n := wordCount(source); n < 1 || n > 6 || !isCapitalized(source) {
			return "", "", false
		}
		claim, _ = cleanClaim(line[k+2:])
		return claim, source, claim != "" && wordCount(claim) >= 4
	}
	return "", "", false
}
