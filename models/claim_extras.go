package models

import "gorm.io/gorm"

// fillExtras loads what a claim shows beside its own row, for a page of
// claims with one query each: its tags, and whether a linked claim
// contradicts it (the attribution line says so).
func fillExtras(db *gorm.DB, claims []*Claim) error {
	if err := fillTags(db, claims); err != nil {
		return err
	}
	if len(claims) == 0 {
		return nil
	}
	ids := make([]int64, len(claims))
	for i, c := range claims {
		ids[i] = c.ID
	}
	var hit []int64
	err := db.Raw(`SELECT from_claim_id FROM claim_links WHERE kind = 'contradicts' AND from_claim_id IN ?
		UNION SELECT to_claim_id FROM claim_links WHERE kind = 'contradicts' AND to_claim_id IN ?`, ids, ids).Scan(&hit).Error
	if err != nil {
		return err
	}
	set := make(map[int64]bool, len(hit))
	for _, id := range hit {
		set[id] = true
	}
	for _, c := range claims {
		c.Contradicted = set[c.ID]
	}
	return nil
}
