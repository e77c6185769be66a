package events

import (
	"bufio"
	"io"
	"strings"
)

// Message is one message of a stream as a client reads it: an event (Type
// and Data, and ID for stored events and Ready), or a comment line such as
// the keep-alive.
type Message struct {
	ID, Type, Data string
	Comment        string
}

// Reader reads the messages of a stream that Frame wrote: the client side
// of the format, for the command-line tools, the load tool and tests.
type Reader struct {
	sc *bufio.Scanner
}

// NewReader reads messages from r.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	return &Reader{sc: sc}
}

// Next returns the next message, or io.EOF when the stream ended.
func (r *Reader) Next() (Message, error) {
	var m Message
	for r.sc.Scan() {
		line := r.sc.Text()
		switch {
		case line == "":
			if m.Type != "" || m.Data != "" {
				return m, nil
			}
			m = Message{}
		case strings.HasPrefix(line, ":"):
			return Message{Comment: strings.TrimSpace(line[1:])}, nil
		default:
			field, value, _ := strings.Cut(line, ":")
			value = strings.TrimPrefix(value, " ")
			switch field {
			case "id":
				m.ID = value
			case "event":
				m.Type = value
			case "data":
				if m.Data != "" {
					m.Data += "\n"
				}
				m.Data += value
			}
		}
	}
	if err := r.sc.Err(); err != nil {
		return m, err
	}
	return m, io.EOF
}
