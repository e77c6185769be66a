package liveblog

// relayCiting settles who speaks in "C, OUTLET said, citing X". A cited
// party with a name ("citing Interior Minister Ana Diaz", "citing Anadolu")
// speaks through the outlet, which becomes the via. One without a name
// ("citing authorities", "citing witness reports", "citing a meeting held
// by flood officials") is no one a reader could hold to the claim, so the
// outlet stays the speaker and the cited party becomes the channel.
func relayCiting(f *rawFrame) {
	if f.citing == "" || !isOutlet(f.subject) {
		return
	}
	if analyzeSubject(f.citing).name == "" {
		if f.channel == "" {
			f.channel = "citing " + f.citing
		}
		return
	}
	f.via = f.subject + " " + f.verb
	f.subject = f.citing
}
