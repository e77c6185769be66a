// Package events is the desk's live feed in memory: the Event that a change
// to a claim (or a candidate, a publication, a correction) produces, and the
// Hub that hands each event to every open stream. It knows nothing of the
// database or of HTTP: models writes events in the same transaction as the
// change they describe and publishes them here once committed; handlers
// subscribe and write them out as Server-Sent Events.
//
// A subscriber that stops reading never slows the others or the writer: each
// has a bounded buffer, and one that falls too far behind is dropped with a
// final "resync" event, after which it reconnects and replays what it missed
// from the database.
package events
