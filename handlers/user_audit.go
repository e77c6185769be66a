package handlers

import (
	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// auditUserChange records what an admin changed about a user, one audit row
// per kind of change (role, disabled, enabled again, name), from the API or
// the pages alike; via says which ("API", "" for the pages).
func (h *Handler) auditUserChange(c echo.Context, before, after *models.User, via string) {
	admin := currentUser(c)
	note := func(s string) string {
		if via == "" {
			return s
		}
		return s + " (" + via + ")"
	}
	if before.Role != after.Role {
		h.audit(c, admin, after.Email, models.AuditRoleChanged, note(string(before.Role)+" → "+string(after.Role)))
	}
	switch {
	case !before.Disabled && after.Disabled:
		h.audit(c, admin, after.Email, models.AuditUserDisabled, note("disabled; sessions ended, API tokens revoked"))
	case before.Disabled && !after.Disabled:
		h.audit(c, admin, after.Email, models.AuditUserEnabled, note("enabled again"))
	}
	if before.Name != after.Name {
		h.audit(c, admin, after.Email, models.AuditUserRenamed, note(before.Name+" → "+after.Name))
	}
}
