package liveblog

// communicationMeans after "said by" make it the channel of a statement
// ("said by satellite telephone", "told Reuters by phone"), not the
// passive participle of "photos confirmed by the port authority".
var communicationMeans = setOf("telephone", "phone", "satellite", "text", "email", "e-mail", "video",
	"videolink", "video-link", "radio", "letter", "mobile", "cellphone", "whatsapp", "skype", "zoom",
	"sms", "telegram", "message", "messages")

// byMeans reports whether ws[i] is "by" followed by a means of
// communication.
func byMeans(ws []word, i int) bool {
	return i+1 < len(ws) && ws[i].lower == "by" && communicationMeans[ws[i+1].lower]
}
