// Package livepage reads the HTML of a live-blog page into its entries, so a
// followed blog can be checked for what is new without anyone pasting it.
//
// Read tries, in order: schema.org LiveBlogPosting JSON-LD (each
// liveBlogUpdate with its headline, datePublished and articleBody, or only a
// URL whose #anchor names the block on the page that holds the text); the
// same as microdata (itemprop="liveBlogUpdate"); the page's repeated entry
// blocks that each carry a time (<article>, <li>, <div> with a <time> or a
// printed clock); and last the page's text split at printed timestamps, as
// the paste import does. Markup is turned into the plain text the extractor
// of package liveblog reads: paragraphs separated by blank lines, no
// scripts, navigation or buttons.
//
// Every entry has an identity (Key) that survives a re-fetch: the update's
// URL or id, else its time and headline, else a hash of its text; and a
// hash of its text (TextHash) that tells an edited entry from an unchanged
// one. Diff compares a page with the entries already seen, and Propose runs
// the extractor over the new and changed entries only.
//
// The package is pure code: no database, no network, no package-level
// mutable state.
package livepage
