// Package capture keeps a copy of the page an evidence link points to, the
// way a web archive would: it fetches the URL through the guarded outbound
// client, keeps the request and response as sent and received with the body's
// SHA-256, and writes them as a WARC/1.1 request and response record pair
// that standard web-archive tools open. It can also ask the Internet
// Archive's Save Page Now to keep a public copy.
//
// The package holds no database and no HTTP server: models stores what
// Fetch returns and runs captures in its worker pool.
package capture
