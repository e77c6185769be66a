package liveblog

import "testing"

// TestParseStamp covers the timestamp styles newsrooms print.
func TestParseStamp(t *testing.T) {
	tests := []struct {
		line, stamp, rest string
		ok                bool
	}{
		{"11:03 a.m.: The minister arrived.", "11:03 a.m.", "The minister arrived.", true},
		{"10.35 a.m.: Power cuts spread", "10.35 a.m.", "Power cuts spread", true},
		{"08:29 a.m.: Red warning issued", "08:29 a.m.", "Red warning issued", true},
		{"4:52 p.m.: The toll rose.", "4:52 p.m.", "The toll rose.", true},
		{"19:40 – Rescue teams say 140 pulled from rubble", "19:40", "Rescue teams say 140 pulled from rubble", true},
		{"9:58 p.m. ET — Evacuation order expanded", "9:58 p.m. ET", "Evacuation order expanded", true},
		{"14:05 GMT - Talks resume", "14:05 GMT", "Talks resume", true},
		{"13:12", "13:12", "", true},
		{"7:15 PM | Polls close", "7:15 PM", "Polls close", true},
		{"11:03 a.m. The minister arrived.", "11:03 a.m.", "The minister arrived.", true},
		{"7.1 magnitude quake hits the coast", "", "", false},
		{"12.50 euros is the new fare.", "", "", false},
		{"25:10 – impossible", "", "", false},
		{"Updated 9:58 p.m.", "", "", false},
		{"2024 was a hard year", "", "", false},
	}
	for _, tc := range tests {
		stamp, rest, ok := parseStamp(tc.line)
		if ok != tc.ok || stamp != tc.stamp || rest != tc.rest {
			t.Errorf("parseStamp(%q) = %q, %q, %v; want %q, %q, %v", tc.line, stamp, rest, ok, tc.stamp, tc.rest, tc.ok)
		}
	}
}

// TestParseStyles checks titles, headlines before and after the timestamp,
// "Updated" lines, captions and wire reports.
func TestParseStyles(t *testing.T) {
	t.Run("headline before timestamp", func(t *testing.T) {
		b, err := Parse("Floods – latest\n\nAll times local.\n\nToll rises to nine\n\n4:52 p.m.: The toll rose to nine, officials said.\n\nDam stable\n\n3:40 p.m.: The dam is stable.")
		if err != nil {
			t.Fatal(err)
		}
		if b.Title != "Floods – latest" || b.Intro != "All times local." || len(b.Entries) != 2 {
			t.Fatalf("got %+v", b)
		}
		e := b.Entries[0]
		if e.Time != "4:52 p.m." || e.Headline != "Toll rises to nine" || e.Body != "The toll rose to nine, officials said." || e.Index != 0 {
			t.Errorf("entry 0 = %+v", e)
		}
		if b.Entries[1].Headline != "Dam stable" || b.Entries[1].Index != 1 {
			t.Errorf("entry 1 = %+v", b.Entries[1])
		}
	})
	t.Run("headline after timestamp, Updated line, caption", func(t *testing.T) {
		b, err := Parse("Quake – live\n\nUpdated 9:58 p.m.\n\nPhoto: A school. Photo: Rescue Corps / Handout\n\n9:58 p.m. ET — Teams search\n\nFirst paragraph.\n\nSecond paragraph.\n\n9:15 p.m. ET — Aftershock\n\nFelt in the capital.")
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Entries) != 2 || b.Intro != "" {
			t.Fatalf("got %+v", b)
		}
		if e := b.Entries[0]; e.Time != "9:58 p.m. ET" || e.Headline != "Teams search" || e.Body != "First paragraph.\n\nSecond paragraph." {
			t.Errorf("entry 0 = %+v", e)
		}
		if len(b.Captions) != 1 || b.Captions[0].Text != "A school." || b.Captions[0].Credit != "Rescue Corps / Handout" || b.Captions[0].EntryIndex != -1 {
			t.Errorf("captions = %+v", b.Captions)
		}
	})
	t.Run("time alone on its line", func(t *testing.T) {
		b, err := Parse("Clashes – live\n\n13:12\nVillage captured\n\nForces captured the village.")
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Entries) != 1 || b.Entries[0].Time != "13:12" || b.Entries[0].Headline != "Village captured" || b.Entries[0].Body != "Forces captured the village." {
			t.Errorf("got %+v", b)
		}
	})
	t.Run("wire report is one entry", func(t *testing.T) {
		b, err := Parse("Talks stall\n\nCAIRO (Reuters) - Talks stalled on Sunday, officials said.\n\nBoth sides blamed each other.")
		if err != nil {
			t.Fatal(err)
		}
		if b.Title != "Talks stall" || len(b.Entries) != 1 || b.Entries[0].Time != "" {
			t.Errorf("got %+v", b)
		}
	})
	t.Run("hard-wrapped lines are joined", func(t *testing.T) {
		b, err := Parse("Title here\n\nThe minister said the toll\nhad risen to nine.")
		if err != nil {
			t.Fatal(err)
		}
		if b.Entries[0].Body != "The minister said the toll had risen to nine." {
			t.Errorf("body = %q", b.Entries[0].Body)
		}
	})
}

// TestDatelineLen checks wire datelines.
func TestDatelineLen(t *testing.T) {
	for s, want := range map[string]bool{
		"CAIRO (Reuters) - Talks":          true,
		"BENGHAZI, Libya (Newsline) - Men": true,
		"HALVERSTON (Northwire) – Dock":    true,
		"The ministry (MoD) - said":        false,
	} {
		if got := datelineLen(s) > 0; got != want {
			t.Errorf("datelineLen(%q) > 0 = %v, want %v", s, got, want)
		}
	}
}

// TestSplitSentences checks abbreviations, initials, times and quotations.
func TestSplitSentences(t *testing.T) {
	p := `Gen. J. Smith arrived at 5 p.m. The U.S. embassy said: "We are ready. We will help." He wrote on X. The post was deleted.`
	var got []string
	for _, sp := range splitSentences(p) {
		got = append(got, p[sp.s:sp.e])
	}
	want := []string{"Gen. J. Smith arrived at 5 p.m.", `The U.S. embassy said: "We are ready. We will help."`, "He wrote on X.", "The post was deleted."}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, got[i], want[i])
		}
	}
}
