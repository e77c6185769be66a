package handlers

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"claimdesk/models"
)

// focused is what has the keyboard focus, as focusedJS reports it.
type focused struct {
	Tag, ID, Name, Type, Text, Href, Key string
	// Visible says the focus shows: an outline or a shadow around it.
	Visible bool
	// InView says it lies within the screen's width (nothing to scroll
	// sideways to) and has a size.
	InView bool
	// Closed says it is the summary of a closed <details>.
	Closed bool
}

// focusedJS describes document.activeElement; Key is a selector-like name
// for messages and matching.
const focusedJS = `(function(){var e=document.activeElement;if(!e||e===document.body)return JSON.stringify({Tag:"BODY"});
	var s=getComputedStyle(e),r=e.getBoundingClientRect(),w=document.documentElement.clientWidth;
	var vis=(s.outlineStyle!=="none"&&parseFloat(s.outlineWidth)>0)||s.boxShadow!=="none";
	var key=e.tagName.toLowerCase()+(e.id?"#"+e.id:"")+(e.name?"[name="+e.name+"]":"")+(e.form&&e.form.getAttribute("aria-label")?" in "+e.form.getAttribute("aria-label"):"");
	return JSON.stringify({Tag:e.tagName,ID:e.id,Name:e.name||"",Type:e.type||"",Text:(e.textContent||"").trim().slice(0,60),
		Href:e.getAttribute("href")||"",Key:key,Visible:vis,InView:r.width>0&&r.height>0&&r.left>=-1&&r.right<=w+1,
		Closed:e.tagName==="SUMMARY"&&!e.parentElement.open})})()`

// formControlsJS lists the visible controls of the page's forms (the same
// names as focusedJS's Key), which Tab must reach.
const formControlsJS = `(function(){var out=[];document.querySelectorAll("form input, form select, form textarea, form button").forEach(function(e){
	if(e.type==="hidden"||e.disabled||e.closest("details:not([open])")||!e.getClientRects().length)return;
	out.push(e.tagName.toLowerCase()+(e.id?"#"+e.id:"")+(e.name?"[name="+e.name+"]":"")+(e.form&&e.form.getAttribute("aria-label")?" in "+e.form.getAttribute("aria-label"):""));});
	return JSON.stringify(out)})()`

// focusNow reads what has the focus.
func focusNow(t *testing.T, ctx context.Context) focused {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](focusedJS))
	if err != nil {
		t.Fatal(err)
	}
	var f focused
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return f
}

// tabWalk loads the page again and presses Tab through it from its top until the focus has gone
// round (or max presses), opening every closed <details> on the way with
// Enter, as a keyboard user would. It fails on a focus that does not show or
// lies off the screen, and returns every focus, in order.
func tabWalk(t *testing.T, ctx context.Context, max int) []focused {
	t.Helper()
	// A page loaded afresh starts Tab at its top.
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
	if err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "reload", chromedp.Navigate(href), chromedp.WaitReady(chromedp.CSS("body")))
	var seen []focused
	first := ""
	for i := 0; i < max; i++ {
		run(t, ctx, "tab", press(kb.Tab))
		f := focusNow(t, ctx)
		if f.Tag == "BODY" || (first != "" && f.Key == first && f.Href == seen[0].Href && f.Text == seen[0].Text) {
			return seen
		}
		if first == "" {
			first = f.Key
		}
		if !f.Visible || !f.InView {
			t.Errorf("Tab reached %s %q: focus visible %v, on screen %v", f.Key, f.Text, f.Visible, f.InView)
		}
		seen = append(seen, f)
		if f.Closed {
			run(t, ctx, "open "+f.Text, press(kb.Enter))
		}
	}
	return seen
}

// tabTo presses Tab until the focus is on an element for which match holds.
func tabTo(t *testing.T, ctx context.Context, what string, match func(focused) bool) focused {
	t.Helper()
	for i := 0; i < 150; i++ {
		run(t, ctx, "tab to "+what, press(kb.Tab))
		f := focusNow(t, ctx)
		if match(f) {
			if !f.Visible || !f.InView {
				t.Errorf("%s has the focus but it does not show (visible %v, on screen %v)", what, f.Visible, f.InView)
			}
			return f
		}
	}
	t.Fatalf("Tab never reached %s", what)
	return focused{}
}

// TestBrowserPhoneKeyboard does a desk's work at 390 px with the keyboard
// alone: every key the footer lists, ticking a card and a bulk action, the
// header's queue and mentions, opening a claim, and every form of the claim
// page reached by Tab with its focus showing.
func TestBrowserPhoneKeyboard(t *testing.T) {
	a, u := workspaceServer(t)
	ctx := headless(t)
	fc := a.user("fay", models.RoleFactchecker)
	a.user("eve", models.RoleEditor)
	bridge := a.seedClaim(fc, "The bridge at Shebekino was destroyed", "Vyacheslav Gladkov")
	a.seedClaim(fc, "Two drones were shot down over the region", "Ministry of Defence")
	queued := finalClaim(t, a, fc, "The dam is stable", models.Verified)
	if _, err := a.store.AddNote(context.Background(), fc, queued.ID, "@eve please sign this off"); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "phone", chromedp.EmulateViewport(390, 844))
	browserSignIn(t, ctx, u, "eve@desk.test")
	if txt := textOf(t, ctx, "footer.foot"); !strings.Contains(txt, "j/k move") || !strings.Contains(txt, "/ search") {
		t.Fatalf("the desk's keys footer: %q", txt)
	}

	// The header: the sign-off queue and the mentions, by Tab and Enter.
	q := tabTo(t, ctx, "the sign-off queue", func(f focused) bool { return strings.HasPrefix(f.Href, "/?awaiting_signoff=1") })
	if !strings.Contains(q.Text, "1") {
		t.Errorf("the queue link says %q", q.Text)
	}
	tabTo(t, ctx, "the mentions", func(f focused) bool { return f.Href == "/mentions" })
	run(t, ctx, "open the mentions", press(kb.Enter), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if txt := textOf(t, ctx, "main"); !strings.Contains(txt, "please sign this off") {
		t.Fatalf("mentions page: %q", txt)
	}
	run(t, ctx, "desk", chromedp.Navigate(u+"/"), chromedp.WaitVisible(chromedp.CSS("table.claims")))

	// "/" searches; Enter in the box runs the search.
	run(t, ctx, "/", press("/"))
	if f := focusNow(t, ctx); f.Name != "q" || !f.Visible {
		t.Fatalf("/ focused %+v, want the search box with its focus showing", f)
	}
	run(t, ctx, "search", press("bridge"+kb.Enter), chromedp.WaitVisible(chromedp.CSS(`input[name=q][value="bridge"]`)))
	if txt := textOf(t, ctx, ".summary"); !strings.HasPrefix(strings.TrimSpace(txt), "1 claim(s)") {
		t.Fatalf("after the search: %q", txt)
	}
	run(t, ctx, "all claims", chromedp.Navigate(u+"/"), chromedp.WaitVisible(chromedp.CSS("table.claims")))

	// j and k move through the cards, the focus on the card's link.
	run(t, ctx, "j j k", press("j"), press("j"), press("k"))
	cur, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function(){var rs=[].slice.call(document.querySelectorAll("[data-nav=list] .row"));
		var c=document.querySelector("[data-nav=list] .row.current");return rs.indexOf(c)+" "+(c&&c.contains(document.activeElement))})()`))
	if err != nil || cur != "0 true" {
		t.Fatalf("after j j k the current card and focus: %q (%v)", cur, err)
	}
	if f := focusNow(t, ctx); !f.Visible || !f.InView {
		t.Errorf("the current card's focus does not show: %+v", f)
	}

	// Tick the bridge claim's card with Space, then add a tag to the
	// ticked claims: the action chosen with the arrow keys, the tags typed,
	// Enter applies.
	tabTo(t, ctx, "the bridge claim's tick box", func(f focused) bool {
		return f.Name == "ids" && isBox(t, ctx, bridge.ID)
	})
	run(t, ctx, "tick", press(" "))
	if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement.checked`)); !ok {
		t.Fatal("Space did not tick the card")
	}
	tabTo(t, ctx, "the bulk action", func(f focused) bool { return f.Name == "action" })
	run(t, ctx, "choose add tags", press(kb.ArrowDown), press(kb.ArrowDown))
	if v, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.value`)); v != "tag" {
		t.Fatalf("the arrow keys chose %q, want tag", v)
	}
	tabTo(t, ctx, "the tags box", func(f focused) bool { return f.Name == "tags" })
	run(t, ctx, "type tags", press("phone check"))
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("document.body.dataset.before = '1', true")); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "apply", press(kb.Enter), chromedp.WaitVisible(chromedp.CSS("body:not([data-before]) .flash")))
	if txt := textOf(t, ctx, ".flash"); !strings.Contains(txt, "Changed 1 claim(s).") {
		t.Fatalf("after the bulk action: %q", txt)
	}
	if c, err := a.store.Claim(context.Background(), bridge.ID); err != nil || strings.Join(c.Tags, ",") != "phone check" {
		t.Fatalf("the bulk action's tags: %+v (%v)", c, err)
	}

	// o opens the current card; so does Enter, from the desk again.
	run(t, ctx, "j o", press("j"), press("o"), chromedp.WaitVisible(chromedp.CSS("#attribution")))
	run(t, ctx, "back", chromedp.Navigate(u+"/"), chromedp.WaitVisible(chromedp.CSS("table.claims")))
	run(t, ctx, "j Enter", press("j"), press(kb.Enter), chromedp.WaitVisible(chromedp.CSS("#attribution")))

	// The claim page: v goes to the verdict, and Tab reaches every control
	// of every form (closed sections opened with Enter), each with its
	// focus showing and on the screen.
	if txt := textOf(t, ctx, "footer.foot"); !strings.Contains(txt, "v verdict") {
		t.Fatalf("the claim page's keys footer: %q", txt)
	}
	run(t, ctx, "v", press("v"))
	if f := focusNow(t, ctx); f.Tag != "SELECT" || !f.Visible || !f.InView {
		t.Fatalf("v focused %+v, want the verdict with its focus showing", f)
	}
	walk := tabWalk(t, ctx, 400)
	reached := map[string]bool{}
	for _, f := range walk {
		reached[f.Key] = true
	}
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](formControlsJS))
	if err != nil {
		t.Fatal(err)
	}
	var controls []string
	if err := json.Unmarshal([]byte(s), &controls); err != nil {
		t.Fatal(err)
	}
	if len(controls) < 10 {
		t.Fatalf("only %d form controls on the claim page: %v", len(controls), controls)
	}
	for _, c := range controls {
		if !reached[c] {
			t.Errorf("Tab never reaches %s on the claim page at 390 px", c)
		}
	}
	for _, form := range []string{"Edit the claim", "Change the verdict", "Add a note", "Add evidence", "Take the claim off the desk"} {
		found := false
		for _, c := range controls {
			found = found || strings.HasSuffix(c, " in "+form)
		}
		if !found {
			t.Errorf("the form %q was not opened and walked", form)
		}
	}
	over, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.scrollWidth+" "+document.documentElement.clientWidth`))
	if f := strings.Fields(over); len(f) < 2 || f[0] != f[1] {
		t.Errorf("the claim page with its forms open scrolls sideways at 390 px: %s", over)
	}
}

// press types keys as a keyboard does: each key's text goes with its
// keydown, so a page that handles the keydown (a shortcut) can stop the
// text from being typed, as in a real browser. (chromedp.KeyEvent sends the
// text as an event of its own, which no keydown handler can stop.)
func press(keys string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		for _, r := range keys {
			evs := kb.Encode(r)
			text := ""
			for _, k := range evs {
				if k.Type == kb.KeyChar {
					text = k.Text
				}
			}
			for _, k := range evs {
				if k.Type == kb.KeyChar {
					continue
				}
				if k.Type == kb.KeyDown {
					k.Text, k.UnmodifiedText = text, text
				}
				if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, *k); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// isBox reports whether the focus is the tick box of claim id.
func isBox(t *testing.T, ctx context.Context, id int64) bool {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.value`))
	return err == nil && v == itoa64(id)
}
