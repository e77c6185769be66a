package liveblog

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"claimdesk/models/cputime"
)

// benchText builds a realistic live blog of about size bytes from the shared
// samples and the texts in testdata, repeated.
func benchText(b *testing.B, size int) string {
	b.Helper()
	var parts []string
	for _, dir := range []string{filepath.Join("..", "..", "..", "shared", "samples"), "testdata"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			parts = append(parts, string(data))
		}
	}
	if len(parts) == 0 {
		b.Skip("no texts to benchmark")
	}
	var sb strings.Builder
	for sb.Len() < size {
		for _, p := range parts {
			sb.WriteString(p)
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

// BenchmarkExtract reports MB/s at 1 MB and 10 MB (just under MaxInputBytes);
// equal rates show that the work grows linearly with the input.
func BenchmarkExtract(b *testing.B) {
	for _, c := range []struct {
		name string
		size int
	}{{"1MB", 1 << 20}, {"10MB", MaxInputBytes - 64<<10}} {
		text := benchText(b, c.size)
		if len(text) > MaxInputBytes {
			text = text[:strings.LastIndex(text[:MaxInputBytes], "\n\n")]
		}
		b.Run(c.name, func(b *testing.B) { benchExtract(b, text) })
	}
}

// benchExtract extracts text b.N times. Besides the wall-clock rate it
// reports cpu-MB/s, the input extracted per second of the process's CPU
// time (garbage collection included): on a machine shared with other work
// the wall clock measures the others too, the CPU time much less so.
func benchExtract(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	start := cputime.Self()
	n := 0
	for b.Loop() {
		if _, err := Extract(text); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if cpu := cputime.Self() - start; cpu > 0 {
		b.ReportMetric(float64(n)*float64(len(text))/1e6/cpu.Seconds(), "cpu-MB/s")
	}
}

// wireSentences are the building blocks of a synthetic wire report: names
// with roles, quotations before and after their speaker, "according to",
// denials, pronouns, roles referring back and caveats, so every resolution
// path of the extractor is exercised.
var wireSentences = []string{
	`{A}, the head of the {P} regional authority, said that {N} homes had been evacuated.`,
	`"We have never seen water this high," {A} told reporters on {D}.`,
	`She added that the dam at {P} was holding but that crews were watching it closely.`,
	`The toll rose to {N}, according to the {P} health ministry.`,
	`The figures could not be independently verified.`,
	`Police said two men had been arrested near the {P} bridge.`,
	`Opposition leader {B} accused the government of hiding the true number of victims.`,
	`The ministry denied that it had ignored warnings and said relief convoys were on their way.`,
	`{O} said in a statement that it had restored power to {N} households.`,
	`The company said repairs would take at least a week, Northwire reported, citing officials.`,
	`"Nobody here wants a long strike," he said, "but our members cannot live on promises."`,
	`The governor, quoted by state radio, said the army had been asked to help.`,
	`Residents said the sirens sounded too late.`,
	`Neither account could be confirmed.`,
	`The mayor of {P}, {C}, warned that more rain was expected on {D}.`,
	`{E}, who leads the {P} Workers' Union, denied the accusation.`,
	`Its spokesman told the news agency NPA the talks had failed.`,
	`Rescuers pulled {N} people from the rubble overnight, the fire service said.`,
}

var (
	benchFirst  = []string{"Marta", "Ana", "Piet", "Elin", "Tomas", "Ilse", "Jon", "Ola", "Sara", "Karim", "Lena", "Viktor"}
	benchLast   = []string{"Kellner", "Borg", "Vermaas", "Sova", "Wendt", "Baumann", "Berg", "Dahl", "Lind", "Haddad", "Novak", "Petrov"}
	benchPlaces = []string{"Halverston", "Vellamar", "Brück", "Oster", "Kalmar", "Dunmore", "Rivne", "Tarsk"}
	benchDays   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	benchOrgs   = []string{"Greyline Terminals", "Civil Rescue Corps", "Nordgrid Energie", "Harbour Workers' Union"}
)

// oneEntryText builds a wire report of about size bytes without any
// timestamp, which the parser treats as a single entry: the case where
// per-sentence work that looks over the whole entry shows up.
func oneEntryText(size int) string {
	var sb strings.Builder
	sb.WriteString("HALVERSTON (Northwire) - Dock workers stayed off the job for a third day, the union said.\n\n")
	for n := 0; sb.Len() < size; n++ {
		name := func(k int) string {
			return benchFirst[(n*7+k)%len(benchFirst)] + " " + benchLast[(n*5+k*3)%len(benchLast)]
		}
		for k := 0; k < 3; k++ { // three sentences a paragraph
			tmpl := wireSentences[(n*3+k)%len(wireSentences)]
			strings.NewReplacer("{A}", name(0), "{P}", benchPlaces[(n+k)%len(benchPlaces)],
				"{N}", strconv.Itoa(10+n%90), "{D}", benchDays[n%len(benchDays)], "{B}", name(1),
				"{O}", benchOrgs[n%len(benchOrgs)], "{C}", name(2), "{E}", name(3)).WriteString(&sb, tmpl)
			sb.WriteByte(' ')
		}
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkExtractOneEntry reports MB/s for one entry of 100 KB and 1 MB,
// and for 5 MB on a single line; equal rates show that the work within an
// entry is linear.
func BenchmarkExtractOneEntry(b *testing.B) {
	for _, c := range []struct {
		name    string
		size    int
		oneLine bool
	}{{"100KB", 100 << 10, false}, {"1MB", 1 << 20, false}, {"5MB-one-line", 5 << 20, true}} {
		text := oneEntryText(c.size)
		if c.oneLine {
			text = strings.ReplaceAll(text, "\n\n", " ")
		}
		b.Run(c.name, func(b *testing.B) { benchExtract(b, text) })
	}
}
