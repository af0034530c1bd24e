import PropertyBased
import StewardCore
import Testing

@Suite struct CIDRTests {
    @Test(arguments: [
        ("203.0.113.10", "203.0.113.10/32", 32),
        ("203.0.113.10/32", "203.0.113.10/32", 32),
        ("10.0.0.0/8", "10.0.0.0/8", 8),
        ("0.0.0.0/0", "0.0.0.0/0", 0),
        ("2001:db8::", "2001:db8::/128", 128),
        ("2001:DB8::/32", "2001:db8::/32", 32),
        ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1/128", 128),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1/128", 128),
        ("2001:0:0:1:0:0:0:1", "2001:0:0:1::1/128", 128),
        ("::", "::/128", 128),
        ("::/0", "::/0", 0),
        ("::1", "::1/128", 128),
        ("::ffff:192.0.2.1", "::ffff:c000:201/128", 128),
        ("fe80::1:2:3:4/126", "fe80::1:2:3:4/126", 126),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2:3:4:5:6/128", 128),
        ("2001:db8::/48", "2001:db8::/48", 48),
    ])
    func parsesToCanonicalText(input: String, canonical: String, prefix: Int) throws {
        let cidr = try CIDR(input)
        #expect(cidr.description == canonical)
        #expect(cidr.prefixLength == prefix)
    }

    @Test(arguments: [
        ("", "empty CIDR"),
        ("203.0.113", "is not an IPv4 or IPv6 address"),
        ("203.0.113.256", "is not an IPv4 or IPv6 address"),
        ("203.0.113.010", "is not an IPv4 or IPv6 address"),
        ("203.0.113.1/33", "out of range for IPv4"),
        ("203.0.113.1/", "is not a prefix length"),
        ("203.0.113.1/08", "is not a prefix length"),
        ("203.0.113.1/a", "is not a prefix length"),
        ("2001:db8::/129", "out of range for IPv6"),
        ("2001:db8:::1", "is not an IPv4 or IPv6 address"),
        ("2001:db8::1::2", "is not an IPv4 or IPv6 address"),
        ("fe80::1%eth0", "is not an IPv4 or IPv6 address"),
        ("12345::", "is not an IPv4 or IPv6 address"),
        ("1:2:3:4:5:6:7:8:9", "is not an IPv4 or IPv6 address"),
        ("example.com", "is not an IPv4 or IPv6 address"),
        ("100.68.0.18/18", "has host bits set; the network is 100.68.0.0/18"),
        ("2001:db8::1/48", "has host bits set; the network is 2001:db8::/48"),
    ])
    func refusesWithAClearMessage(input: String, fragment: String) {
        #expect {
            try CIDR(input)
        } throws: { error in
            (error as? CIDRError)?.description.contains(fragment) ?? false
        }
    }

    @Test func canonicalizingMasksHostBitsLikeAWS() throws {
        #expect(try CIDR(canonicalizing: "100.68.0.18/18").description == "100.68.0.0/18")
        #expect(try CIDR(canonicalizing: "2001:db8::1/48").description == "2001:db8::/48")
    }

    @Test(arguments: [
        ("10.0.0.0/8", "10.1.2.0/24", true),
        ("10.0.0.0/8", "10.0.0.0/8", true),
        ("10.1.2.0/24", "10.0.0.0/8", false),
        ("10.0.0.0/8", "11.0.0.0/24", false),
        ("0.0.0.0/0", "203.0.113.7/32", true),
        ("2001:db8::/32", "2001:db8:ffff::/48", true),
        ("2001:db8::/32", "2001:db9::/48", false),
        ("::/0", "10.0.0.0/8", false),
    ])
    func containment(outer: String, inner: String, expected: Bool) throws {
        #expect(try CIDR(outer).contains(try CIDR(inner)) == expected)
    }

    @Test func ordersIPv4BeforeIPv6ThenByAddress() throws {
        let sorted = try ["2001:db8::/32", "10.0.0.0/8", "9.0.0.0/8", "10.0.0.0/16"].map { try CIDR($0) }.sorted()
        #expect(sorted.map(\.description) == ["9.0.0.0/8", "10.0.0.0/8", "10.0.0.0/16", "2001:db8::/32"])
    }

    @Test func printThenParseRoundTrips() async {
        await propertyCheck(count: 500, input: CIDRGen.any) { cidr in
            #expect((try? CIDR(cidr.description)) == cidr)
        }
    }

    @Test func canonicalisationIsIdempotent() async {
        await propertyCheck(count: 500, input: CIDRGen.anyWithHostBits) { text in
            guard let once = try? CIDR(canonicalizing: text) else {
                Issue.record("generated text \(text) did not parse")
                return
            }
            #expect((try? CIDR(canonicalizing: once.description)) == once)
            #expect((try? CIDR(once.description)) == once)
        }
    }

    @Test func strictParseAcceptsExactlyTheCanonicalNetworks() async {
        await propertyCheck(count: 500, input: CIDRGen.anyWithHostBits) { text in
            guard let canonical = try? CIDR(canonicalizing: text) else {
                Issue.record("generated text \(text) did not parse")
                return
            }
            let strict = Result { try CIDR(text) }
            switch strict {
            case .success(let cidr): #expect(cidr == canonical)
            case .failure(let error): #expect((error as? CIDRError) == .hostBitsSet(text, canonical: canonical))
            }
        }
    }
}
