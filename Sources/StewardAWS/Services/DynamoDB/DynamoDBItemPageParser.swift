import Foundation

/// Reads a Scan or Query response body (`{"Items":[…],"LastEvaluatedKey":{…},…}`) straight
/// into items. A reconcile pass reads every whitelist row each time, and `JSONDecoder` through
/// the indirect `DynamoDBAttributeValue` spent ~170 ms on 10,000 rows (dynamo-bench) building
/// keyed containers for 70,000 one-key objects; this single pass over the bytes does the same
/// work without them. It accepts exactly what `JSONDecoder` accepts for these shapes (tests
/// compare the two on generated items) and skips members it does not know (Count,
/// ScannedCount, ConsumedCapacity).
struct DynamoDBItemPageParser {
    struct Page {
        var items: [DynamoDBItem]
        var lastEvaluatedKey: DynamoDBItem?
    }

    /// Where and why a body could not be read; never quotes the payload (it may hold secrets).
    struct Malformed: Error, CustomStringConvertible {
        let offset: Int
        let expected: String
        var description: String { "expected \(expected) at byte \(offset)" }
    }

    private let bytes: [UInt8]
    private var index = 0
    /// Nesting allowed for M and L values before the body is refused, so a hostile body cannot
    /// exhaust the stack (DynamoDB itself allows 32 levels).
    private static let maxDepth = 64

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func parse(_ body: [UInt8]) throws -> Page {
        var parser = DynamoDBItemPageParser(body)
        let page = try parser.page()
        parser.skipWhitespace()
        guard parser.index == body.count else { throw parser.malformed("the end of the body") }
        return page
    }

    private mutating func page() throws -> Page {
        var page = Page(items: [], lastEvaluatedKey: nil)
        try object { parser, key in
            switch key {
            case "Items":
                if try parser.nullLiteral() { return }
                try parser.expect(UInt8(ascii: "["))
                if try parser.closes(UInt8(ascii: "]")) { return }
                repeat { page.items.append(try parser.item(depth: 0)) } while try parser.continues(closing: UInt8(ascii: "]"))
            case "LastEvaluatedKey":
                if try parser.nullLiteral() { return }
                page.lastEvaluatedKey = try parser.item(depth: 0)
            default:
                try parser.skipValue(depth: 0)
            }
        }
        return page
    }

    private mutating func item(depth: Int) throws -> DynamoDBItem {
        var item: DynamoDBItem = [:]
        try object { parser, name in item[name] = try parser.attributeValue(depth: depth + 1) }
        return item
    }

    /// `{"S":"…"}` and its siblings: exactly one type key, as `DynamoDBAttributeValue`'s
    /// `Decodable` conformance requires.
    private mutating func attributeValue(depth: Int) throws -> DynamoDBAttributeValue {
        guard depth <= Self.maxDepth else { throw malformed("at most \(Self.maxDepth) levels of M and L") }
        var value: DynamoDBAttributeValue?
        try object { parser, type in
            let parsed: DynamoDBAttributeValue
            switch type {
            case "S": parsed = .s(try parser.string())
            case "N": parsed = .n(try parser.string())
            case "B":
                let start = parser.index
                guard let data = Data(base64Encoded: try parser.string()) else { throw Malformed(offset: start, expected: "base64 in B") }
                parsed = .b(data)
            case "BOOL": parsed = .bool(try parser.bool())
            case "NULL": _ = try parser.bool(); parsed = .null
            case "M": parsed = .m(try parser.item(depth: depth))
            case "L":
                var list: [DynamoDBAttributeValue] = []
                try parser.expect(UInt8(ascii: "["))
                if try !parser.closes(UInt8(ascii: "]")) {
                    repeat { list.append(try parser.attributeValue(depth: depth + 1)) } while try parser.continues(closing: UInt8(ascii: "]"))
                }
                parsed = .l(list)
            case "SS", "NS":
                var strings: [String] = []
                try parser.expect(UInt8(ascii: "["))
                if try !parser.closes(UInt8(ascii: "]")) {
                    repeat { strings.append(try parser.string()) } while try parser.continues(closing: UInt8(ascii: "]"))
                }
                parsed = type == "SS" ? .ss(strings) : .ns(strings)
            default:
                // An unknown type key (BS, say) is refused like JSONDecoder refuses it, rather
                // than read as something else.
                throw parser.malformed("an attribute type (S, N, B, BOOL, NULL, M, L, SS, NS), not \(type)")
            }
            // JSONDecoder keeps the first key it lists; two type keys is not an attribute value.
            guard value == nil else { throw parser.malformed("exactly one type key in an attribute value") }
            value = parsed
        }
        guard let value else { throw malformed("an attribute value with a type key") }
        return value
    }

    // MARK: JSON grammar

    /// Calls `member` for each key of an object, positioned at its value.
    private mutating func object(_ member: (inout DynamoDBItemPageParser, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try closes(UInt8(ascii: "}")) { return }
        repeat {
            skipWhitespace()
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
        } while try continues(closing: UInt8(ascii: "}"))
    }

    private mutating func skipValue(depth: Int) throws {
        guard depth <= Self.maxDepth else { throw malformed("at most \(Self.maxDepth) levels of nesting") }
        skipWhitespace()
        guard index < bytes.count else { throw malformed("a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try object { parser, _ in try parser.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            index += 1
            if try closes(UInt8(ascii: "]")) { return }
            repeat { try skipValue(depth: depth + 1) } while try continues(closing: UInt8(ascii: "]"))
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try bool()
        case UInt8(ascii: "n"):
            guard try nullLiteral() else { throw malformed("null") }
        default:
            try number()
        }
    }

    private mutating func number() throws {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        guard index > start, Double(String(decoding: bytes[start..<index], as: UTF8.self)) != nil else {
            index = start
            throw malformed("a value")
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
            || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    private mutating func bool() throws -> Bool {
        skipWhitespace()
        if literal("true") { return true }
        if literal("false") { return false }
        throw malformed("true or false")
    }

    private mutating func nullLiteral() throws -> Bool {
        skipWhitespace()
        return literal("null")
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let start = index
        let matches = word.withUTF8Buffer { expected in bytes[start..<(start + count)].elementsEqual(expected) }
        if matches { index += count }
        return matches
    }

    /// A JSON string; the common case (no escapes) is one slice of the body.
    private mutating func string() throws -> String {
        skipWhitespace()
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return String(decoding: bytes[start..<index], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw malformed("no control character inside a string") }
            index += 1
        }
        throw malformed("the end of a string")
    }

    private mutating func escapedString(from start: Int) throws -> String {
        var scalars = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw malformed("an escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"): scalars.append(contentsOf: try unicodeEscape())
                default: throw malformed("a valid escape")
                }
            default:
                guard byte >= 0x20 else { throw malformed("no control character inside a string") }
                scalars.append(byte)
                index += 1
            }
        }
        throw malformed("the end of a string")
    }

    /// `\uXXXX`, joined with a following low surrogate when it is a high one.
    private mutating func unicodeEscape() throws -> [UInt8] {
        let first = try hex4()
        var scalarValue = UInt32(first)
        if (0xD800...0xDBFF).contains(first) {
            guard literal("\\u") else { throw malformed("a low surrogate after a high one") }
            let second = try hex4()
            guard (0xDC00...0xDFFF).contains(second) else { throw malformed("a low surrogate after a high one") }
            scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(first) {
            throw malformed("a high surrogate before a low one")
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw malformed("a Unicode scalar") }
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func hex4() throws -> UInt16 {
        guard index + 4 <= bytes.count, let value = UInt16(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
            throw malformed("four hex digits")
        }
        index += 4
        return value
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { throw malformed("'\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    /// True (and consumed) when the next byte closes the container just opened.
    private mutating func closes(_ byte: UInt8) throws -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// After a member or element: true on a comma, false on the closing byte.
    private mutating func continues(closing byte: UInt8) throws -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw malformed("',' or '\(Character(Unicode.Scalar(byte)))'") }
        if bytes[index] == UInt8(ascii: ",") { index += 1; return true }
        if bytes[index] == byte { index += 1; return false }
        throw malformed("',' or '\(Character(Unicode.Scalar(byte)))'")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    private func malformed(_ expected: String) -> Malformed { Malformed(offset: index, expected: expected) }
}
