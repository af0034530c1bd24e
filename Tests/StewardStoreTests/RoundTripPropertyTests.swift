import Foundation
import PropertyBased
import StewardCore
import Testing
@testable import StewardStore

@Suite struct RoundTripPropertyTests {
    static let descriptionAlphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789. _-:/()#,@[]+=&;{}!$*")
    /// Descriptions a naive emitter gets wrong; all are in the policy's alphabet.
    static let trickyDescriptions = [
        "true", "false", "yes", "No", "null", "Null", "123", "-1", "+1", "1e3", "0x1F", "0o17", "1_000", "1:30", ".5", ".inf", "-.inf",
        "2026-01-01", "2026-01-01T10:00:00Z", "#x", "a #b", "a: b", "a:", ":a", "- a", "-", "[x]", "{x}", "*x", "&x", "!x", "@x",
        " lead", "trail ", " ", "", "=", "a, b", "x&y", "R&D", "(c) 2026", "$5", ";", "...", "---", "a  b",
    ]
    static let addedByValues = ["john.doe", "U01234567", "12345", "Zoë Müller", "o'brien", "\"q\"", "tab\tname", "line\nname", "~", "on"]

    static func pick<T: Sendable>(_ values: [T]) -> Generator<T, Shrink.Integer<Int>> {
        Gen.int(in: 0...(values.count - 1)).map { values[$0] }
    }

    static let description = zip(pick(descriptionAlphabet).array(of: 0...40), pick(trickyDescriptions), Gen.bool)
        .map { generated in generated.2 ? generated.1 : String(generated.0) }

    /// Whole seconds (the canonical text has no fractions) between 2020 and 2030.
    static let seconds = Gen.int(in: 1_577_836_800...1_893_456_000)

    static let entry = zip(Gen<UInt64>.value(), Gen<UInt64>.value(), Gen.int(in: 0...200), description, pick(addedByValues), seconds,
                           Gen.int(in: 0...(90 * 86_400)), Gen.bool)
        .map { generated -> WhitelistEntry in
            let (high, low, prefixSeed, description, addedBy, added, ttl, v6) = generated
            let cidr = v6
                ? CIDR(family: .ipv6, high: high, low: low, maskingTo: 48 + prefixSeed % 81)
                : CIDR(family: .ipv4, high: 0, low: low & 0xFFFF_FFFF, maskingTo: 24 + prefixSeed % 9)
            return WhitelistEntry(cidr: cidr, description: description, addedBy: addedBy,
                                  addedAt: Date(timeIntervalSince1970: Double(added)),
                                  expiresAt: Date(timeIntervalSince1970: Double(added + ttl)))
        }

    static let state = zip(pick(["dev", "staging", "true", "123", "1e3", "prod-eu-1", "no"]), pick(Tier.allCases), Gen.bool,
                           seconds.optional(), entry.array(of: 0...12), zip(pick(addedByValues), seconds.optional(), seconds).optional())
        .map { generated -> DesiredState in
            let (name, tier, isProtected, until, entries, lease) = generated
            var seen = Set<CIDR>()
            let unique = entries.filter { seen.insert($0.cidr).inserted }
            let bastion = lease.map { by, requested, expires in
                BastionLease(requestedBy: by, requestedAt: requested.map { Date(timeIntervalSince1970: Double(min($0, expires))) },
                             expiresAt: Date(timeIntervalSince1970: Double(expires)))
            }
            return DesiredState(environment: try! EnvironmentName(name), tier: tier, isProtected: isProtected,
                                allowTeardownUntil: until.map { Date(timeIntervalSince1970: Double($0)) }, whitelist: unique, bastion: bastion)
        }

    @Test func encodeThenDecodeIsIdentity() async {
        await propertyCheck(count: 300, input: Self.state) { state in
            let text = DesiredStateEncoder().encode(state, header: "# header\n\n")
            let decoded = DesiredStateDecoder().decode(Array(text.utf8), path: "\(state.environment).yaml", policy: .default, now: testNow)
            #expect(decoded.errors.isEmpty, "\(decoded.errors.map(\.description))\n\(text)")
            #expect(decoded.state == state, "\(text)")
            if let back = decoded.state {
                #expect(DesiredStateEncoder().encode(back, header: "# header\n\n") == text)
            }
        }
    }

    @Test func everyAllowedDescriptionRoundTrips() async {
        await propertyCheck(count: 300, input: Self.description) { description in
            let text = "environment: dev\ntier: running\nwhitelist:\n  - cidr: 203.0.113.0/24\n    description: \(ScalarQuoting.text(description))\n"
                + "    added_by: x\n    added_at: 2026-11-20T10:00:00Z\n    expires_at: 2026-11-27T10:00:00Z\n"
            let decoded = decode(text)
            #expect(decoded.state?.whitelist.first?.description == description, "\(text) \(decoded.errors)")
        }
    }
}
