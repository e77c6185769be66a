package models

import (
	"bytes"
	"encoding/csv"
	"testing"
	"time"
)

// exportCells are cells the hand-written CSV must write exactly as
// encoding/csv did after NeutraliseCell.
var exportCells = []string{
	"", "plain", "a,b", `say "hi"`, "line\nbreak", "cr\rlf\r\n", " leading space", "\u00a0nbsp", "\u3000ideo",
	`\.`, `\.x`, "=1+1", "+7", "-2", "@x", "\tTab", "\rCR", "\nLF", "＝1", "＋1", "－1", "＠x", "＝,\"x\"", "\xef\xbc",
	"\xef", "Губернатор, \"сказал\"", "🚀", "\v", "\f", "'=1", "trailing ", "a\"", "\"", ",", "\n", "\r",
}

func TestAppendCSVCellMatchesEncodingCSV(t *testing.T) {
	for _, cell := range exportCells {
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		w.UseCRLF = true
		if err := w.Write([]string{NeutraliseCell(cell)}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		got := append(appendCSVCell(nil, cell), '\r', '\n')
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("cell %q: wrote %q, encoding/csv %q", cell, got, want.Bytes())
		}
		if gotB := append(appendCSVCell(nil, []byte(cell)), '\r', '\n'); !bytes.Equal(gotB, want.Bytes()) {
			t.Errorf("cell %q as bytes: wrote %q, encoding/csv %q", cell, gotB, want.Bytes())
		}
	}
}

func TestAttributionWriterMatchesAttributionLine(t *testing.T) {
	names := []string{"Vyacheslav Gladkov", "a senior official", "UN", "", " Ministry ", "Ünal"}
	roles := []string{"", "Governor of Belgorod region", "the spokesman", "a minister", "UN envoy", "governor",
		"Vyacheslav Gladkov", "  ", "ministry spokesperson", "Éditeur", "An envoy"}
	texts := []string{"Two women were killed.", "Troops withdrew overnight", "  the bridge fell!? ", "", "...",
		"Kyiv was hit", "TWO women", "İstanbul is calm", "Über alles", "THE END", "Several", "several people died",
		"nearly100 died", "It's over", "ſome", "Ukrainian forces", "thousands-strong", "A", "a"}
	verdicts := append(Verdicts(), "")
	signed := time.Now()
	var a attributionWriter
	for _, name := range names {
		for _, role := range roles {
			for _, text := range texts {
				for _, v := range verdicts {
					for _, verif := range []Verifiability{VerifNotVerifiable, "unknown"} {
						for _, s := range []bool{false, true} {
							c := &Claim{ClaimantName: name, ClaimantRole: role, Text: text, Verdict: v, Verifiability: verif}
							if s {
								c.SignedOffAt = &signed
							}
							want := AttributionLine(c)
							if got := string(a.appendLine(nil, name, role, text, v, verif, s)); got != want {
								t.Fatalf("%+v: wrote %q, AttributionLine %q", c, got, want)
							}
						}
					}
				}
			}
		}
	}
}

func TestUTCStampMatchesParser(t *testing.T) {
	for _, s := range []string{"2026-11-24 17:28:55+00:00", "2026-11-24 17:28:55.123456789+00:00", "2026-11-24T17:28:55Z",
		"2026-11-24 17:28:55", "2026-11-24 17:28:55-00:00", "2026-02-28 23:59:59+00:00", "2026-13-01 00:00:00+00:00",
		"2026-02-30 00:00:00+00:00", "2026-11-24 24:00:00+00:00", "2026-11-24 17:28:55+02:00", "2026-11-24 17:28:55.+00:00",
		"2026-11-24", "2026-11-24 17:28", "junk", "0000-01-01 00:00:00+00:00", "2026-11-24 17:28:60+00:00"} {
		want := rawTime(s).Format(time.RFC3339)
		if got := string(appendRFC3339(nil, s)); got != want {
			t.Errorf("%q: wrote %q, parser %q", s, got, want)
		}
	}
	if got := string(appendRFC3339(nil, int64(1764000000))); got != unixDBTime(1764000000).Format(time.RFC3339) {
		t.Errorf("unix time: %q", got)
	}
	if got := appendRFC3339(nil, nil); len(got) != 0 {
		t.Errorf("NULL: %q", got)
	}
}

func TestExportEvidenceDecode(t *testing.T) {
	x := &exportRaw{evidenceText: "2:12" + "8:supports" + "3:a,b" + "0:" + "-" + "8:document" + "4:t\x00:x" + "0:" + "0:" + "25:2026-11-24 17:28:55+00:00" +
		"1:9" + "7:context" + "0:" + "2:AP" + "3:abc" + "5:photo" + "0:" + "5:f.png" + "9:image/png" + "25:2026-11-24 17:28:55+00:00"}
	evs, err := x.evidence(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 || evs[0].id != "9" || evs[1].id != "12" || evs[1].title != "t\x00:x" || evs[1].url != "a,b" ||
		evs[1].hasSHA || !evs[0].hasSHA || evs[0].sha != "abc" || evs[0].fileType != "image/png" {
		t.Fatalf("%+v", evs)
	}
	x.evidenceText = "2:12" + "8:supp"
	if _, err := x.evidence(nil); err == nil {
		t.Error("a truncated column decoded")
	}
}
