package models

import (
	"context"
	"testing"
)

func TestMentionsInNotes(t *testing.T) {
	f := newFixture(t) // Eve Editor eve@, Ed Second ed@, Fay Checker fay@, Vic Viewer vic@
	ctx := context.Background()
	c := f.claim(t, "Two women were killed")
	if _, err := f.s.AddNote(ctx, f.fc, c.ID, "@eve please sign off; cc @Ed.Second and @fay, mail me at x@eve.org, @nobody"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddNote(ctx, f.editor, c.ID, "Thanks @FayChecker"); err != nil {
		t.Fatal(err)
	}
	eve, err := f.s.Mentions(ctx, f.editor.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(eve) != 1 || eve[0].ClaimID != c.ID || eve[0].By != "Fay Checker" || eve[0].Read || eve[0].ClaimText != "Two women were killed" {
		t.Fatalf("Eve's mentions: %+v", eve)
	}
	if ed, _ := f.s.Mentions(ctx, f.editor2.ID, 10); len(ed) != 1 {
		t.Fatalf("Ed's mentions: %+v", ed)
	}
	// Her own note does not mention Fay; Eve's does.
	fay, _ := f.s.Mentions(ctx, f.fc.ID, 10)
	if len(fay) != 1 || fay[0].By != "Eve Editor" {
		t.Fatalf("Fay's mentions: %+v", fay)
	}
	if n, _ := f.s.UnreadMentions(ctx, f.editor.ID); n != 1 {
		t.Fatalf("Eve's unread: %d", n)
	}
	if n, err := f.s.MarkMentionsRead(ctx, f.editor.ID, nil); err != nil || n != 1 {
		t.Fatalf("mark read: %d %v", n, err)
	}
	if n, _ := f.s.UnreadMentions(ctx, f.editor.ID); n != 0 {
		t.Fatalf("Eve's unread after reading: %d", n)
	}
	if m, _ := f.s.Mentions(ctx, f.editor.ID, 10); !m[0].Read {
		t.Fatal("the mention is not marked read")
	}
	if n, _ := f.s.UnreadMentions(ctx, f.viewer.ID); n != 0 {
		t.Fatal("an unmentioned user has mentions")
	}
}
