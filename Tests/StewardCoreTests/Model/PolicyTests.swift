import Foundation
import StewardCore
import Testing

@Suite struct PolicyTests {
    let policy = Policy.default
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: [
        ("203.0.113.10/32", nil),
        ("203.0.113.0/24", nil),
        ("203.0.112.0/23", "wider than policy allows (/24 or narrower for IPv4)"),
        ("2001:db8::/48", nil),
        ("2001:db8::/47", "wider than policy allows (/48 or narrower for IPv6)"),
        ("0.0.0.0/0", "opens the group to the whole internet"),
        ("::/0", "opens the group to the whole internet"),
    ] as [(String, String?)])
    func networks(cidr: String, fragment: String?) throws {
        let violation = policy.violation(for: try CIDR(cidr))
        if let fragment {
            #expect(violation?.contains(fragment) == true, "\(violation ?? "nil")")
        } else {
            #expect(violation == nil)
        }
    }

    @Test func worldOpenAllowedOnlyWhenConfigured() throws {
        var open = policy
        open.allowWorldOpen = true
        #expect(open.violation(for: try CIDR("0.0.0.0/0")) == nil)
    }

    @Test(arguments: [
        ("John office IP", nil),
        ("VPN (eu-west) #2: ops@example.com [temp] a+b=c&d;e{f}!$*", nil),
        ("", nil),
        (String(repeating: "a", count: 255), nil),
        (String(repeating: "a", count: 256), "256 characters; AWS allows at most 255"),
        ("José's laptop", "contains 'é'"),
        ("tab\there", "contains '\t'"),
        ("quote\"d", "contains '\"'"),
        ("percent%", "contains '%'"),
        ("emoji 🚀", "contains '🚀'"),
    ] as [(String, String?)])
    func descriptions(text: String, fragment: String?) {
        let violation = policy.violation(forDescription: text)
        if let fragment {
            #expect(violation?.contains(fragment) == true, "\(violation ?? "nil")")
        } else {
            #expect(violation == nil)
        }
    }

    @Test func expiries() {
        #expect(policy.violation(forExpiry: now.addingTimeInterval(86_400 * 90), from: now) == nil)
        #expect(policy.violation(forExpiry: now.addingTimeInterval(86_400 * 90 + 1), from: now)?.contains("maximum TTL (90d)") == true)
        #expect(policy.violation(forExpiry: nil, from: now)?.contains("allow_permanent_entries is false") == true)
        #expect(policy.violation(forExpiry: now.addingTimeInterval(-1), from: now)?.contains("before added_at") == true)
        var permissive = policy
        permissive.allowPermanentEntries = true
        #expect(permissive.violation(forExpiry: nil, from: now) == nil)
    }

    @Test func defaults() {
        #expect(policy.minimumPrefixLengthIPv4 == 24)
        #expect(policy.minimumPrefixLengthIPv6 == 48)
        #expect(policy.defaultTTL == .days(7))
        #expect(policy.maximumTTL == .days(90))
        #expect(!policy.allowWorldOpen)
    }
}
