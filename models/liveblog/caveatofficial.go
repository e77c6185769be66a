package liveblog

// officialKinds, before "account" or "version" in a caveat, name the kind
// of party whose words it could not check: "it was not possible to
// independently verify the official account of the incident" is about what
// officials said, whoever among them said it.
var officialKinds = setOf("official", "government", "military", "police", "army")

// accountNouns are what a kind of party's words are called after its
// adjective; a toll or figures are weighed by what they count instead.
var accountNouns = setOf("account", "accounts", "version", "versions")

// officialParty returns the kind of party whose account a caveat names
// ("the official account"), or "". It outweighs what the account is of
// ("… of the incident").
func officialParty(ws []word) string {
	for i := 1; i < len(ws); i++ {
		if accountNouns[ws[i].lower] && officialKinds[ws[i-1].lower] {
			return ws[i-1].lower
		}
	}
	return ""
}
