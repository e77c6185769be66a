// Package models holds Claimdesk's domain and its storage: the gorm types, the
// queries behind every list and page, and the review workflow rules. A workflow
// step (a verdict change, a sign-off) is one function here that checks the rules
// and writes the claim and its Activity row in one transaction, so no handler,
// command or import can bypass a rule. Nothing in this package knows about HTTP.
package models
