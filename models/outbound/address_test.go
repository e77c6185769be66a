package outbound

import (
	"net/netip"
	"strings"
	"testing"
)

func TestRefusalTable(t *testing.T) {
	cases := []struct {
		addr string
		want string // "" for public, else a word the reason must contain
	}{
		{"8.8.8.8", ""},
		{"93.184.216.34", ""},
		{"1.1.1.1", ""},
		{"2606:4700:4700::1111", ""},
		{"2a00:1450:4001:80b::200e", ""},
		{"::ffff:8.8.8.8", ""},
		{"64:ff9b::808:808", ""},
		{"2002:808:808::1", ""},
		{"127.0.0.1", "loopback"},
		{"127.255.255.254", "loopback"},
		{"::1", "loopback"},
		{"10.0.0.1", "private"},
		{"172.16.0.1", "private"},
		{"172.31.255.255", "private"},
		{"192.168.1.1", "private"},
		{"fc00::1", "private"},
		{"fd12:3456::1", "private"},
		{"169.254.169.254", "link-local"},
		{"fe80::1", "link-local"},
		{"fe80::1%eth0", "link-local"},
		{"224.0.0.1", "multicast"},
		{"239.255.255.250", "multicast"},
		{"ff02::1", "multicast"},
		{"ff0e::1", "multicast"},
		{"0.0.0.0", "unspecified"},
		{"0.1.2.3", "this network"},
		{"::", "unspecified"},
		{"100.64.0.1", "CGNAT"},
		{"100.127.255.254", "CGNAT"},
		{"192.0.0.8", "protocol"},
		{"192.0.2.1", "documentation"},
		{"198.51.100.7", "documentation"},
		{"203.0.113.9", "documentation"},
		{"198.18.0.1", "benchmarking"},
		{"240.0.0.1", "reserved"},
		{"255.255.255.255", "broadcast"},
		{"::ffff:127.0.0.1", "IPv4-mapped loopback"},
		{"::ffff:10.0.0.1", "IPv4-mapped private"},
		{"::ffff:169.254.169.254", "IPv4-mapped link-local"},
		{"::ffff:0.0.0.0", "IPv4-mapped unspecified"},
		{"::127.0.0.1", "IPv4-compatible"},
		{"64:ff9b::7f00:1", "IPv6-embedded loopback"},
		{"64:ff9b::a9fe:a9fe", "IPv6-embedded link-local"},
		{"64:ff9b:1::1", "NAT64"},
		{"2002:7f00:1::1", "IPv6-embedded loopback"},
		{"2002:c0a8:101::1", "IPv6-embedded private"},
		{"2001:db8::1", "documentation"},
		{"2001::1", "protocol"},
		{"100::1", "discard"},
		{"fec0::1", "site-local"},
	}
	for _, c := range cases {
		got := Refusal(netip.MustParseAddr(c.addr))
		if c.want == "" && got != "" {
			t.Errorf("Refusal(%s) = %q, want public", c.addr, got)
		}
		if c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("Refusal(%s) = %q, want it to mention %q", c.addr, got, c.want)
		}
	}
	if Refusal(netip.Addr{}) == "" {
		t.Error("the zero address must be refused")
	}
}

func TestNumericHostReadsResolverForms(t *testing.T) {
	cases := []struct {
		host string
		want string // "" when the host is a name
	}{
		{"127.0.0.1", "127.0.0.1"},
		{"2130706433", "127.0.0.1"},
		{"0177.0.0.1", "127.0.0.1"},
		{"0x7f.0.0.1", "127.0.0.1"},
		{"0x7f000001", "127.0.0.1"},
		{"017700000001", "127.0.0.1"},
		{"127.1", "127.0.0.1"},
		{"127.0.1", "127.0.0.1"},
		{"10.1", "10.0.0.1"},
		{"0", "0.0.0.0"},
		{"0.0.0.0", "0.0.0.0"},
		{"3232235777", "192.168.1.1"},
		{"0300.0250.1.1", "192.168.1.1"},
		{"169.254.43518", "169.254.169.254"},
		{"127.0.0.1.", "127.0.0.1"},
		{"[::1]", "::1"},
		{"::ffff:127.0.0.1", "::ffff:127.0.0.1"},
		{"example.com", ""},
		{"1.2.3.4.5", ""},
		{"256.0.0.1", ""},
		{"4294967296", ""},
		{"08.0.0.1", ""},
		{"0x", "0.0.0.0"},
		{"1.2.3.256", ""},
		{"+1.2.3.4", ""},
		{"localhost", ""},
	}
	for _, c := range cases {
		ip, ok := numericHost(c.host)
		switch {
		case c.want == "" && ok:
			t.Errorf("numericHost(%q) = %s, want a name", c.host, ip)
		case c.want != "" && (!ok || ip != netip.MustParseAddr(c.want)):
			t.Errorf("numericHost(%q) = %s %v, want %s", c.host, ip, ok, c.want)
		}
	}
}
