// Package liveblog turns the pasted text of a live blog or wire report into
// its entries and into the attributed claims a fact-checking desk reviews.
//
// Parse splits a text into a title, timestamped entries (time as printed,
// headline, body) and photo captions with their credit. Extract goes on to
// find every attributed statement — "S said C", "C, according to S",
// quotations with the speaker before or after, denials, accusations,
// relayed reports — and returns it as a Candidate with its claimant resolved
// to the fullest name the text gives, the attribution as data (verb, direct
// or indirect, channel, relaying outlet) and the "could not be independently
// verified" caveat that covers it, if any.
//
// Decisions worth knowing: input must be UTF-8 text (invalid bytes are
// rejected with ErrNotText, not replaced, so quotes stay faithful); a claim
// found before the first timestamped entry has EntryIndex -1; a denial's claim
// is the denied statement with "not" added after its first auxiliary where
// there is one ("it was not overwhelmed"), and the verb says "denied"; a
// caveat covers the claims before it in its paragraph ("these figures"), the
// last statement ("the claim"), or the last two accounts ("neither",
// "both"), reaching back one paragraph when it stands alone, never beyond
// its entry. What a caveat names widens or narrows that: standing in a
// paragraph of its own, "the reports" covers every report of the entry
// before it and "the toll" every claim that gives a figure; "the
// ministry's figures" cover the ministry's claims only; a caveat about
// pictures covers no claim; a party saying it cannot confirm something
// makes a claim of its own, not a caveat; a subheading is neither.
//
// Each Candidate names the rule that proposed it (Candidate.Rule, described
// for readers by RuleDescription), so the import screen can say why a claim
// is there. Beyond "S said C" and its variants the rules read transcript
// turns ("Lin Wei: …"), one-line wire entries with a source after a colon
// ("…: TEPCO"), a paragraph introduced by "PA Media says:", relayed speakers
// ("Xinhua reported that X said", "PTI quotes X as saying"), and they keep
// adverbs, nouns ("investigate claims that") and agentless passives out of
// the claimants. Page furniture ("Read more:", sign-up calls, the headline
// lists under "More from …:") proposes nothing; wire datelines in their
// many forms name no speaker; a closing "…, a figure that could not be
// verified" is cut from its claim and flags it; a caveat about the
// statements of either side covers the whole entry; German tickers are read
// with the same frames.
//
// The package is pure code: standard library only, no database, no HTTP, no
// package-level mutable state. Work is linear in the size of the input, also
// within one huge entry: pronoun and role resolution and caveat scoping look
// only within an entry, and there only at a bounded number of mentions near
// the claim.
//
// A text of several entries uses every processor the runtime has: entries
// are scanned (sentences, rules, names, caveats) on one goroutine per
// processor, since scanning an entry needs nothing from the others, and one
// goroutine then resolves short names against earlier entries and emits
// the candidates in text order (scanahead.go). A long entry read alone has
// its sentences read ahead instead: words, quotations and the sentence
// rules on a second goroutine, speakers, caveats and paragraphs in order on
// the first (sentencepipe.go). The result is the same, byte for
// byte, as with one processor; the rules run on one entry, and the
// sentence rules on one sentence, at a time, as before, and need know
// nothing of it.
package liveblog
