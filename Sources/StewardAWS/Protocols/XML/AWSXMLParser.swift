/// The tokenizer behind `AWSXMLDocument`: one pass over the bytes into a preallocated flat
/// node array, with raw pointers throughout. A Describe response is mostly tag names, so
/// the per-tag cost (not the per-byte cost of text) is what this is tuned for: no array
/// uniqueness checks, no per-tag calls, end tags compared in place against their start tag.
enum AWSXMLParser {
    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    private static let question = UInt8(ascii: "?"), bang = UInt8(ascii: "!"), colon = UInt8(ascii: ":")
    private static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")

    /// Bytes that end a tag name or need a look inside one: space, tab, CR, LF, `/`, `:`,
    /// `<`, `>`. All are below 64, so one compare and one bit test classify a byte.
    private static let nameSpecialMask: UInt64 =
        (1 << 0x20) | (1 << 0x09) | (1 << 0x0A) | (1 << 0x0D) | (1 << 0x2F) | (1 << 0x3A) | (1 << 0x3C) | (1 << 0x3E)

    @inline(__always)
    private static func isNameSpecial(_ byte: UInt8) -> Bool {
        byte < 64 && (nameSpecialMask >> UInt64(byte)) & 1 != 0
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    static func parse(_ input: UnsafeBufferPointer<UInt8>) throws(AWSXMLError) -> [AWSXMLDocument.Node] {
        let count = input.count
        guard let base = input.baseAddress, count > 0 else { throw AWSXMLError(reason: "no root element", offset: 0) }
        // Offsets are stored as Int32 to keep a node at 28 bytes.
        guard count < Int(Int32.max) else { throw AWSXMLError(reason: "document too large", offset: 0) }
        // Every element starts with `<`, so this bounds the node count and lets the nodes be
        // written through a pointer with no growth checks.
        let tagOpenings = countTagOpenings(base, count)
        guard tagOpenings > 0 else { throw AWSXMLError(reason: "no root element", offset: 0) }
        // An open element needs a later `<` to close it, so more than half the `<` open at
        // once means the input cannot be well-formed; deeper input is rejected at that point.
        let stackCapacity = tagOpenings / 2 + 1
        let openNodes = UnsafeMutablePointer<Int32>.allocate(capacity: stackCapacity)
        let lastChildren = UnsafeMutablePointer<Int32>.allocate(capacity: stackCapacity)
        // Each open element's name range, kept on the (small, hot) stack so an end tag need
        // not reload its start tag's node from the large, cold node array.
        let openNames = UnsafeMutablePointer<(start: Int32, end: Int32)>.allocate(capacity: stackCapacity)
        defer {
            openNodes.deallocate()
            lastChildren.deallocate()
            openNames.deallocate()
        }
        var failure: AWSXMLError?
        let nodes = [AWSXMLDocument.Node](unsafeUninitializedCapacity: tagOpenings) { buffer, initialized in
            guard let out = buffer.baseAddress else { return }
            do throws(AWSXMLError) {
                initialized = try scan(base, count, out, openNodes, lastChildren, openNames, stackCapacity)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return nodes
    }

    /// Counted sixteen bytes at a time into byte-wide lanes, flushed before they can wrap: a
    /// plain per-byte loop does not vectorize and cost a third of the parse.
    @inline(__always)
    private static func countTagOpenings(_ input: UnsafePointer<UInt8>, _ count: Int) -> Int {
        let raw = UnsafeRawPointer(input)
        let pattern = SIMD16<UInt8>(repeating: lt), zero = SIMD16<UInt8>()
        var total = 0
        var offset = 0
        while offset &+ 16 <= count {
            var lanes = SIMD16<UInt8>()
            var chunks = 0
            while chunks < 255, offset &+ 16 <= count {
                let chunk = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
                lanes &+= zero.replacing(with: 1, where: chunk .== pattern)
                offset &+= 16
                chunks &+= 1
            }
            total &+= Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        }
        while offset < count {
            if input[offset] == lt { total &+= 1 }
            offset &+= 1
        }
        return total
    }

    /// Returns the number of nodes written to `out`.
    @inline(__always)
    private static func scan(
        _ input: UnsafePointer<UInt8>, _ count: Int,
        _ out: UnsafeMutablePointer<AWSXMLDocument.Node>,
        _ openNodes: UnsafeMutablePointer<Int32>, _ lastChildren: UnsafeMutablePointer<Int32>,
        _ openNames: UnsafeMutablePointer<(start: Int32, end: Int32)>, _ stackCapacity: Int
    ) throws(AWSXMLError) -> Int {
        var nodeCount = 0
        var depth = 0
        var index = 0
        var rootClosed = false
        // A UTF-8 byte-order mark is allowed before the prolog.
        if count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { index = 3 }

        while true {
            // Text runs until the next `<`; only whitespace may sit outside the root.
            if depth == 0 {
                while index < count, input[index] != lt {
                    guard isSpace(input[index]) else {
                        throw AWSXMLError(reason: "text outside the root element", offset: index)
                    }
                    index &+= 1
                }
            } else {
                while index < count, input[index] != lt { index &+= 1 }
            }
            if index >= count { break }
            let tagStart = index
            index &+= 1
            guard index < count else { throw AWSXMLError(reason: "truncated tag", offset: tagStart) }
            let first = input[index]

            if first == slash {
                // End tag: it must repeat the open element's qualified name byte for byte.
                guard depth > 0 else { throw AWSXMLError(reason: "end tag without a start tag", offset: tagStart) }
                depth &-= 1
                let open = Int(openNodes[depth])
                let openStart = Int(openNames[depth].start)
                let length = Int(openNames[depth].end) &- openStart
                index &+= 1
                guard index &+ length < count, AWSXMLBytes.equal(input + openStart, input + index, length) else {
                    throw AWSXMLError(reason: "end tag does not match its start tag", offset: tagStart)
                }
                index &+= length
                var byte = input[index]
                if byte != gt {
                    guard isSpace(byte) else { throw AWSXMLError(reason: "end tag does not match its start tag", offset: tagStart) }
                    while index < count, isSpace(input[index]) { index &+= 1 }
                    guard index < count else { throw AWSXMLError(reason: "unterminated end tag", offset: tagStart) }
                    byte = input[index]
                    guard byte == gt else { throw AWSXMLError(reason: "unterminated end tag", offset: tagStart) }
                }
                index &+= 1
                out[open].contentEnd = Int32(truncatingIfNeeded: tagStart)
                if depth == 0 { rootClosed = true }
                continue
            }
            if first == question {
                index = try skip(past: "?>", in: input, count, from: index, what: "processing instruction")
                continue
            }
            if first == bang {
                if matches(input, count, at: index, "!--") {
                    index = try skip(past: "-->", in: input, count, from: index &+ 3, what: "comment")
                } else if matches(input, count, at: index, "![CDATA[") {
                    guard depth > 0 else { throw AWSXMLError(reason: "CDATA outside the root element", offset: tagStart) }
                    index = try skip(past: "]]>", in: input, count, from: index &+ 8, what: "CDATA section")
                } else {
                    // DOCTYPE and the like: AWS never sends them; refuse rather than guess.
                    throw AWSXMLError(reason: "unsupported markup declaration", offset: tagStart)
                }
                continue
            }

            // Start tag.
            if rootClosed { throw AWSXMLError(reason: "a second root element", offset: tagStart) }
            let nameStart = index
            var localStart = index
            var byte: UInt8 = 0
            while index < count {
                byte = input[index]
                if isNameSpecial(byte) {
                    if byte == colon {
                        localStart = index &+ 1
                    } else {
                        break
                    }
                }
                index &+= 1
            }
            guard index < count else { throw AWSXMLError(reason: "unterminated start tag", offset: tagStart) }
            if byte == lt { throw AWSXMLError(reason: "malformed tag name", offset: tagStart) }
            let nameEnd = index
            guard nameEnd > nameStart, localStart < nameEnd else { throw AWSXMLError(reason: "empty tag name", offset: tagStart) }
            var selfClosing = false
            if byte == gt {
                index &+= 1
            } else if byte == slash, index &+ 1 < count, input[index &+ 1] == gt {
                selfClosing = true
                index &+= 2
            } else {
                // Attributes are skipped, honouring quotes so a `>` inside a value is not the end.
                while true {
                    guard index < count else { throw AWSXMLError(reason: "unterminated start tag", offset: tagStart) }
                    let byte = input[index]
                    if byte == quote || byte == apostrophe {
                        index &+= 1
                        while index < count, input[index] != byte { index &+= 1 }
                        guard index < count else { throw AWSXMLError(reason: "unterminated attribute value", offset: tagStart) }
                        index &+= 1
                        continue
                    }
                    if byte == lt { throw AWSXMLError(reason: "unterminated start tag", offset: tagStart) }
                    if byte == gt {
                        selfClosing = input[index &- 1] == slash
                        index &+= 1
                        break
                    }
                    index &+= 1
                }
            }
            let nodeIndex = Int32(truncatingIfNeeded: nodeCount)
            (out + nodeCount).initialize(to: AWSXMLDocument.Node(
                qualifiedNameStart: Int32(truncatingIfNeeded: nameStart),
                localNameStart: Int32(truncatingIfNeeded: localStart),
                nameEnd: Int32(truncatingIfNeeded: nameEnd),
                contentStart: Int32(truncatingIfNeeded: index),
                contentEnd: Int32(truncatingIfNeeded: index)
            ))
            nodeCount &+= 1
            if depth > 0 {
                let top = depth &- 1
                let last = lastChildren[top]
                if last < 0 {
                    out[Int(openNodes[top])].firstChild = nodeIndex
                } else {
                    out[Int(last)].nextSibling = nodeIndex
                }
                lastChildren[top] = nodeIndex
            }
            if selfClosing {
                if depth == 0 { rootClosed = true }
            } else {
                guard depth < stackCapacity else { throw AWSXMLError(reason: "unclosed element at end of input", offset: count) }
                openNodes[depth] = nodeIndex
                lastChildren[depth] = -1
                openNames[depth] = (Int32(truncatingIfNeeded: nameStart), Int32(truncatingIfNeeded: nameEnd))
                depth &+= 1
            }
        }
        guard depth == 0 else { throw AWSXMLError(reason: "unclosed element at end of input", offset: count) }
        guard nodeCount > 0 else { throw AWSXMLError(reason: "no root element", offset: count) }
        return nodeCount
    }

    private static func matches(_ input: UnsafePointer<UInt8>, _ count: Int, at index: Int, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= count else { return false }
        return AWSXMLBytes.equal(input + index, literal.utf8Start, length)
    }

    private static func skip(past terminator: StaticString, in input: UnsafePointer<UInt8>, _ count: Int, from start: Int, what: String) throws(AWSXMLError) -> Int {
        let length = terminator.utf8CodeUnitCount
        var index = start
        while index + length <= count {
            if AWSXMLBytes.equal(input + index, terminator.utf8Start, length) { return index + length }
            index += 1
        }
        throw AWSXMLError(reason: "unterminated \(what)", offset: start)
    }
}
