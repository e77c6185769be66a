package capture

import (
	"crypto/rand"
	"fmt"
	"io"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// WARC is what a WARC/1.1 file of one capture needs: the stored heads and
// body, with record ids fixed at capture time so the file is the same each
// time it is written.
type WARC struct {
	TargetURI    string
	At           time.Time
	IP           string
	RequestID    string
	ResponseID   string
	RequestHead  string
	ResponseHead string
	Body         []byte
	// Software names the writer in the warcinfo record.
	Software string
}

// NewRecordID returns a fresh WARC-Record-ID, <urn:uuid:…> (version 4).
func NewRecordID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("crypto/rand failed: " + err.Error())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("<urn:uuid:%x-%x-%x-%x-%x>", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// WriteWARC writes a warcinfo record and the request and response records of
// a capture to w. The block and payload digests are SHA-256, so the response
// record's WARC-Payload-Digest carries the same hex digest Claimdesk shows
// for the capture.
func WriteWARC(w io.Writer, c WARC) error {
	m := gowarc.NewMarshaler()
	date := c.At.UTC().Format(time.RFC3339)
	info := fmt.Sprintf("software: %s\r\nformat: WARC File Format 1.1\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n", c.Software)
	infoID := NewRecordID()
	records := []struct {
		typ     gowarc.RecordType
		ctype   string
		id      string
		block   []string
		payload []byte
		extra   map[string]string
	}{
		{gowarc.Warcinfo, "application/warc-fields", infoID, []string{info}, nil, nil},
		{gowarc.Request, "application/http;msgtype=request", c.RequestID, []string{c.RequestHead}, nil,
			map[string]string{gowarc.WarcConcurrentTo: c.ResponseID}},
		{gowarc.Response, "application/http;msgtype=response", c.ResponseID, []string{c.ResponseHead}, c.Body, nil},
	}
	for _, r := range records {
		b := gowarc.NewRecordBuilder(r.typ, gowarc.WithAddMissingDigest(true), gowarc.WithDefaultDigestAlgorithm("sha256"),
			gowarc.WithSpecViolationPolicy(gowarc.ErrFail), gowarc.WithSyntaxErrorPolicy(gowarc.ErrFail))
		for _, s := range r.block {
			if _, err := b.WriteString(s); err != nil {
				return err
			}
		}
		if _, err := b.Write(r.payload); err != nil {
			return err
		}
		b.AddWarcHeader(gowarc.WarcRecordID, r.id)
		b.AddWarcHeader(gowarc.WarcDate, date)
		b.AddWarcHeader(gowarc.ContentType, r.ctype)
		if r.typ == gowarc.Warcinfo {
			b.AddWarcHeader(gowarc.WarcFilename, "capture.warc")
		} else {
			b.AddWarcHeader(gowarc.WarcTargetURI, c.TargetURI)
			b.AddWarcHeader(gowarc.WarcWarcinfoID, infoID)
			if c.IP != "" {
				b.AddWarcHeader(gowarc.WarcIPAddress, c.IP)
			}
		}
		for k, v := range r.extra {
			b.AddWarcHeader(k, v)
		}
		rec, _, err := b.Build()
		if err != nil {
			return fmt.Errorf("build the WARC %s record: %w", r.typ, err)
		}
		_, _, err = m.Marshal(w, rec, 0)
		rec.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
