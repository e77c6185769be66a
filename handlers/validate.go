package handlers

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strings"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// newValidator reports fields by their JSON (or form) names, so the messages
// name what the client sent.
func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		for _, tag := range []string{"json", "form", "query"} {
			name := strings.SplitN(f.Tag.Get(tag), ",", 2)[0]
			if name == "-" {
				return ""
			}
			if name != "" {
				return name
			}
		}
		return f.Name
	})
	return v
}

// fieldMessage words one validator failure for a person.
func fieldMessage(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		return "is required"
	case "max":
		if fe.Kind() == reflect.String {
			return "must be at most " + fe.Param() + " characters"
		}
		if fe.Kind() == reflect.Slice {
			return "must have at most " + fe.Param() + " items"
		}
		return "must be at most " + fe.Param()
	case "min":
		if fe.Kind() == reflect.String {
			return "must be at least " + fe.Param() + " characters"
		}
		if fe.Kind() == reflect.Slice {
			return "must have at least " + fe.Param() + " items"
		}
		return "must be at least " + fe.Param()
	case "oneof":
		return "must be one of " + strings.ReplaceAll(fe.Param(), " ", ", ")
	case "email":
		return "must be a valid email address"
	case "url", "http_url":
		return "must be an http or https URL"
	case "gt", "gte":
		return "must be greater than " + fe.Param()
	case "utf8":
		return "must be valid text"
	}
	return "is invalid (" + fe.Tag() + ")"
}

// validationError converts validator failures to the one error type the error
// handler turns into 422.
func validationError(err error) error {
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		return err
	}
	f := map[string]string{}
	for _, fe := range ves {
		name := fe.Field()
		if _, dup := f[name]; !dup {
			f[name] = fieldMessage(fe)
		}
	}
	return &models.ValidationError{Fields: f}
}

// bindJSON decodes a JSON body into dst and validates it. A value of the wrong
// type is a 422 naming the field; a body that is not JSON is a 400.
func (h *Handler) bindJSON(c echo.Context, dst any) error {
	return h.bindJSONLimit(c, dst, h.cfg.MaxBodyBytes)
}

// bindJSONLimit is bindJSON with a body limit of its own, for the few routes
// that take large bodies (a pasted live blog).
func (h *Handler) bindJSONLimit(c echo.Context, dst any, limit int64) error {
	r := c.Request()
	if ct := r.Header.Get(echo.HeaderContentType); ct != "" && !strings.HasPrefix(ct, echo.MIMEApplicationJSON) {
		return echo.NewHTTPError(http.StatusUnsupportedMediaType, "send the body as application/json")
	}
	dec := json.NewDecoder(http.MaxBytesReader(c.Response(), r.Body, limit))
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if dec.More() {
		return echo.NewHTTPError(http.StatusBadRequest, "the body must hold one JSON object")
	}
	if err := h.validate.Struct(dst); err != nil {
		return validationError(err)
	}
	return nil
}

func decodeError(err error) error {
	var te *json.UnmarshalTypeError
	var mbe *http.MaxBytesError
	var se *json.SyntaxError
	switch {
	case errors.Is(err, errSlowBody):
		return echo.NewHTTPError(http.StatusRequestTimeout, errSlowBody.Error())
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			return &models.ValidationError{Fields: map[string]string{"body": "must be a JSON object"}}
		}
		return &models.ValidationError{Fields: map[string]string{field: "must be " + jsonKind(te.Type)}}
	case errors.As(err, &mbe):
		return echo.NewHTTPError(http.StatusRequestEntityTooLarge, "the request body is too large")
	case errors.Is(err, io.EOF):
		return &models.ValidationError{Fields: map[string]string{"body": "is empty; send a JSON object"}}
	case errors.As(err, &se), errors.Is(err, io.ErrUnexpectedEOF):
		return echo.NewHTTPError(http.StatusBadRequest, "the body is not valid JSON")
	}
	return echo.NewHTTPError(http.StatusBadRequest, "the body is not valid JSON")
}

func jsonKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "of type " + t.String()
}
