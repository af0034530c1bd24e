import Crypto

private let lowercaseHexDigits: [UInt8] = Array("0123456789abcdef".utf8)

extension Sequence where Element == UInt8 {
    /// Lowercase hex, as SigV4 wants for hashes and signatures.
    var hexString: String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        appendHex(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends lowercase hex to a buffer being assembled (a canonical request, a string to sign).
    func appendHex(to out: inout [UInt8]) {
        for byte in self {
            out.append(lowercaseHexDigits[Int(byte >> 4)])
            out.append(lowercaseHexDigits[Int(byte & 0x0F)])
        }
    }
}

extension SHA256.Digest {
    var hexString: String { Array(self).hexString }

    func appendHex(to out: inout [UInt8]) {
        withUnsafeBytes { $0.appendHex(to: &out) }
    }
}

extension HashedAuthenticationCode {
    var hexString: String { Array(self).hexString }

    func appendHex(to out: inout [UInt8]) {
        withUnsafeBytes { $0.appendHex(to: &out) }
    }
}
