// Package similar tells whether two claims say the same thing, and what
// differs between them, the way a fact-checker reads them: the figures
// ("two", "2" and "a pair" are the same number; "more than 30" and "30+" the
// same bound), the places named, who made the claim (a source's aliases count
// as the source) and whether it is asserted or denied. It is pure code with no
// database: the store finds candidate claims with its search index and asks
// this package to score them.
package similar
