package liveblog

import "testing"

// TestPronounQuotedAsSayingBy: `"Q," he was quoted as saying by Nova
// Radio.` is the speaker's quotation, relayed by the outlet.
func TestPronounQuotedAsSayingBy(t *testing.T) {
	checkTable(t, []claimCase{
		{`Spokesman Ivo Lind said rescue work had stopped. "The highway is closed," he was quoted as saying by Nova Radio.`,
			[]want{{"The highway is closed", "Ivo Lind"}}},
	})
}
