/// RFC 3986 percent-encoding as SigV4 defines it: only `A-Z a-z 0-9 - _ . ~` pass through,
/// every other byte of the UTF-8 form becomes `%XX` with uppercase hex.
public enum SigV4Encoding {
    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Percent-encodes a query key or value (and a path segment when `keepSlash`).
    public static func encode(_ text: String, keepSlash: Bool = false, spaceAsPlus: Bool = false) -> String {
        var needsWork = false
        for byte in text.utf8 where !(isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/"))) {
            needsWork = true
            break
        }
        if !needsWork { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else if spaceAsPlus, byte == UInt8(ascii: " ") {
                out.append(UInt8(ascii: "+"))
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The canonical URI of an unencoded path: each segment encoded once, slashes kept.
    /// Non-S3 services expect no dot-segment removal beyond what the caller did; Steward's
    /// services all use `/`.
    public static func canonicalPath(_ path: String) -> String {
        if path.isEmpty { return "/" }
        return encode(path, keepSlash: true)
    }

    /// Sorted by encoded key, then encoded value (byte order), each encoded once.
    public static func canonicalQuery(_ items: [(String, String)]) -> String {
        if items.isEmpty { return "" }
        let encoded = items.map { (encode($0.0), encode($0.1)) }
        let sorted = encoded.sorted { lhs, rhs in
            if lhs.0 != rhs.0 { return lhs.0.utf8.lexicographicallyPrecedes(rhs.0.utf8) }
            return lhs.1.utf8.lexicographicallyPrecedes(rhs.1.utf8)
        }
        var out = ""
        for (index, pair) in sorted.enumerated() {
            if index > 0 { out += "&" }
            out += pair.0
            out += "="
            out += pair.1
        }
        return out
    }

    /// A URL query string with the same RFC 3986 encoding the signature uses.
    public static func formBody(_ items: [(String, String)]) -> String {
        joined(items, spaceAsPlus: false)
    }

    /// An `application/x-www-form-urlencoded` body, spaces as `+` as the AWS SDKs send it: AWS
    /// decodes either, but moto's signature check re-encodes the parsed form the way botocore
    /// does, so `%20` fails there.
    public static func formURLEncodedBody(_ items: [(String, String)]) -> String {
        joined(items, spaceAsPlus: true)
    }

    /// `formURLEncodedBody` written straight into bytes, for a request body: the Query
    /// protocol's `Action` and `Version` first, then the parameters in order.
    static func appendFormURLEncoded(_ key: String, _ value: String, to out: inout [UInt8]) {
        if !out.isEmpty { out.append(UInt8(ascii: "&")) }
        appendEncoded(key, to: &out)
        out.append(UInt8(ascii: "="))
        appendEncoded(value, to: &out)
    }

    private static func appendEncoded(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else if byte == UInt8(ascii: " ") {
                out.append(UInt8(ascii: "+"))
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    private static func joined(_ items: [(String, String)], spaceAsPlus: Bool) -> String {
        var out = ""
        out.reserveCapacity(items.count * 24)
        for (index, pair) in items.enumerated() {
            if index > 0 { out += "&" }
            out += encode(pair.0, spaceAsPlus: spaceAsPlus)
            out += "="
            out += encode(pair.1, spaceAsPlus: spaceAsPlus)
        }
        return out
    }
}
