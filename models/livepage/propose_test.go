package livepage

import (
	"strings"
	"testing"
)

func TestProposeFindsTheClaimsOfEveryFormat(t *testing.T) {
	for _, file := range []string{"jsonld-body.html", "jsonld-anchor.html", "microdata.html", "blocks-article.html", "blocks-li.html", "plain.html"} {
		p := readFixture(t, file)
		changes := Diff(p, nil)
		if len(changes) != 4 {
			t.Fatalf("%s: %d changes on a first read, want 4", file, len(changes))
		}
		cands, err := Propose(changes)
		if err != nil {
			t.Fatal(err)
		}
		found := map[string]bool{}
		for _, c := range cands {
			e := changes[c.EntryIndex].Entry
			if c.Headline != e.Headline || c.Time != e.Time {
				t.Errorf("%s: candidate %q labelled %q %q, its entry is %q %q", file, c.Claim, c.Time, c.Headline, e.Time, e.Headline)
			}
			switch {
			case strings.Contains(c.Claimant, "Anton Merel") && strings.Contains(c.Claim, "two women were killed"):
				found["merel"] = c.Unverifiable && c.Channel == "on Telegram"
			case strings.Contains(c.Claimant, "Militia"):
				found["militia"] = true
			case strings.Contains(c.Claimant, "army") && c.Verb == "denied":
				found["army"] = true
			case strings.Contains(c.Claimant, "Lena Bors"):
				found["bors"] = c.Direct
			case strings.Contains(c.Claimant, "Ivo Stade") || strings.Contains(c.Claimant, "Red Cross"):
				found["icrc"] = true
			}
		}
		for _, k := range []string{"merel", "militia", "army", "bors", "icrc"} {
			if !found[k] {
				t.Errorf("%s: claim %s missing or wrong; got %+v", file, k, cands)
			}
		}
	}
}

func TestDiffOnlyNewAndChanged(t *testing.T) {
	p := readFixture(t, "jsonld-body.html")
	seen := map[string]string{}
	for _, c := range Diff(p, nil) {
		seen[c.Key] = c.Hash
	}
	if got := Diff(p, seen); len(got) != 0 {
		t.Fatalf("unchanged page: %d changes", len(got))
	}
	edited := *p
	edited.Entries = append([]Entry{{ID: "https://news.example/live/dovrany#post-5", Time: "16:20", Headline: "Curfew",
		Body: "The mayor of Dovrany, Olga Fenn, said a curfew would start at 8 p.m."}}, p.Entries...)
	edited.Entries[2].Body += "\n\nLena Bors later said 12 of the wounded were children."
	changes := Diff(&edited, seen)
	if len(changes) != 2 || changes[0].Updated || !changes[1].Updated || changes[1].Entry.Headline != "Hospital admits wounded" {
		t.Fatalf("changes %+v", changes)
	}
	cands, err := Propose(changes)
	if err != nil {
		t.Fatal(err)
	}
	var fenn, children bool
	for _, c := range cands {
		fenn = fenn || (strings.Contains(c.Claimant, "Olga Fenn") && c.EntryIndex == 0)
		children = children || (strings.Contains(c.Claim, "children") && c.EntryIndex == 1)
	}
	if !fenn || !children {
		t.Errorf("new claims missing: %+v", cands)
	}
}

func TestKeysSurviveEditsAndRepeats(t *testing.T) {
	a := Entry{Time: "10:01", Headline: "Breaking", Body: "One."}
	b := a
	b.Body = "One, edited."
	if a.Key() != b.Key() || a.TextHash() == b.TextHash() {
		t.Error("an edit must keep the key and change the hash")
	}
	noHead := Entry{Time: "10:01", Body: "One."}
	other := Entry{Time: "10:01", Body: "Two."}
	if noHead.Key() == other.Key() {
		t.Error("two headline-less entries of one minute must differ")
	}
	page := &Page{Entries: []Entry{a, a}}
	ch := Diff(page, nil)
	if len(ch) != 2 || ch[0].Key == ch[1].Key {
		t.Errorf("repeated entries: %+v", ch)
	}
}

func TestProposeFallsBackWhenABodyHoldsTimestamps(t *testing.T) {
	changes := Diff(&Page{Entries: []Entry{
		{ID: "#a", Headline: "Timeline", Body: "10:30 – The police said the road was closed.\n\n11:00 – The mayor said it reopened."},
		{ID: "#b", Headline: "Later", Body: "The governor said three people were hurt."},
	}}, nil)
	cands, err := Propose(changes)
	if err != nil {
		t.Fatal(err)
	}
	byEntry := map[int]int{}
	for _, c := range cands {
		byEntry[c.EntryIndex]++
		if c.Headline != changes[c.EntryIndex].Entry.Headline {
			t.Errorf("candidate %q has headline %q", c.Claim, c.Headline)
		}
	}
	if byEntry[0] < 2 || byEntry[1] != 1 {
		t.Errorf("candidates per entry %v: %+v", byEntry, cands)
	}
}
