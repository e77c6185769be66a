package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// webhookRequest is the body of POST /api/v1/webhooks.
type webhookRequest struct {
	URL    string   `json:"url" validate:"required,max=2000"`
	Events []string `json:"events" validate:"required,min=1,max=20"`
	Secret string   `json:"secret" validate:"max=200"`
}

// webhookCreated is a new webhook with its secret, shown this once.
type webhookCreated struct {
	*models.Webhook
	Secret string `json:"secret"`
}

func (h *Handler) createWebhook(c echo.Context) error {
	var req webhookRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	w, secret, err := h.store.CreateWebhook(c.Request().Context(), currentUser(c),
		models.WebhookInput{URL: req.URL, Events: req.Events, Secret: req.Secret})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, webhookCreated{Webhook: w, Secret: secret})
}

func (h *Handler) listWebhooks(c echo.Context) error {
	ws, err := h.store.Webhooks(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"webhooks": ws})
}

func (h *Handler) webhookDeliveries(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ds, err := h.store.WebhookDeliveries(c.Request().Context(), id, models.MaxDeliveriesListed)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"deliveries": ds})
}

func (h *Handler) webhookTest(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.SendTestEvent(c.Request().Context(), id); err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{"queued": true})
}

func (h *Handler) webhookRetry(c echo.Context) error {
	id, err := h.retryDelivery(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{"queued": true, "webhook_id": id})
}

// retryDelivery runs "retry now" on the delivery :did of webhook :id,
// which it returns.
func (h *Handler) retryDelivery(c echo.Context) (int64, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return 0, err
	}
	did, err := idParam(c, "did")
	if err != nil {
		return 0, err
	}
	return id, h.store.RetryDelivery(c.Request().Context(), id, did)
}

// webhookActiveRequest pauses or resumes a webhook.
type webhookActiveRequest struct {
	Active *bool `json:"active" validate:"required"`
}

func (h *Handler) updateWebhook(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req webhookActiveRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	if err := h.store.SetWebhookActive(ctx, id, *req.Active); err != nil {
		return err
	}
	w, err := h.store.Webhook(ctx, id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, w)
}

// webhookRoutes lists the publishing routes of the API.
func (h *Handler) webhookRoutes(api *echo.Group) {
	viewer, admin := need(models.RoleViewer), need(models.RoleAdmin)
	api.GET("/corrections", h.listCorrections, viewer)
	api.GET("/webhooks", h.listWebhooks, admin)
	api.POST("/webhooks", h.createWebhook, admin)
	api.PATCH("/webhooks/:id", h.updateWebhook, admin)
	api.GET("/webhooks/:id/deliveries", h.webhookDeliveries, admin)
	api.POST("/webhooks/:id/test", h.webhookTest, admin)
	api.POST("/webhooks/:id/deliveries/:did/retry", h.webhookRetry, admin)
}
