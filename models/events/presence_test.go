package events

import (
	"testing"
	"time"
)

func names(vs []Viewer) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.Name
	}
	return out
}

func TestBoardCountsPagesPerPerson(t *testing.T) {
	b := NewBoard()
	now := time.Unix(1000, 0)
	ana, ben := Viewer{ID: 1, Name: "Ana"}, Viewer{ID: 2, Name: "Ben"}
	if !b.Join(7, ben) || !b.Join(7, ana) {
		t.Fatal("first pages were not changes")
	}
	if b.Join(7, ana) {
		t.Fatal("Ana's second tab counted as a change")
	}
	if got := names(b.Viewers(7, now)); len(got) != 2 || got[0] != "Ana" || got[1] != "Ben" {
		t.Fatalf("viewers %v", got)
	}
	if b.Leave(7, 1) {
		t.Fatal("closing one of Ana's two tabs removed her")
	}
	if !b.Leave(7, 1) || !b.Leave(7, 2) {
		t.Fatal("last pages closed without a change")
	}
	if b.Leave(7, 2) {
		t.Fatal("leaving twice is a change")
	}
	if len(b.Viewers(7, now)) != 0 || len(b.LocalClaims()) != 0 {
		t.Fatal("the board keeps claims nobody has open")
	}
}

func TestBoardMergesOtherServersUntilTheyExpire(t *testing.T) {
	b := NewBoard()
	now := time.Unix(1000, 0)
	b.Join(7, Viewer{ID: 1, Name: "Ana"})
	if !b.Announce("server-b", 7, []Viewer{{ID: 3, Name: "Cleo"}, {ID: 1, Name: "Ana"}}, now, now.Add(time.Minute)) {
		t.Fatal("a new remote viewer is no change")
	}
	if b.Announce("server-b", 7, []Viewer{{ID: 3, Name: "Cleo"}, {ID: 1, Name: "Ana"}}, now, now.Add(2*time.Minute)) {
		t.Fatal("a repeated announcement is a change")
	}
	if got := names(b.Viewers(7, now)); len(got) != 2 || got[0] != "Ana" || got[1] != "Cleo" {
		t.Fatalf("viewers %v", got)
	}
	if got := b.LocalClaims(); len(got) != 1 || len(got[7]) != 1 {
		t.Fatalf("local claims %v: another server's viewers would be announced again", got)
	}
	if changed := b.Expire(now.Add(time.Minute)); len(changed) != 0 {
		t.Fatalf("expired early: %v", changed)
	}
	if changed := b.Expire(now.Add(3 * time.Minute)); len(changed) != 1 || changed[0] != 7 {
		t.Fatalf("expired %v", changed)
	}
	if got := names(b.Viewers(7, now)); len(got) != 1 {
		t.Fatalf("after expiry %v", got)
	}
	b.Announce("server-b", 8, []Viewer{{ID: 3, Name: "Cleo"}}, now, now.Add(time.Minute))
	if !b.Announce("server-b", 8, nil, now, now) || len(b.Viewers(8, now)) != 0 {
		t.Fatal("an empty announcement did not withdraw the viewers")
	}
}
