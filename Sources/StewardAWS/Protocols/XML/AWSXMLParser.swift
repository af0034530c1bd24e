import Foundation

/// The tokenizer behind `AWSXMLDocument`: one pass over the bytes, a stack of open elements,
/// no allocation per element beyond the node record.
struct AWSXMLParser {
    private var nodes: [AWSXMLDocument.Node] = []
    /// Open elements, each with its last child so far (linking a sibling is then one write).
    private var stack: [(node: Int32, lastChild: Int32)] = []

    init(capacityHint: Int) {
        nodes.reserveCapacity(max(16, capacityHint))
        stack.reserveCapacity(16)
    }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    private static let question = UInt8(ascii: "?"), bang = UInt8(ascii: "!"), colon = UInt8(ascii: ":")
    private static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    @inline(__always)
    private static func isNameEnd(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == gt || byte == slash
    }

    mutating func parse(_ input: UnsafeBufferPointer<UInt8>) throws(AWSXMLError) -> [AWSXMLDocument.Node] {
        let count = input.count
        var index = 0
        var rootClosed = false
        // A UTF-8 byte-order mark is allowed before the prolog.
        if count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { index = 3 }

        while true {
            // Text runs until the next `<`; only whitespace may sit outside the root.
            if stack.isEmpty {
                while index < count, input[index] != Self.lt {
                    guard Self.isSpace(input[index]) else {
                        throw AWSXMLError(reason: "text outside the root element", offset: index)
                    }
                    index += 1
                }
            } else if index < count, input[index] != Self.lt, let base = input.baseAddress {
                // memchr: text runs are the bulk of the bytes.
                if let found = memchr(base + index, Int32(Self.lt), count - index) {
                    index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                } else {
                    index = count
                }
            }
            if index >= count { break }
            let tagStart = index
            index += 1
            guard index < count else { throw AWSXMLError(reason: "truncated tag", offset: tagStart) }
            let first = input[index]
            if first == Self.question {
                index = try Self.skip(past: [Self.question, Self.gt], in: input, from: index, what: "processing instruction")
                continue
            }
            if first == Self.bang {
                if Self.matches(input, at: index, "!--") {
                    index = try Self.skip(past: Array("-->".utf8), in: input, from: index + 3, what: "comment")
                } else if Self.matches(input, at: index, "![CDATA[") {
                    guard !stack.isEmpty else { throw AWSXMLError(reason: "CDATA outside the root element", offset: tagStart) }
                    index = try Self.skip(past: Array("]]>".utf8), in: input, from: index + 8, what: "CDATA section")
                } else {
                    // DOCTYPE and the like: AWS never sends them; refuse rather than guess.
                    throw AWSXMLError(reason: "unsupported markup declaration", offset: tagStart)
                }
                continue
            }
            if first == Self.slash {
                index += 1
                let nameStart = index
                while index < count, !Self.isNameEnd(input[index]) { index += 1 }
                let nameEnd = index
                while index < count, Self.isSpace(input[index]) { index += 1 }
                guard index < count, input[index] == Self.gt else {
                    throw AWSXMLError(reason: "unterminated end tag", offset: tagStart)
                }
                index += 1
                guard let (open, _) = stack.popLast() else {
                    throw AWSXMLError(reason: "end tag without a start tag", offset: tagStart)
                }
                let node = nodes[Int(open)]
                let openStart = Int(node.qualifiedNameStart), openEnd = Int(node.nameEnd)
                guard openEnd - openStart == nameEnd - nameStart,
                      Self.equalBytes(input, openStart, nameStart, nameEnd - nameStart) else {
                    throw AWSXMLError(reason: "end tag does not match its start tag", offset: tagStart)
                }
                nodes[Int(open)].contentEnd = Int32(tagStart)
                if stack.isEmpty { rootClosed = true }
                continue
            }
            // Start tag.
            if rootClosed { throw AWSXMLError(reason: "a second root element", offset: tagStart) }
            let nameStart = index
            var localStart = index
            while index < count, !Self.isNameEnd(input[index]) {
                if input[index] == Self.colon { localStart = index + 1 }
                if input[index] == Self.lt { throw AWSXMLError(reason: "malformed tag name", offset: tagStart) }
                index += 1
            }
            let nameEnd = index
            guard nameEnd > nameStart else { throw AWSXMLError(reason: "empty tag name", offset: tagStart) }
            // Attributes are skipped, honouring quotes so a `>` inside a value is not the end.
            var selfClosing = false
            while true {
                guard index < count else { throw AWSXMLError(reason: "unterminated start tag", offset: tagStart) }
                let byte = input[index]
                if byte == Self.quote || byte == Self.apostrophe {
                    index += 1
                    while index < count, input[index] != byte { index += 1 }
                    guard index < count else { throw AWSXMLError(reason: "unterminated attribute value", offset: tagStart) }
                    index += 1
                    continue
                }
                if byte == Self.lt { throw AWSXMLError(reason: "unterminated start tag", offset: tagStart) }
                if byte == Self.gt {
                    selfClosing = input[index - 1] == Self.slash
                    index += 1
                    break
                }
                index += 1
            }
            let nodeIndex = Int32(nodes.count)
            nodes.append(AWSXMLDocument.Node(
                qualifiedNameStart: Int32(nameStart),
                localNameStart: Int32(localStart),
                nameEnd: Int32(nameEnd),
                contentStart: Int32(index),
                contentEnd: Int32(index)
            ))
            if let top = stack.indices.last {
                let (parent, last) = stack[top]
                if last < 0 {
                    nodes[Int(parent)].firstChild = nodeIndex
                } else {
                    nodes[Int(last)].nextSibling = nodeIndex
                }
                stack[top].lastChild = nodeIndex
            }
            if selfClosing {
                if stack.isEmpty { rootClosed = true }
            } else {
                stack.append((nodeIndex, -1))
            }
        }
        guard stack.isEmpty else { throw AWSXMLError(reason: "unclosed element at end of input", offset: count) }
        guard !nodes.isEmpty else { throw AWSXMLError(reason: "no root element", offset: count) }
        return nodes
    }

    private static func matches(_ input: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= input.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<length where input[index + offset] != pointer[offset] {
            return false
        }
        return true
    }

    private static func skip(past terminator: [UInt8], in input: UnsafeBufferPointer<UInt8>, from start: Int, what: String) throws(AWSXMLError) -> Int {
        var index = start
        let last = input.count - terminator.count
        while index <= last {
            if input[index] == terminator[0] {
                var matched = true
                for offset in 1..<terminator.count where input[index + offset] != terminator[offset] {
                    matched = false
                    break
                }
                if matched { return index + terminator.count }
            }
            index += 1
        }
        throw AWSXMLError(reason: "unterminated \(what)", offset: start)
    }

    private static func equalBytes(_ input: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ length: Int) -> Bool {
        for offset in 0..<length where input[a + offset] != input[b + offset] {
            return false
        }
        return true
    }
}
