package models

import (
	"database/sql/driver"
	"strconv"
	"strings"
)

// exportRaw is one row of the claims statement as the driver hands it over:
// text as strings (which the driver has already made, so keeping them costs
// nothing more), integers, NULLs and times as they are stored, with the
// claim's names and standing evidence. The exportRaws of a batch are filled
// again and again.
type exportRaw struct {
	// The ids; 0 for none (NULL).
	id, storyID, entryID, sourceID, verdictByID, signedOffByID int64
	direct                                                     bool
	madeAt, reportedAt, verdictAt, signedOffAt                 any
	entryPosition                                              int64

	text, quote, verb, channel, via, reportedURL           string
	verifiability, verifiabilityReason, verdict, rationale string
	story, entryTime, entryHeadline                        string
	claimant, claimantRole, claimantKind                   string
	// opening is attributionOpening of the claimant, when already made.
	opening                string
	verdictBy, signedOffBy string

	// evs is the claim's standing evidence, oldest first: a window on its
	// batch's evidence, set when the batch is full; nev counts them
	// until then.
	evs []exportEvidence
	nev int
	// sortValue is the order's column when it is not one of the above.
	sortValue any
	// corrections are the claim's, oldest first (nil: none).
	corrections []ExportCorrection
	// tags are the claim's tags in order, joined by exportTagSep (see
	// sqliteExportTags).
	tags string
}

// orderValue is the row's value of the order's column (see
// exportSort.before).
func (x *exportRaw) orderValue(order exportSort) any {
	if order.col == exportReportedAt {
		return x.reportedAt
	}
	return x.sortValue
}

// exportFieldCount is how many fields sqliteExportFields packs.
const exportFieldCount = 22

// scanPacked sets x from the packed column of the claims statement (see
// sqliteExportFields); sorted says the order's column follows. It reports
// false when the column does not split into those fields, or an id field
// is not a number: a claim stored by other means than Claimdesk, to be
// read again with scanPlain (x.id is set all the same, 0 when the first
// field is not a number). The texts are slices of the column, so reading
// a row makes no string of its own.
func (x *exportRaw) scanPacked(p string, sorted bool) bool {
	var f [exportFieldCount + 1]string
	want := exportFieldCount
	if sorted {
		want++
	}
	n := 0
	for ; n < want-1; n++ {
		i := strings.IndexByte(p, 0xFF)
		if i < 0 {
			break
		}
		f[n], p = p[:i], p[i+1:]
	}
	f[n] = p
	ok := n == want-1 && strings.IndexByte(p, 0xFF) < 0
	x.id = packedInt(f[0], &ok) // the first field is the id however the rest splits
	if !ok {
		return false
	}
	for i, dst := range [...]*int64{&x.storyID, &x.entryID, &x.sourceID, &x.verdictByID, &x.signedOffByID} {
		*dst = packedInt(f[1+i], &ok)
	}
	x.direct = packedInt(f[6], &ok) != 0
	x.text, x.quote, x.verb, x.channel, x.via, x.reportedURL = f[7], f[8], f[9], f[10], f[11], f[12]
	x.verifiability, x.verifiabilityReason, x.verdict, x.rationale = f[13], f[14], f[15], f[16]
	x.madeAt, x.reportedAt, x.verdictAt, x.signedOffAt = packedTime(f[17]), packedTime(f[18]), packedTime(f[19]), packedTime(f[20])
	x.tags = orderedTags(f[21])
	x.sortValue = nil
	if sorted {
		x.sortValue = packedTime(f[22])
	}
	return ok
}

// packedInt reads a packed integer field; one that is not clears ok.
func packedInt(s string, ok *bool) int64 {
	if len(s) == 0 || len(s) > 18 {
		*ok = false
		return 0
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			*ok = false
			return 0
		}
		n = n*10 + int64(c-'0')
	}
	return n
}

// packedTime is a packed time field as the driver would hand the stored
// value over: nil for NULL (packed as ""), an integer for a Unix time, else
// the stored text.
func packedTime(s string) any {
	if s == "" {
		return nil
	}
	if c := s[0]; c == '-' || '0' <= c && c <= '9' {
		if strings.IndexByte(s, ':') < 0 {
			if n, err := strconv.ParseInt(s, 10, 64); err == nil {
				return n
			}
		}
	}
	return s
}

// scanPlain sets x from the columns of sqliteExportPlainSelect.
func (x *exportRaw) scanPlain(v []driver.Value) {
	for i, dst := range [...]*int64{&x.id, &x.storyID, &x.entryID, &x.sourceID, &x.verdictByID, &x.signedOffByID} {
		*dst = rawInt(v[i])
	}
	x.direct = rawInt(v[6]) != 0
	for i, dst := range [...]*string{&x.text, &x.quote, &x.verb, &x.channel, &x.via, &x.reportedURL,
		&x.verifiability, &x.verifiabilityReason, &x.verdict, &x.rationale} {
		*dst = rawText(v[7+i])
	}
	x.madeAt, x.reportedAt = rawOwn(v[17]), rawOwn(v[18])
	x.verdictAt, x.signedOffAt = rawOwn(v[19]), rawOwn(v[20])
	x.tags = orderedTags(rawText(v[21]))
	x.sortValue = nil
	if len(v) > exportFieldCount {
		x.sortValue = rawOwn(v[exportFieldCount])
	}
}

// exportEvidence is one standing evidence item as the claims statement
// reads it (kind to createdAt only for the formats that show them).
type exportEvidence struct {
	claimID, id int64
	stance, url string
	origin, sha string
	hasSHA      bool
	kind, title string
	fileName    string
	fileType    string
	createdAt   any
}

// scan sets ev from the evidence columns of a row of the claims statement
// (see sqliteEvidenceColumns).
func (ev *exportEvidence) scan(v []driver.Value) {
	ev.id = rawInt(v[0])
	ev.stance, ev.url, ev.origin = rawText(v[1]), rawText(v[2]), rawText(v[3])
	ev.sha, ev.hasSHA = rawText(v[4]), v[4] != nil
	if len(v) > 5 {
		ev.kind, ev.title, ev.fileName, ev.fileType = rawText(v[5]), rawText(v[6]), rawText(v[7]), rawText(v[8])
		ev.createdAt = rawOwn(v[9])
	}
}

// packedID is the id at the start of a packed column (see
// sqliteExportFields), or 0.
func packedID(p string) int64 {
	ok := true
	i := strings.IndexByte(p, 0xFF)
	if i < 0 {
		return 0
	}
	return packedInt(p[:i], &ok)
}

// exportPlainReader reads the claims whose packed column does not split
// fill sets r from the raw row and its evidence.
func (x *exportRaw) fill(r *ExportRow) {
	evOut, tags := r.Evidence[:0], r.Tags[:0]
	*r = ExportRow{
		ID: x.id, StoryID: x.storyID, StoryTitle: x.story,
		EntryPosition: int(x.entryPosition), EntryTime: x.entryTime, EntryHeadline: x.entryHeadline,
		ClaimantName: x.claimant, ClaimantRole: x.claimantRole, ClaimantKind: x.claimantKind,
		Text: x.text, Quote: x.quote, Verb: x.verb, Direct: x.direct, Channel: x.channel, Via: x.via,
		MadeAt: rawTimePtr(x.madeAt), ReportedAt: rawTime(x.reportedAt), ReportedURL: x.reportedURL,
		Verifiability: Verifiability(x.verifiability), VerifiabilityReason: x.verifiabilityReason,
		Verdict: Verdict(x.verdict), VerdictRationale: x.rationale, VerdictByName: x.verdictBy,
		VerdictAt: rawTimePtr(x.verdictAt), SignedOffByName: x.signedOffBy, SignedOffAt: rawTimePtr(x.signedOffAt),
		Corrections: x.corrections, Tags: splitTags(tags, x.tags),
	}
	if x.entryID != 0 {
		id := x.entryID
		r.EntryID = &id
	}
	for i := range x.evs {
		ev := &x.evs[i]
		out := Evidence{ID: ev.id, ClaimID: r.ID, Kind: ev.kind, Stance: ev.stance, URL: ev.url, Title: ev.title,
			Origin: ev.origin, FileName: ev.fileName, FileType: ev.fileType, CreatedAt: rawTime(ev.createdAt)}
		if ev.hasSHA {
			sha := ev.sha
			out.FileSHA256 = &sha
		}
		evOut = append(evOut, out)
	}
	r.Evidence = evOut
}
