package handlers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// contrastJS finds every visible piece of text on the page whose rendered
// colour has less than 4.5:1 contrast (WCAG 2.2 AA) against the background
// it is drawn on: colours as the browser computed them, semi-transparent
// layers and opacity blended in.
const contrastJS = `(function(){
function parse(c){var m=c.match(/rgba?\(([^)]+)\)/);if(!m)return null;var p=m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);return {r:p[0],g:p[1],b:p[2],a:p.length>3?p[3]:1};}
function blend(top,bottom){var a=top.a;return {r:top.r*a+bottom.r*(1-a),g:top.g*a+bottom.g*(1-a),b:top.b*a+bottom.b*(1-a),a:1};}
function lum(c){function ch(v){v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4);}return 0.2126*ch(c.r)+0.7152*ch(c.g)+0.0722*ch(c.b);}
function bgOf(el){var layers=[];for(var e=el;e;e=e.parentElement){var c=parse(getComputedStyle(e).backgroundColor);if(c&&c.a>0){layers.push(c);if(c.a>=1)break;}}
 var bg={r:255,g:255,b:255,a:1};for(var i=layers.length-1;i>=0;i--)bg=blend(layers[i],bg);return bg;}
function opacityOf(el){var o=1;for(var e=el;e;e=e.parentElement)o*=Number(getComputedStyle(e).opacity);return o;}
var bad=[];var seen=0;
var walker=document.createTreeWalker(document.body,NodeFilter.SHOW_TEXT);
while(walker.nextNode()){var n=walker.currentNode;if(!n.textContent.trim())continue;var el=n.parentElement;if(!el)continue;
 var st=getComputedStyle(el);if(st.visibility==='hidden'||st.display==='none')continue;
 var r=el.getBoundingClientRect();if(r.width<2||r.height<2)continue;
 if(el.closest('option,select,svg,[hidden],details:not([open]) > :not(summary)'))continue;
 seen++;
 var bg=bgOf(el);var fg=parse(st.color);fg.a*=opacityOf(el);var f=blend(fg,bg);
 var l1=lum(f),l2=lum(bg);var ratio=(Math.max(l1,l2)+0.05)/(Math.min(l1,l2)+0.05);
 if(ratio<4.5)bad.push(ratio.toFixed(2)+' '+el.tagName.toLowerCase()+(el.className?'.'+String(el.className).split(' ').join('.'):'')+' "'+n.textContent.trim().slice(0,40)+'" '+st.color);}
return JSON.stringify({seen:seen,bad:bad.slice(0,40)});})()`

// TestBrowserContrastAndPhone checks every text of the main pages for WCAG AA
// contrast from the colours Chromium rendered, then the desk at 390 px: a
// list of cards, no sideways scrolling, still driven by the keyboard.
func TestBrowserContrastAndPhone(t *testing.T) {
	a, u := workspaceServer(t)
	ctx := headless(t)
	storyID, claimID := seedSamples(t, a)
	browserSignIn(t, ctx, u, "eve@desk.test")
	for _, p := range []struct{ path, wait string }{
		{"/", "table.claims"}, {"/?unconfirmed=1", "table.claims"}, {"/claims/" + itoa64(claimID), "#attribution"},
		{"/stories/" + itoa64(storyID), ".chart"}, {"/sources", "table.claims"}, {"/mentions", "h1"}, {"/import", "#import-text"},
	} {
		run(t, ctx, p.path, chromedp.EmulateViewport(1400, 900), chromedp.Navigate(u+p.path), chromedp.WaitVisible(chromedp.CSS(p.wait)))
		res, err := chromedp.Run(ctx, chromedp.Evaluate[string](contrastJS))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res, `"bad":[]`) || strings.Contains(res, `"seen":0`) {
			t.Errorf("%s: text below 4.5:1 contrast: %s", p.path, res)
		}
	}

	// A phone: 390 px wide.
	run(t, ctx, "phone desk", chromedp.EmulateViewport(390, 844), chromedp.Navigate(u+"/"), chromedp.WaitVisible(chromedp.CSS("table.claims")))
	over, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function(){var w=document.documentElement.clientWidth;var out=[];
		document.querySelectorAll("body *").forEach(function(e){var r=e.getBoundingClientRect();if(r.width>0&&r.right>w+1&&getComputedStyle(e).position!=="fixed")out.push(e.tagName+"."+e.className+" "+Math.round(r.right));});
		return document.documentElement.scrollWidth+" "+w+" "+out.slice(0,10).join(", ")})()`))
	if err != nil {
		t.Fatal(err)
	}
	if f := strings.Fields(over); len(f) < 2 || f[0] != f[1] {
		t.Errorf("the desk scrolls sideways at 390 px (scroll width, width, overflowing): %s", over)
	}
	display, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("table.claims tbody tr")).display`))
	if err != nil || display != "block" {
		t.Errorf("desk rows at 390 px display as %q, want cards (block)", display)
	}
	if res, _ := chromedp.Run(ctx, chromedp.Evaluate[string](contrastJS)); !strings.Contains(res, `"bad":[]`) {
		t.Errorf("phone desk: text below 4.5:1 contrast: %s", res)
	}
	if dir := os.Getenv("CLAIMDESK_SCREENSHOTS"); dir != "" {
		// The cards as a phone shows them: one screen, scrolled to the list.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".summary").scrollIntoView(), true`)); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "desk-phone.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Still driven by the keyboard: j moves to the first card, o opens it.
	run(t, ctx, "phone keys", chromedp.KeyEvent("j"), chromedp.KeyEvent("o"), chromedp.WaitVisible(chromedp.CSS("#attribution")))
	over, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.scrollWidth+" "+document.documentElement.clientWidth`))
	if f := strings.Fields(over); len(f) < 2 || f[0] != f[1] {
		t.Errorf("the claim page scrolls sideways at 390 px: %s", over)
	}
}
