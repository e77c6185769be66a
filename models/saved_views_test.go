package models

import (
	"context"
	"testing"
)

func TestSavedViews(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	v, err := f.s.SaveView(ctx, f.fc.ID, "  Belgorod   unconfirmed ", "/?unconfirmed=1&story=1&page=3&q=")
	if err != nil {
		t.Fatal(err)
	}
	if v.Name != "Belgorod unconfirmed" || v.Query != "story=1&unconfirmed=1" {
		t.Fatalf("saved: %+v", v)
	}
	// The same name replaces the query; another user's views are apart.
	if _, err := f.s.SaveView(ctx, f.fc.ID, "Belgorod unconfirmed", "?unconfirmed=1&story=1&tag=casualties"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SaveView(ctx, f.editor.ID, "Mine", "assignee=me"); err != nil {
		t.Fatal(err)
	}
	vs, err := f.s.SavedViews(ctx, f.fc.ID)
	if err != nil || len(vs) != 1 || vs[0].Query != "story=1&tag=casualties&unconfirmed=1" {
		t.Fatalf("views: %+v %v", vs, err)
	}
	for _, bad := range []struct{ name, query, field string }{
		{"", "unconfirmed=1", "name"},
		{"Bad", "verdict=maybe", "query"},
		{"Bad", "sort=random", "query"},
		{"Bad", "%zz", "query"},
	} {
		if _, err := f.s.SaveView(ctx, f.fc.ID, bad.name, bad.query); !hasField(err, bad.field) {
			t.Errorf("%q %q: %v, want a %s error", bad.name, bad.query, err, bad.field)
		}
	}
	if err := f.s.DeleteView(ctx, f.editor.ID, vs[0].ID); !IsNotFound(err) {
		t.Fatalf("deleting someone else's view: %v", err)
	}
	if err := f.s.DeleteView(ctx, f.fc.ID, vs[0].ID); err != nil {
		t.Fatal(err)
	}
	if vs, _ := f.s.SavedViews(ctx, f.fc.ID); len(vs) != 0 {
		t.Fatalf("after delete: %+v", vs)
	}
}

func TestTagsOnClaims(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a, b := f.claim(t, "Two women were killed"), f.claim(t, "A drone hit a depot")
	got, err := f.s.SetTags(ctx, f.fc, a.ID, a.Version, []string{"#Casualties", "casualties ", "Belgorod  region"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Tags) != 2 || got.Tags[0] != "belgorod region" || got.Tags[1] != "casualties" || got.Version != a.Version+1 {
		t.Fatalf("tags: %+v", got)
	}
	if _, err := f.s.SetTags(ctx, f.fc, a.ID, a.Version, []string{"x"}); err == nil {
		t.Fatal("tags set at a stale version")
	}
	if _, err := f.s.SetTags(ctx, f.fc, a.ID, got.Version, []string{"a,b"}); !hasField(err, "tags") {
		t.Fatalf("a tag with a comma: %v", err)
	}
	res, err := f.s.BulkTag(ctx, f.fc, []int64{a.ID, b.ID}, []string{"casualties"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Changed) != 1 || res.Changed[0] != b.ID || res.Failed[a.ID] == "" {
		t.Fatalf("bulk tag: %+v", res)
	}
	p, err := f.s.Claims(ctx, ClaimFilter{Tag: "casualties"})
	if err != nil || p.Total != 2 {
		t.Fatalf("tag filter: %+v %v", p, err)
	}
	if p, _ := f.s.Claims(ctx, ClaimFilter{Tag: "belgorod region"}); p.Total != 1 || p.Claims[0].ID != a.ID {
		t.Fatalf("tag filter: %+v", p)
	}
	acts, _ := f.s.ClaimActivity(ctx, b.ID)
	if last := acts[len(acts)-1]; last.Action != ActTagged || last.ToValue != "casualties" {
		t.Fatalf("activity: %+v", last)
	}
	tags, err := f.s.Tags(ctx, 10)
	if err != nil || len(tags) != 2 || tags[0].Tag != "casualties" || tags[0].N != 2 {
		t.Fatalf("tags in use: %+v %v", tags, err)
	}
}
