package liveblog

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
