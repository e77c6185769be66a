//go:build race

package cli

// raceDetector is true when the tests run with -race, whose shadow memory
// makes the process several times larger than the binary a newsroom runs.
const raceDetector = true
