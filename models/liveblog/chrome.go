package liveblog

import "strings"

// linkStarts open the addresses an embedded post ends with ("…
// pic.twitter.com/abc", "https://t.co/…").
var linkStarts = []string{"pic.twitter.com/", "https://", "http://", "www."}

// withoutTrailingLinks cuts the addresses at the end of a claim taken from
// an embedded post: they are where the post links to, not what it says.
func withoutTrailingLinks(c string) string {
	for {
		k := strings.LastIndexByte(c, ' ')
		last := c[k+1:]
		link := false
		for _, p := range linkStarts {
			link = link || strings.HasPrefix(last, p)
		}
		if !link || k < 0 {
			return c
		}
		c = strings.TrimSpace(c[:k])
	}
}

// chromeOpeners open the lines of a page's furniture that a copied live
// blog carries along: calls to act ("Sign up", "Follow us"), links to other
// pages ("Read more:", "Related:", "Watch:") and labels. What follows them
// is an invitation or another article's headline, not a claim of this one.
var chromeOpeners = []string{"sign up", "subscribe", "follow us", "share this", "share on", "click here",
	"read more", "related:", "related coverage", "related stories", "more on this", "watch:", "listen:",
	"watch live", "download the", "get the latest", "advertisement", "sponsored", "recommended:",
	"also read", "read also", "read:", "see also", "more:", "more from", "most read", "most popular",
	"most viewed", "top stories", "you may also like", "you might also like", "more stories", "more news",
	"read next", "popular now", "explainer:", "analysis:", "opinion:",
	"catch up", "we use cookies", "copyright", "©", "all rights reserved",
	"this article was", "this story has been", "this story was", "editor's note", "editor’s note"}

// chromeInitials are the first letters of chromeOpeners, in lower case.
const chromeInitials = "acdefglmoprstwy"

// isChrome reports whether a paragraph is page furniture (see
// chromeOpeners).
func isChrome(para string) bool {
	p := strings.TrimLeft(para, " *#>-–—•·|[(")
	if len(p) == 0 || !strings.ContainsRune(chromeInitials, rune(p[0]|0x20)) && p[0] != 0xC2 {
		return false // no opener starts so (0xC2 starts "©")
	}
	for _, o := range chromeOpeners {
		if hasPrefixFold(p, o) {
			return true
		}
	}
	return false
}

// listOpeners head a list of links to other articles ("More from the
// region:", "Most read"); the headline lines under them are no claims.
var listOpeners = []string{"more from", "most read", "most popular", "most viewed", "top stories", "trending",
	"you may also like", "you might also like", "recommended", "related", "latest news", "more stories",
	"more news", "in other news", "further reading", "read more", "also read", "read next", "what to read next",
	"popular now", "more on this story", "more on this", "see also"}

// listInitials are the first letters of listOpeners.
const listInitials = "afilmprstwy"

// opensLinkList reports whether a paragraph heads a list of links: one of
// listOpeners, short, and not a sentence.
func opensLinkList(para string) bool {
	p := strings.TrimLeft(para, " *#>-–—•·|[(")
	if len(p) > 80 || len(p) == 0 || !strings.ContainsRune(listInitials, rune(p[0]|0x20)) {
		return false
	}
	if wordCount(p) > 8 || endsSentence(p) {
		return false
	}
	for _, o := range listOpeners {
		if hasPrefixFold(p, o) {
			return true
		}
	}
	return false
}
