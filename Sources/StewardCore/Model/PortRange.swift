/// An inclusive TCP/UDP port range, as a security-group rule carries it.
public struct PortRange: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let from: UInt16
    public let to: UInt16

    public init(_ port: UInt16) {
        self.from = port
        self.to = port
    }

    public init(from: UInt16, to: UInt16) throws(PortRangeError) {
        guard from <= to else { throw .reversed(from: from, to: to) }
        self.from = from
        self.to = to
    }

    /// `443` or `8000-8100`.
    public init(parsing input: some StringProtocol) throws(PortRangeError) {
        let text = String(input)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func port(_ part: Substring) throws(PortRangeError) -> UInt16 {
            let digits = part.trimmingSpaces
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = UInt16(digits) else {
                throw .malformed(String(text))
            }
            return value
        }
        switch parts.count {
        case 1: self.init(try port(parts[0]))
        case 2: try self.init(from: try port(parts[0]), to: try port(parts[1]))
        default: throw .malformed(String(text))
        }
    }

    public var description: String { from == to ? "\(from)" : "\(from)-\(to)" }

    public static func < (lhs: PortRange, rhs: PortRange) -> Bool {
        (lhs.from, lhs.to) < (rhs.from, rhs.to)
    }

    /// The default whitelisted port when neither config nor a `WhitelistPorts` tag says otherwise.
    public static let https = PortRange(443)
}

public enum PortRangeError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case reversed(from: UInt16, to: UInt16)

    public var description: String {
        switch self {
        case .malformed(let text): return "'\(text)' is not a port or port range; expected e.g. 443 or 8000-8100"
        case .reversed(let from, let to): return "port range \(from)-\(to) runs backwards; write \(to)-\(from)"
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var result = self
        while result.first == " " { result = result.dropFirst() }
        while result.last == " " { result = result.dropLast() }
        return result
    }
}
