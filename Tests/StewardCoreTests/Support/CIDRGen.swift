import PropertyBased
import StewardCore

/// Generators of networks for property tests.
enum CIDRGen {
    static var ipv4: Generator<CIDR, some SendableSequenceType> {
        zip(Gen.uint32(in: 0...UInt32.max), Gen.int(in: 0...32)).map { address, prefix in
            CIDR(family: .ipv4, high: 0, low: UInt64(address), maskingTo: prefix)
        }
    }

    static var ipv6: Generator<CIDR, some SendableSequenceType> {
        zip(Gen.uint64(in: 0...UInt64.max), Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...128)).map { high, low, prefix in
            // Zero some groups so `::` compression paths get exercised.
            CIDR(family: .ipv6, high: high & 0xFFFF_0000_FFFF_0000, low: low & 0x0000_FFFF_0000_FFFF, maskingTo: prefix)
        }
    }

    static var any: Generator<CIDR, some SendableSequenceType> {
        zip(Gen.bool, ipv4, ipv6).map { pickV4, v4, v6 in pickV4 ? v4 : v6 }
    }

    /// Text of an address with arbitrary host bits and a prefix.
    static var anyWithHostBits: Generator<String, some SendableSequenceType> {
        zip(Gen.bool, Gen.uint32(in: 0...UInt32.max), Gen.int(in: 0...32), Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...128))
            .map { pickV4, v4, prefix4, v6, prefix6 in
                if pickV4 {
                    return "\(v4 >> 24).\(v4 >> 16 & 0xFF).\(v4 >> 8 & 0xFF).\(v4 & 0xFF)/\(prefix4)"
                }
                let host = CIDR(family: .ipv6, high: v6, low: v6 ^ 0xFFFF, maskingTo: 128)
                return "\(host.addressText)/\(prefix6)"
            }
    }
}
