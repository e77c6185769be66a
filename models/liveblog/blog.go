package liveblog

// Blog is a parsed live blog or wire report: what the import screen shows
// before any claim is extracted, and what a Story and its Entries are built
// from.
type Blog struct {
	// Title is the first line when it reads like a headline, else "".
	Title string
	// Intro holds the paragraphs between the title and the first
	// timestamped entry ("Updated continuously. Times are local."), so
	// nothing the user pasted silently disappears.
	Intro string
	// Entries are in the order printed. A text without timestamps (a wire
	// report) is a single entry with an empty Time.
	Entries []Entry
	// Captions are photo captions with their credit, wherever they stand.
	Captions []Caption
}

// Entry is one timestamped entry of a live blog, the unit a claim points to
// for context.
type Entry struct {
	// Time is the timestamp as printed ("11:03 a.m.", "19:40",
	// "9:58 p.m. ET"); no date or zone is invented.
	Time string
	// Headline is the entry's headline, printed before the timestamp or
	// after it on the same line; "" when the entry has none.
	Headline string
	// Body is the entry's paragraphs separated by blank lines, without
	// headline, caption and "Updated …" lines.
	Body string
	// Index is the entry's position in Blog.Entries, so a Candidate's
	// EntryIndex can be matched to it.
	Index int
}

// Caption is a photo caption with its credit ("Civil Rescue Corps /
// Handout"). A credited handout picture is itself a claim by whoever handed
// it out, so Extract reports it as one.
type Caption struct {
	Text   string
	Credit string
	// EntryIndex is the entry the caption stands in, or -1 when it stands
	// before the first entry.
	EntryIndex int
}
