package events

import (
	"encoding/json"
	"strconv"
)

// Frame is e as a Server-Sent Events message: an "id:" line for stored
// events and Ready (a client resumes after it), the "event:" line with the type, and
// the event as JSON on one "data:" line, ending with a blank line. The feed
// renders each event once and every stream writes the same bytes.
func Frame(e Event) []byte {
	data, err := json.Marshal(e)
	if err != nil {
		// An Event holds only numbers, strings, times and checked JSON.
		data = []byte(`{"type":"` + Resync + `"}`)
	}
	b := make([]byte, 0, len(data)+len(e.Type)+40)
	if e.Stored() || e.Type == Ready {
		b = append(b, "id: "...)
		b = strconv.AppendInt(b, e.ID, 10)
		b = append(b, '\n')
	}
	b = append(b, "event: "...)
	b = append(b, e.Type...)
	b = append(b, "\ndata: "...)
	b = append(b, data...)
	return append(b, "\n\n"...)
}

// Framed returns evs with Frame set on each, so that the frame is rendered
// once however many streams write it.
func Framed(evs []Event) []Event {
	for i := range evs {
		evs[i].Frame = Frame(evs[i])
	}
	return evs
}
