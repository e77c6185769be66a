package models

import "strings"

// schemaV13 adds publishing: corrections (rule 8), webhooks with their
// durable delivery queue, and an index for the public feed. Corrections are
// append-only like the activity log: triggers refuse any UPDATE or DELETE.
// The same statements serve both databases; only the id, time, flag and
// guard syntax differ (see v13Statements).
var (
	schemaV13   = v13Statements(false)
	pgSchemaV13 = v13Statements(true)
)

func v13Statements(pg bool) []string {
	id, ref, stamp, flag, yes := "INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER", "DATETIME", "INTEGER", "1"
	if pg {
		id, ref, stamp, flag, yes = "BIGSERIAL PRIMARY KEY", "BIGINT", "TIMESTAMPTZ", "BOOLEAN", "true"
	}
	r := strings.NewReplacer("$ID", id, "$REF", ref, "$STAMP", stamp, "$FLAG", flag, "$YES", yes)
	stmts := []string{
		// A correction keeps the claim as it was published (text, quote,
		// claimant, verdict, rationale, sign-off, the evidence that stood),
		// what it changed to, who, when, why, and the "Update:" line.
		`CREATE TABLE corrections (
			id $ID,
			claim_id $REF NOT NULL REFERENCES claims(id),
			story_id $REF NOT NULL REFERENCES stories(id),
			kind TEXT NOT NULL CHECK (kind IN ('verdict','edit')),
			from_verdict TEXT NOT NULL,
			to_verdict TEXT NOT NULL,
			from_text TEXT NOT NULL,
			to_text TEXT NOT NULL,
			from_quote TEXT NOT NULL DEFAULT '',
			to_quote TEXT NOT NULL DEFAULT '',
			from_claimant TEXT NOT NULL,
			to_claimant TEXT NOT NULL,
			from_rationale TEXT NOT NULL DEFAULT '',
			verdict_by_id $REF REFERENCES users(id),
			verdict_at $STAMP,
			signed_off_by_id $REF REFERENCES users(id),
			signed_off_at $STAMP NOT NULL,
			evidence TEXT NOT NULL DEFAULT '[]',
			reason TEXT NOT NULL,
			update_line TEXT NOT NULL,
			by_id $REF REFERENCES users(id),
			created_at $STAMP NOT NULL)`,
		`CREATE INDEX corrections_claim ON corrections(claim_id, id)`,
		`CREATE INDEX corrections_story ON corrections(story_id, id)`,
		`CREATE INDEX corrections_created ON corrections(created_at, id)`,
		`CREATE TABLE webhooks (
			id $ID,
			url TEXT NOT NULL,
			secret TEXT NOT NULL,
			events TEXT NOT NULL,
			active $FLAG NOT NULL DEFAULT $YES,
			created_by_id $REF REFERENCES users(id),
			created_at $STAMP NOT NULL,
			updated_at $STAMP NOT NULL)`,
		// One row per event per webhook: the body is fixed when the event
		// happens (in the same transaction), so every attempt sends the same
		// delivery id and content. lease_until/leased_by say which server is
		// sending it right now; an expired lease is free again.
		`CREATE TABLE webhook_deliveries (
			id $ID,
			webhook_id $REF NOT NULL REFERENCES webhooks(id),
			delivery_id TEXT NOT NULL UNIQUE,
			event_type TEXT NOT NULL,
			claim_id $REF REFERENCES claims(id),
			payload TEXT NOT NULL,
			status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','delivered','failed')),
			attempts INTEGER NOT NULL DEFAULT 0,
			next_attempt_at $STAMP NOT NULL,
			lease_until $STAMP,
			leased_by TEXT NOT NULL DEFAULT '',
			last_status INTEGER NOT NULL DEFAULT 0,
			last_error TEXT NOT NULL DEFAULT '',
			created_at $STAMP NOT NULL,
			first_attempt_at $STAMP,
			finished_at $STAMP)`,
		`CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at)`,
		`CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries(webhook_id, id)`,
		`CREATE TABLE webhook_attempts (
			id $ID,
			delivery_id $REF NOT NULL REFERENCES webhook_deliveries(id),
			attempt INTEGER NOT NULL,
			status_code INTEGER NOT NULL DEFAULT 0,
			duration_ms INTEGER NOT NULL DEFAULT 0,
			error TEXT NOT NULL DEFAULT '',
			server TEXT NOT NULL DEFAULT '',
			created_at $STAMP NOT NULL)`,
		`CREATE INDEX webhook_attempts_delivery ON webhook_attempts(delivery_id, id)`,
		// The public feed lists the newest publications first.
		`CREATE INDEX claims_signed_off ON claims(signed_off_at) WHERE signed_off_at IS NOT NULL`,
	}
	if pg {
		stmts = append(stmts,
			`CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
				FOR EACH ROW EXECUTE FUNCTION refuse_change('corrections are append-only')`,
			`CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
				FOR EACH ROW EXECUTE FUNCTION refuse_change('corrections are append-only')`,
			`CREATE TRIGGER corrections_no_truncate BEFORE TRUNCATE ON corrections
				FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('corrections are append-only')`)
	} else {
		stmts = append(stmts,
			`CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
				BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END`,
			`CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
				BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END`)
	}
	for i, s := range stmts {
		stmts[i] = r.Replace(s)
	}
	return stmts
}
