// Package outbound is the one HTTP client Claimdesk uses for everything it
// fetches on its own (evidence captures, followed live blogs, webhooks). A
// newsroom runs Claimdesk inside its network, and the URLs it fetches come
// from users and from pages on the web, so every fetch goes through the same
// guard:
//
//   - only http and https URLs, on every redirect too;
//   - a time limit for connecting, one for the response headers and one for
//     the whole exchange, body included;
//   - a body size limit: reading past it fails with ErrTooLarge, which callers
//     tell apart from a network failure with errors.Is;
//   - a bounded number of redirects, each one checked again;
//   - a User-Agent that names Claimdesk, so site owners know who is calling;
//   - no connection to loopback, private, link-local, multicast, unspecified,
//     shared (CGNAT), documentation or otherwise reserved addresses, in IPv4,
//     IPv6 and IPv4-in-IPv6 forms. The decision is made in the dialer's
//     Control function on the address actually dialled, after DNS, so a name
//     that resolves to an internal address (DNS rebinding included) and a
//     redirect to an internal host are refused as well. Numeric host forms
//     that some resolvers accept (2130706433, 0177.0.0.1, 0x7f.1) are read
//     the way those resolvers read them and checked like any other address.
//
// Config.AllowPrivate lifts the address rule, for tests and for newsrooms
// whose sources live on a closed network (CLAIMDESK_FETCH_ALLOW_PRIVATE=on).
//
// # Proxies
//
// A proxy taken from the environment (HTTP_PROXY, HTTPS_PROXY, NO_PROXY) is
// honoured, since many newsrooms only reach the web through one. The proxy
// itself was configured by the operator, so the connection to it is allowed
// even when it sits on a private address. The address rule then cannot see
// the IP the proxy dials, so it is applied to the target before the request
// is handed to the proxy: an IP literal is checked as is, and a name is
// resolved here and refused if any of its addresses is non-public. The proxy
// resolves the name again on its own; a name whose answer changes between the
// two lookups can still reach what the proxy can reach, so a proxy in front
// of Claimdesk should itself refuse internal destinations. A request that
// would go directly (NO_PROXY) to the proxy's own address is refused, since
// that connection would skip the guard.
//
// The package knows nothing of the database or of echo; main reads the
// settings from the environment (ConfigFromEnv) and passes them in.
package outbound
