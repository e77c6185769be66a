package handlers

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// userRequest creates a user (admins only).
type userRequest struct {
	Name     string `json:"name" validate:"required,max=200"`
	Email    string `json:"email" validate:"required,email,max=254"`
	Role     string `json:"role" validate:"required,oneof=viewer factchecker editor admin"`
	Password string `json:"password" validate:"required,min=10,max=72"`
}

func (h *Handler) listUsers(c echo.Context) error {
	us, err := h.store.Users(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"users": us})
}

func (h *Handler) createUser(c echo.Context) error {
	var req userRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	u, err := h.store.CreateUser(c.Request().Context(), models.NewUser{Name: req.Name, Email: req.Email, Role: models.Role(req.Role), Password: req.Password})
	if err != nil {
		return err
	}
	admin := currentUser(c)
	h.audit(c, admin, admin.Email, models.AuditUserCreated, fmt.Sprintf("%s as %s (API)", u.Email, u.Role))
	return c.JSON(http.StatusCreated, u)
}

type userUpdateRequest struct {
	Name     *string `json:"name" validate:"omitempty,max=200"`
	Role     *string `json:"role" validate:"omitempty,oneof=viewer factchecker editor admin"`
	Disabled *bool   `json:"disabled"`
}

func (h *Handler) updateUser(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req userUpdateRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	up := models.UserUpdate{Name: req.Name, Disabled: req.Disabled}
	if req.Role != nil {
		r := models.Role(*req.Role)
		up.Role = &r
	}
	if id == currentUser(c).ID && ((up.Role != nil && *up.Role != models.RoleAdmin) || (up.Disabled != nil && *up.Disabled)) {
		return &models.ValidationError{Fields: map[string]string{"role": "you cannot demote or disable yourself"}}
	}
	before, err := h.store.User(c.Request().Context(), id)
	if err != nil {
		return err
	}
	u, err := h.store.UpdateUser(c.Request().Context(), id, up)
	if err != nil {
		return err
	}
	h.auditUserChange(c, before, u, "API")
	return c.JSON(http.StatusOK, u)
}
