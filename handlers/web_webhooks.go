package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// webhooksPage lists the webhooks with their deliveries counted, and the
// form to add one (admins).
func (h *Handler) webhooksPage(c echo.Context) error {
	return h.renderWebhooks(c, http.StatusOK, newView(c, "Webhooks", "webhooks"), "")
}

func (h *Handler) renderWebhooks(c echo.Context, status int, v view, secret string) error {
	ws, err := h.store.Webhooks(c.Request().Context())
	if err != nil {
		return err
	}
	checked := map[string]bool{}
	for _, e := range v.Form["events"] {
		checked[e] = true
	}
	// A new webhook starts with what readers may see; the desk's other
	// events are there to tick.
	public := map[string]bool{models.EventClaimPublished: true, models.EventClaimCorrected: true}
	v.D = map[string]any{"Webhooks": ws, "Secret": secret, "Events": models.WebhookEvents(), "Checked": checked, "Default": public}
	return h.render(c, status, "webhooks", v)
}

// webhookCreate adds a webhook and shows its secret this once.
func (h *Handler) webhookCreate(c echo.Context) error {
	f := formValues(c, "url", "secret")
	f.Set("_form", "webhook")
	params, err := c.FormParams()
	if err != nil {
		return err
	}
	events := params["events"]
	f["events"] = events
	w, secret, err := h.store.CreateWebhook(c.Request().Context(), currentUser(c),
		models.WebhookInput{URL: f.Get("url"), Events: events, Secret: f.Get("secret")})
	if ve, ok := asValidation(err); ok {
		v := newView(c, "Webhooks", "webhooks")
		f.Del("secret")
		v.Form, v.Errors = f, ve.Fields
		return h.renderWebhooks(c, http.StatusUnprocessableEntity, v, "")
	}
	if err != nil {
		return err
	}
	v := newView(c, "Webhooks", "webhooks")
	v.Flash = "Added the webhook for " + w.URL + ". Copy its secret now: it is not shown again."
	return h.renderWebhooks(c, http.StatusOK, v, secret)
}

// webhookPage is one webhook's delivery log, with "send test event" and
// "retry now".
func (h *Handler) webhookPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	w, err := h.store.Webhook(ctx, id)
	if err != nil {
		return err
	}
	ds, err := h.store.WebhookDeliveries(ctx, id, models.MaxDeliveriesListed)
	if err != nil {
		return err
	}
	v := newView(c, "Webhook "+w.URL, "webhooks")
	v.D = map[string]any{"Webhook": w, "Deliveries": ds}
	return h.render(c, http.StatusOK, "webhook", v)
}

// webhookSendTest queues a test event and goes back to the log.
func (h *Handler) webhookSendTest(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.SendTestEvent(c.Request().Context(), id); err != nil {
		return err
	}
	setFlash(c, "A test event is on its way; its attempts show below.")
	return c.Redirect(http.StatusSeeOther, "/admin/webhooks/"+strconv.FormatInt(id, 10))
}

// webhookRetryNow makes a delivery due now and goes back to the log.
func (h *Handler) webhookRetryNow(c echo.Context) error {
	id, err := h.retryDelivery(c)
	msg := "The delivery will be tried again now."
	if err != nil {
		ve, ok := asValidation(err)
		if !ok {
			return err
		}
		msg = "Not retried: the delivery " + ve.Fields["delivery"] + "."
	}
	setFlash(c, msg)
	return c.Redirect(http.StatusSeeOther, "/admin/webhooks/"+strconv.FormatInt(id, 10))
}

// webhookPause pauses or resumes a webhook from its page.
func (h *Handler) webhookPause(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	active := c.FormValue("active") == "1"
	if err := h.store.SetWebhookActive(c.Request().Context(), id, active); err != nil {
		return err
	}
	if active {
		setFlash(c, "The webhook is active again.")
	} else {
		setFlash(c, "The webhook is paused: new events are not queued for it; what is queued is still sent.")
	}
	return c.Redirect(http.StatusSeeOther, "/admin/webhooks/"+strconv.FormatInt(id, 10))
}

// webhookPages registers the admin pages of webhooks.
func (h *Handler) webhookPages(web *echo.Group) {
	admin := need(models.RoleAdmin)
	web.GET("/admin/webhooks", h.webhooksPage, admin)
	web.POST("/admin/webhooks", h.webhookCreate, admin)
	web.GET("/admin/webhooks/:id", h.webhookPage, admin)
	web.POST("/admin/webhooks/:id/test", h.webhookSendTest, admin)
	web.POST("/admin/webhooks/:id/active", h.webhookPause, admin)
	web.POST("/admin/webhooks/:id/deliveries/:did/retry", h.webhookRetryNow, admin)
}
