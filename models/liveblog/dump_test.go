package liveblog

import (
	"fmt"
	"os"
	"testing"
)

func TestDumpX(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	c, err := Extract(string(b))
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range c {
		fmt.Printf("- [%d] %q\n    by %q verb=%q direct=%v ch=%q via=%q unv=%v\n", x.EntryIndex, x.Claim, x.Claimant, x.Verb, x.Direct, x.Channel, x.Via, x.Unverifiable)
	}
}
