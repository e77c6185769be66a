package liveblog

import (
	"fmt"
	"os"
	"testing"
)

func TestOne(t *testing.T) {
	s := os.Getenv("SENT")
	if s == "" {
		t.Skip()
	}
	for _, f := range sentenceFrames(s, 0) {
		fmt.Printf("%+v\n", f)
	}
	fmt.Printf("%+v\n", findTriggers(s, words(s), quoteSpans(s)))
}
