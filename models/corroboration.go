package models

import (
	"context"
	"net/url"
	"strings"
)

// claimantSelf is a claimant's name and aliases as word lists, to recognise
// evidence that comes from the claimant itself: the governor's own Telegram
// post is the claim, not a corroboration of it.
type claimantSelf [][]string

// newClaimantSelf folds the names as sources are matched (normName).
func newClaimantSelf(names ...string) claimantSelf {
	var out claimantSelf
	for _, n := range names {
		if ws := strings.Fields(normName(n)); len(ws) > 0 {
			out = append(out, ws)
		}
	}
	return out
}

// is reports whether an evidence item's origin is the claimant: its origin
// names the claimant (every word of the name or of an alias, "Gladkov's
// Telegram channel" for the alias "Gladkov"), or, without an origin, its
// link's host or first path segment does (t.me/vvgladkov).
func (self claimantSelf) is(origin, rawURL string) bool {
	if len(self) == 0 {
		return false
	}
	if o := normName(origin); o != "" {
		return self.inWords(strings.Fields(o))
	}
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return false
	}
	parts := []string{strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")}
	if seg := strings.Split(strings.Trim(u.Path, "/"), "/")[0]; seg != "" {
		parts = append(parts, strings.ToLower(seg))
	}
	for _, p := range parts {
		squashed := strings.NewReplacer(".", "", "-", "", "_", "").Replace(p)
		for _, name := range self {
			joined := strings.Join(name, "")
			if len(joined) >= 4 && strings.Contains(squashed, joined) {
				return true
			}
			// A handle made of the surname ("vvgladkov" for Vyacheslav Gladkov).
			if last := name[len(name)-1]; personLike(name) && len(last) >= 5 && strings.Contains(squashed, last) {
				return true
			}
		}
	}
	return false
}

// inWords reports whether every word of one of the names is among words.
func (self claimantSelf) inWords(words []string) bool {
	have := map[string]bool{}
	for _, w := range words {
		// normName joins a possessive to its word: "gladkovs" is Gladkov's.
		have[w], have[strings.TrimSuffix(w, "s")] = true, true
	}
	for _, name := range self {
		all := true
		for _, w := range name {
			if !have[w] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// CorroborationBesides counts the independent origins among a claim's
// standing supporting evidence (see Corroboration), leaving out evidence
// whose origin is the claimant itself, named by its name or aliases.
func CorroborationBesides(evs []Evidence, claimantNames ...string) int {
	self := newClaimantSelf(claimantNames...)
	kept := make([]Evidence, 0, len(evs))
	for _, ev := range evs {
		if !self.is(ev.Origin, ev.URL) {
			kept = append(kept, ev)
		}
	}
	return Corroboration(kept)
}

// ClaimCorroboration counts a claim's independent corroborating origins,
// leaving out what comes from the claimant itself (its name or aliases).
func (s *Store) ClaimCorroboration(ctx context.Context, c *Claim, evs []Evidence) (int, error) {
	src, err := s.Source(ctx, c.SourceID)
	if err != nil {
		return 0, err
	}
	return CorroborationBesides(evs, append([]string{src.Name}, src.AliasNames()...)...), nil
}

// personLike reports whether a folded name reads like a person's, given
// name and surname, rather than a title ("governor of belgorod").
func personLike(name []string) bool {
	if len(name) < 2 || len(name) > 4 {
		return false
	}
	for _, w := range name {
		if w == "of" || w == "the" || w == "for" {
			return false
		}
	}
	return true
}
