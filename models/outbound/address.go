package outbound

import (
	"net/netip"
	"strconv"
	"strings"
)

// reservedRange is an address block the guard refuses, with the words the
// refusal uses.
type reservedRange struct {
	prefix netip.Prefix
	why    string
}

// reservedV4 lists IPv4 blocks that are not the public internet (IANA's
// special-purpose registry), beyond what netip's own predicates cover.
func reservedV4() []reservedRange {
	return []reservedRange{
		{netip.MustParsePrefix("0.0.0.0/8"), "\"this network\" (0.0.0.0/8)"},
		{netip.MustParsePrefix("100.64.0.0/10"), "shared address space (CGNAT)"},
		{netip.MustParsePrefix("192.0.0.0/24"), "reserved for protocol assignments"},
		{netip.MustParsePrefix("192.0.2.0/24"), "documentation"},
		{netip.MustParsePrefix("192.88.99.0/24"), "6to4 relay anycast"},
		{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
		{netip.MustParsePrefix("198.51.100.0/24"), "documentation"},
		{netip.MustParsePrefix("203.0.113.0/24"), "documentation"},
		{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
	}
}

// reservedV6 lists IPv6 blocks that are not the public internet, beyond
// netip's predicates. Blocks that embed an IPv4 address are handled apart.
func reservedV6() []reservedRange {
	return []reservedRange{
		{netip.MustParsePrefix("::/96"), "IPv4-compatible (deprecated)"},
		{netip.MustParsePrefix("64:ff9b:1::/48"), "local-use NAT64"},
		{netip.MustParsePrefix("100::/64"), "discard-only"},
		{netip.MustParsePrefix("2001::/23"), "reserved for protocol assignments"},
		{netip.MustParsePrefix("2001:db8::/32"), "documentation"},
		{netip.MustParsePrefix("3fff::/20"), "documentation"},
		{netip.MustParsePrefix("5f00::/16"), "segment routing"},
		{netip.MustParsePrefix("fec0::/10"), "site-local (deprecated)"},
	}
}

// Refusal says why ip is not a public internet address, or "" when it is.
// It is the single decision behind the guard: the dialer calls it on every
// address it is about to connect to.
func Refusal(ip netip.Addr) string {
	if !ip.IsValid() {
		return "not an IP address"
	}
	ip = ip.WithZone("")
	if ip.Is4In6() {
		if why := Refusal(ip.Unmap()); why != "" {
			return "IPv4-mapped " + why
		}
		return ""
	}
	switch {
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsLoopback():
		return "loopback"
	case ip.IsPrivate():
		return "private"
	case ip.IsLinkLocalUnicast():
		return "link-local"
	case ip.IsMulticast(), ip.IsLinkLocalMulticast(), ip.IsInterfaceLocalMulticast():
		return "multicast"
	}
	if ip.Is4() {
		if ip == netip.AddrFrom4([4]byte{255, 255, 255, 255}) {
			return "broadcast"
		}
		for _, r := range reservedV4() {
			if r.prefix.Contains(ip) {
				return r.why
			}
		}
		return ""
	}
	if v4, ok := embeddedV4(ip); ok {
		if why := Refusal(v4); why != "" {
			return "IPv6-embedded " + why
		}
		return ""
	}
	for _, r := range reservedV6() {
		if r.prefix.Contains(ip) {
			return r.why
		}
	}
	return ""
}

// embeddedV4 returns the IPv4 address carried by a NAT64 (64:ff9b::/96) or
// 6to4 (2002::/16) address, which reaches that IPv4 host.
func embeddedV4(ip netip.Addr) (netip.Addr, bool) {
	b := ip.As16()
	switch {
	case netip.MustParsePrefix("64:ff9b::/96").Contains(ip):
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
	case netip.MustParsePrefix("2002::/16").Contains(ip):
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), true
	}
	return netip.Addr{}, false
}

// numericHost reads host the way inet_aton and browsers do, so that forms
// such as "2130706433", "0177.0.0.1", "0x7f.1" or "127.1" mean the address a
// resolver would turn them into (here 127.0.0.1) and are checked as such
// instead of being sent to DNS. Bracketed or plain IPv6 and ordinary dotted
// IPv4 are parsed too. ok is false for anything that is a name.
func numericHost(host string) (netip.Addr, bool) {
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if ip, err := netip.ParseAddr(host); err == nil {
		return ip, true
	}
	parts := strings.Split(host, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		n, ok := inetNumber(p)
		if !ok {
			return netip.Addr{}, false
		}
		nums[i] = n
	}
	var v uint64
	for i, n := range nums[:len(nums)-1] {
		if n > 255 {
			return netip.Addr{}, false
		}
		v |= n << (8 * (3 - i))
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return netip.Addr{}, false
	}
	v |= last
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true
}

// inetNumber parses one part of an inet_aton address: decimal, octal with a
// leading 0, or hexadecimal with 0x.
func inetNumber(p string) (uint64, bool) {
	if p == "" {
		return 0, false
	}
	base, digits := 10, p
	switch {
	case len(p) > 1 && (p[:2] == "0x" || p[:2] == "0X"):
		base, digits = 16, p[2:]
		if digits == "" {
			return 0, true
		}
	case len(p) > 1 && p[0] == '0':
		base, digits = 8, p[1:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || strings.ContainsAny(digits, "+-_") {
		return 0, false
	}
	return n, true
}
