package models

import (
	"context"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// SourceKinds are the kinds of claimant PRODUCT.md names.
var sourceKinds = []string{"person", "government", "military", "armed group", "intelligence", "company", "NGO", "media", "anonymous", "other"}

// SourceKinds lists the kinds of claimant, for forms and validation.
func SourceKinds() []string { return append([]string(nil), sourceKinds...) }

func validKind(k string) bool {
	for _, v := range sourceKinds {
		if v == k {
			return true
		}
	}
	return false
}

// Source is who made a claim. Sources are unique by their normalised name; a
// merged source points at the one it was merged into and keeps its row.
type Source struct {
	ID           int64         `json:"id"`
	Name         string        `json:"name"`
	NormName     string        `json:"-"`
	Role         string        `json:"role"`
	Kind         string        `json:"kind"`
	MergedIntoID *int64        `json:"merged_into_id,omitempty"`
	Version      int64         `json:"version"`
	CreatedAt    time.Time     `json:"created_at"`
	UpdatedAt    time.Time     `json:"updated_at"`
	Aliases      []SourceAlias `json:"-" gorm:"foreignKey:SourceID"`
}

// SourceAlias is another name a source goes by ("Gladkov", "governor of Belgorod").
type SourceAlias struct {
	ID        int64  `json:"-"`
	SourceID  int64  `json:"-"`
	Alias     string `json:"alias"`
	NormAlias string `json:"-"`
}

// AliasNames returns the aliases as plain strings.
func (src *Source) AliasNames() []string {
	out := make([]string, 0, len(src.Aliases))
	for _, a := range src.Aliases {
		out = append(out, a.Alias)
	}
	return out
}

// SourceInput is what a person may set on a source.
type SourceInput struct {
	Name    *string
	Role    *string
	Kind    *string
	Aliases *[]string
}

func (in SourceInput) apply(src *Source, creating bool) (aliases []string, v *ValidationError) {
	f := map[string]string{}
	if in.Name != nil || creating {
		n := ""
		if in.Name != nil {
			n = strings.Join(strings.Fields(*in.Name), " ")
		}
		checkText(f, "name", n, true, MaxNameLen)
		if f["name"] == "" && normName(n) == "" {
			f["name"] = "must contain letters or digits"
		}
		src.Name, src.NormName = n, normName(n)
	}
	if in.Role != nil {
		r := strings.Join(strings.Fields(*in.Role), " ")
		checkText(f, "role", r, false, MaxShortLen)
		src.Role = r
	}
	if in.Kind != nil {
		k := strings.TrimSpace(*in.Kind)
		if k == "" {
			k = "other"
		}
		if !validKind(k) {
			f["kind"] = "must be one of " + strings.Join(sourceKinds, ", ")
		}
		src.Kind = k
	}
	if creating && src.Kind == "" {
		src.Kind = "other"
	}
	if in.Aliases != nil {
		if len(*in.Aliases) > MaxAliases {
			f["aliases"] = "at most 50 aliases"
		}
		seen := map[string]bool{}
		for _, a := range *in.Aliases {
			a = strings.Join(strings.Fields(a), " ")
			fa := map[string]string{}
			checkText(fa, "aliases", a, true, MaxNameLen)
			if fa["aliases"] != "" {
				f["aliases"] = "each alias " + fa["aliases"]
				continue
			}
			na := normName(a)
			if na == "" || seen[na] || na == src.NormName {
				continue
			}
			seen[na] = true
			aliases = append(aliases, a)
		}
	}
	if len(f) > 0 {
		return nil, &ValidationError{Fields: f}
	}
	return aliases, nil
}

func replaceAliases(tx *gorm.DB, sourceID int64, aliases []string) error {
	if err := tx.Where("source_id = ?", sourceID).Delete(&SourceAlias{}).Error; err != nil {
		return err
	}
	for _, a := range aliases {
		if err := tx.Create(&SourceAlias{SourceID: sourceID, Alias: a, NormAlias: normName(a)}).Error; err != nil {
			return err
		}
	}
	return nil
}

// CreateSource adds a source. A name that folds to an existing source's name is
// a validation error that names the existing source.
func (s *Store) CreateSource(ctx context.Context, in SourceInput) (*Source, error) {
	src := &Source{Version: 1}
	aliases, v := in.apply(src, true)
	if v != nil {
		return nil, v
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		return createSourceTx(tx, src, aliases)
	})
	if err != nil {
		return nil, err
	}
	return s.Source(ctx, src.ID)
}

func createSourceTx(tx *gorm.DB, src *Source, aliases []string) error {
	var existing Source
	err := tx.Where("norm_name = ? AND merged_into_id IS NULL", src.NormName).First(&existing).Error
	if err == nil {
		return invalid("name", "a source with this name already exists (id "+strconv.Itoa(int(existing.ID))+")")
	}
	if !IsNotFound(err) {
		return err
	}
	if err := tx.Omit("Aliases").Create(src).Error; err != nil {
		return err
	}
	return replaceAliases(tx, src.ID, aliases)
}

// Source loads one source with its aliases.
func (s *Store) Source(ctx context.Context, id int64) (*Source, error) {
	var src Source
	if err := s.read(ctx).First(&src, id).Error; err != nil {
		return nil, err
	}
	// Read apart rather than preloaded, so that the source's id is bound
	// as arg: the desk page of a source asks for it every time.
	if err := s.read(ctx).Where("source_id = "+s.d.arg(), id).Order("id").Find(&src.Aliases).Error; err != nil {
		return nil, err
	}
	return &src, nil
}

// SourceListItem is a source with its claim count, for the sources list.
type SourceListItem struct {
	Source
	Claims int64 `json:"claims"`
}

// Sources lists current (not merged) sources by name, optionally those whose
// name or alias contains q.
func (s *Store) Sources(ctx context.Context, q string, limit, offset int) ([]SourceListItem, int64, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	db := s.read(ctx).Table("sources").Where("merged_into_id IS NULL")
	if nq := normName(q); nq != "" {
		like := "%" + escapeLike(nq) + "%"
		db = db.Where(`norm_name LIKE ? ESCAPE '\' OR id IN (SELECT source_id FROM source_aliases WHERE norm_alias LIKE ? ESCAPE '\')`, like, like)
	}
	var total int64
	if err := db.Session(&gorm.Session{}).Count(&total).Error; err != nil {
		return nil, 0, err
	}
	var out []SourceListItem
	err := db.Select(`sources.*, (SELECT COUNT(*) FROM claims WHERE claims.source_id = sources.id AND claims.withdrawn_at IS NULL) AS claims`).
		Order("norm_name, id").Limit(limit).Offset(offset).Scan(&out).Error
	if err != nil {
		return nil, 0, err
	}
	ids := make([]int64, len(out))
	for i := range out {
		ids[i] = out[i].ID
	}
	var aliases []SourceAlias
	if len(ids) > 0 {
		if err := s.read(ctx).Where("source_id IN ?", ids).Order("id").Find(&aliases).Error; err != nil {
			return nil, 0, err
		}
	}
	byID := map[int64][]SourceAlias{}
	for _, a := range aliases {
		byID[a.SourceID] = append(byID[a.SourceID], a)
	}
	for i := range out {
		out[i].Aliases = byID[out[i].ID]
	}
	return out, total, nil
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// MatchSource finds the current source whose name or alias folds to name, or
// returns ErrNotFound. Importers use it to reuse sources the desk already has.
func (s *Store) MatchSource(ctx context.Context, name string) (*Source, error) {
	return matchSourceTx(s.read(ctx), name)
}

func matchSourceTx(db *gorm.DB, name string) (*Source, error) {
	n := normName(name)
	if n == "" {
		return nil, ErrNotFound
	}
	var src Source
	err := db.Where("merged_into_id IS NULL AND (norm_name = ? OR id IN (SELECT source_id FROM source_aliases WHERE norm_alias = ?))", n, n).
		Order("id").First(&src).Error
	if err != nil {
		return nil, err
	}
	return &src, nil
}

// UpdateSource changes a source, checking the version it was based on.
func (s *Store) UpdateSource(ctx context.Context, id, version int64, in SourceInput) (*Source, error) {
	err := s.write(ctx, func(tx *gorm.DB) error {
		var src Source
		if err := tx.First(&src, id).Error; err != nil {
			return err
		}
		if src.Version != version {
			return invalid("version", "the source was changed by someone else meanwhile (now version "+strconv.Itoa(int(src.Version))+")")
		}
		oldNorm := src.NormName
		aliases, v := in.apply(&src, false)
		if v != nil {
			return v
		}
		if src.NormName != oldNorm {
			var n int64
			if err := tx.Model(&Source{}).Where("norm_name = ? AND merged_into_id IS NULL AND id <> ?", src.NormName, src.ID).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				return invalid("name", "another source has this name; merge them instead")
			}
		}
		src.Version++
		if err := tx.Omit("Aliases").Save(&src).Error; err != nil {
			return err
		}
		if in.Aliases != nil {
			return replaceAliases(tx, src.ID, aliases)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.Source(ctx, id)
}

// MergeSources moves every claim of source `from` to source `into`, keeps
// from's name and aliases as aliases of into, and marks from as merged. Each
// moved claim gets an Activity row.
func (s *Store) MergeSources(ctx context.Context, actor *User, from, into int64) (*Source, error) {
	if from == into {
		return nil, invalid("into_id", "cannot merge a source into itself")
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		var a, b Source
		if err := tx.Preload("Aliases").First(&a, from).Error; err != nil {
			return err
		}
		if err := tx.Preload("Aliases").First(&b, into).Error; err != nil {
			if IsNotFound(err) {
				return invalid("into_id", "no such source")
			}
			return err
		}
		if a.MergedIntoID != nil {
			return invalid("id", "this source was already merged")
		}
		if b.MergedIntoID != nil {
			return invalid("into_id", "that source was itself merged into another")
		}
		have := map[string]bool{b.NormName: true}
		for _, al := range b.Aliases {
			have[al.NormAlias] = true
		}
		for _, name := range append([]string{a.Name}, a.AliasNames()...) {
			n := normName(name)
			if have[n] {
				continue
			}
			have[n] = true
			if err := tx.Create(&SourceAlias{SourceID: b.ID, Alias: name, NormAlias: n}).Error; err != nil {
				return err
			}
		}
		var ids []int64
		if err := tx.Model(&Claim{}).Where("source_id = ?", a.ID).Pluck("id", &ids).Error; err != nil {
			return err
		}
		now := s.Now()
		for _, cid := range ids {
			if err := tx.Exec(`UPDATE claims SET source_id = ?, version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ?`,
				b.ID, now, actor.ID, cid).Error; err != nil {
				return err
			}
			if err := appendActivity(tx, &Activity{ClaimID: cid, ActorID: &actor.ID, Action: ActSourceMerged,
				FromValue: a.Name, ToValue: b.Name, CreatedAt: now}); err != nil {
				return err
			}
		}
		return tx.Model(&Source{}).Where("id = ?", a.ID).Updates(map[string]any{
			"merged_into_id": b.ID, "version": a.Version + 1, "updated_at": now}).Error
	})
	if err != nil {
		return nil, err
	}
	return s.Source(ctx, into)
}

// TrackRecord counts a source's claims by verdict: the bar on its page.
type TrackRecord struct {
	Total  int64            `json:"total"`
	ByVerd map[string]int64 `json:"by_verdict"`
}

// SourceTrackRecord counts the source's claims per verdict.
func (s *Store) SourceTrackRecord(ctx context.Context, id int64) (TrackRecord, error) {
	rows := []struct {
		Verdict string
		N       int64
	}{}
	tr := TrackRecord{ByVerd: map[string]int64{}}
	if err := s.read(ctx).Raw(`SELECT verdict, COUNT(*) AS n FROM claims WHERE source_id = ? AND withdrawn_at IS NULL GROUP BY verdict`, id).Scan(&rows).Error; err != nil {
		return tr, err
	}
	for _, v := range Verdicts() {
		tr.ByVerd[string(v)] = 0
	}
	for _, r := range rows {
		tr.ByVerd[r.Verdict] = r.N
		tr.Total += r.N
	}
	return tr, nil
}
