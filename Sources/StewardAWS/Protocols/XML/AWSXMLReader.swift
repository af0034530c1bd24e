/// A forward-only, validating pull reader over a response body, for decoders that build
/// their typed values straight from the bytes. `AWSXMLDocument` builds a node per element
/// and decodes in a second pass; for a Describe of a hundred security groups that tree
/// (thousands of nodes) costs more than the values themselves, so hot operations read here.
///
/// It checks what `AWSXMLDocument` checks, whether or not the decoder looks at a part: end
/// tags must repeat their start tag, everything must close, one root, no text outside it.
/// The one exception is `skipUnread()`, which finds an unwanted element's end tag without
/// checking what lies inside it.
/// Namespace prefixes are dropped from names. Text is decoded (entities, CDATA) only when a
/// decoder asks for it.
///
/// Use: `nextChild()` returns each child of the innermost open element in turn, and `nil`
/// once that element's end tag is consumed. Every returned child must then be consumed with
/// `text()`, `int()`, `skip()` or a `nextChild()` loop of its own.
struct AWSXMLReader: ~Copyable {
    /// A start tag the reader has just returned; its name points into the body.
    struct Element {
        let localName: UnsafeBufferPointer<UInt8>

        /// Whether the local name is exactly `name`.
        @inline(__always)
        func isNamed(_ name: StaticString) -> Bool {
            let length = name.utf8CodeUnitCount
            guard localName.count == length, let start = localName.baseAddress else { return false }
            return AWSXMLBytes.equal(start, name.utf8Start, length)
        }

        var name: String { String(decoding: localName, as: UTF8.self) }
    }

    /// Deeper input is rejected: AWS responses nest a dozen levels at most, and the bound
    /// keeps the open-element stack a fixed allocation.
    static let maximumDepth = 1024

    private let base: UnsafePointer<UInt8>
    private let count: Int
    private var index = 0
    private var depth = 0
    private var rootSeen = false
    /// The element just returned was self-closing: it is open, and has no content.
    private var emptyPending = false
    /// Qualified name (start, end) of each open element, compared against its end tag.
    private let openNames: UnsafeMutablePointer<(start: Int32, end: Int32)>
    private let shared: UnsafeMutablePointer<SharedText>
    /// Whether short texts may be built inline (`AWSXMLText.inlineString`); checked once per
    /// document.
    private let inlineStrings = AWSXMLText.inlineStringsWork

    private init(base: UnsafePointer<UInt8>, count: Int, openNames: UnsafeMutablePointer<(start: Int32, end: Int32)>, shared: UnsafeMutablePointer<SharedText>) {
        self.base = base
        self.count = count
        self.openNames = openNames
        self.shared = shared
        // A UTF-8 byte-order mark is allowed before the prolog.
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { index = 3 }
    }

    /// Reads `bytes` as one document: `body` gets the root element and decodes what it
    /// wants; whatever it leaves unread is still checked before the result is returned.
    static func read<T>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (inout AWSXMLReader, Element) throws(AWSXMLError) -> T) throws(AWSXMLError) -> T {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { throw AWSXMLError(reason: "no root element", offset: 0) }
        // Offsets on the stack are Int32, as in `AWSXMLDocument`.
        guard bytes.count < Int(Int32.max) else { throw AWSXMLError(reason: "document too large", offset: 0) }
        return try withUnsafeTemporaryAllocation(of: (start: Int32, end: Int32).self, capacity: maximumDepth) { stack throws(AWSXMLError) -> T in
            try withUnsafeTemporaryAllocation(of: SharedText.self, capacity: SharedText.slots) { shared throws(AWSXMLError) -> T in
                let slots = shared.baseAddress!
                slots.initialize(repeating: SharedText(), count: SharedText.slots)
                defer { slots.deinitialize(count: SharedText.slots) }
                var reader = AWSXMLReader(base: base, count: bytes.count, openNames: stack.baseAddress!, shared: slots)
                guard let root = try reader.nextChild() else { throw AWSXMLError(reason: "no root element", offset: bytes.count) }
                let value = try body(&reader, root)
                try reader.finish()
                return value
            }
        }
    }

    static func read<T>(_ bytes: [UInt8], _ body: (inout AWSXMLReader, Element) throws(AWSXMLError) -> T) throws(AWSXMLError) -> T {
        try bytes.withUnsafeBufferPointer { buffer throws(AWSXMLError) -> T in
            try read(buffer, body)
        }
    }

    /// Checks the rest of the document: every open element closes, nothing but comments,
    /// processing instructions and whitespace follow the root.
    private mutating func finish() throws(AWSXMLError) {
        while depth > 0 { _ = try nextChild() }
        if try nextChild() != nil { throw AWSXMLError(reason: "a second root element", offset: index) }
    }

    // MARK: Walking

    /// The next child of the innermost open element, or `nil` once that element has closed.
    /// The common shapes (`<name>`, `<name/>` and `</name>` with the name in one sixteen-byte
    /// load) are read inline; everything else goes through `nextChildInGeneral()`.
    @inline(__always)
    mutating func nextChild() throws(AWSXMLError) -> Element? {
        if emptyPending {
            emptyPending = false
            depth &-= 1
            return nil
        }
        if depth > 0 {
            // After an end tag the next tag usually follows at once: no search for it.
            let tagStart = index < count && base[index] == AWSXMLBytes.lt ? index : AWSXMLBytes.firstIndex(of: AWSXMLBytes.lt, in: base, from: index, to: count)
            // Room for `<`, a sixteen-byte name chunk and the byte after it.
            if tagStart &+ 18 <= count {
                let first = base[tagStart &+ 1]
                if first == AWSXMLBytes.slash {
                    if closeElementQuickly(tagStart) { return nil }
                } else if first != AWSXMLBytes.question, first != AWSXMLBytes.bang {
                    let nameStart = tagStart &+ 1
                    let nameEnd = AWSXMLBytes.firstNameDelimiterInChunk(in: base, at: nameStart)
                    if nameEnd > nameStart, depth < Self.maximumDepth {
                        let after = base[nameEnd]
                        // `<name>`, or an empty `<name/>` (AWS sends `<groups/>` and the like).
                        let selfClosing = after == AWSXMLBytes.slash && base[nameEnd &+ 1] == AWSXMLBytes.gt
                        if after == AWSXMLBytes.gt || selfClosing {
                            openNames[depth] = (Int32(truncatingIfNeeded: nameStart), Int32(truncatingIfNeeded: nameEnd))
                            depth &+= 1
                            emptyPending = selfClosing
                            index = selfClosing ? nameEnd &+ 2 : nameEnd &+ 1
                            return Element(localName: UnsafeBufferPointer(start: base + nameStart, count: nameEnd &- nameStart))
                        }
                    }
                }
            }
        }
        return try nextChildInGeneral()
    }

    @inline(never)
    private mutating func nextChildInGeneral() throws(AWSXMLError) -> Element? {
        if emptyPending {
            emptyPending = false
            depth &-= 1
            return nil
        }
        while true {
            if depth == 0 {
                // Only whitespace may sit outside the root; the end of input ends the document.
                while index < count, base[index] != AWSXMLBytes.lt {
                    guard AWSXMLBytes.isSpace(base[index]) else { throw AWSXMLError(reason: "text outside the root element", offset: index) }
                    index &+= 1
                }
                if index >= count {
                    if rootSeen { return nil }
                    throw AWSXMLError(reason: "no root element", offset: index)
                }
            } else {
                index = AWSXMLBytes.firstIndex(of: AWSXMLBytes.lt, in: base, from: index, to: count)
                guard index < count else { throw AWSXMLError(reason: "unclosed element at end of input", offset: count) }
            }
            let tagStart = index
            guard index &+ 1 < count else { throw AWSXMLError(reason: "truncated tag", offset: tagStart) }
            switch base[index &+ 1] {
            case AWSXMLBytes.slash:
                try closeElement(tagStart)
                return nil
            case AWSXMLBytes.question:
                index = try skip(past: "?>", from: index &+ 2, what: "processing instruction")
            case AWSXMLBytes.bang:
                try skipMarkupDeclaration(tagStart)
            default:
                return try openElement(tagStart)
            }
        }
    }

    /// Skips the element just returned, checking it all the same.
    mutating func skip() throws(AWSXMLError) {
        let target = depth &- 1
        while depth > target { _ = try nextChild() }
    }

    /// Skips the element just returned by searching for its end tag, without reading or
    /// checking what is inside: for large parts of a response that no decoder wants. Found
    /// that way, the end tag is the right one: `<` can't appear in text or attribute values,
    /// so `</name>` is either an end tag or inside a comment, CDATA section or processing
    /// instruction — and on any of those, or on a nested element of the same name, the
    /// search gives way to `skip()`, which reads the element properly.
    mutating func skipUnread() throws(AWSXMLError) {
        if emptyPending {
            emptyPending = false
            depth &-= 1
            return
        }
        let open = openNames[depth &- 1]
        let name = base + Int(open.start)
        let length = Int(open.end) &- Int(open.start)
        var cursor = index
        while true {
            cursor = AWSXMLBytes.firstSkipStop(name: name, length: length, in: base, from: cursor, to: count)
            guard cursor &+ 2 &+ length < count else { return try skip() }
            let next = base[cursor &+ 1]
            if next == AWSXMLBytes.slash {
                if base[cursor &+ 2 &+ length] == AWSXMLBytes.gt, AWSXMLBytes.equal(base + (cursor &+ 2), name, length) {
                    index = cursor &+ 3 &+ length
                    depth &-= 1
                    return
                }
            } else if next == AWSXMLBytes.bang || next == AWSXMLBytes.question
                        || AWSXMLBytes.equal(base + (cursor &+ 1), name, length) {
                return try skip()
            }
            cursor &+= 1
        }
    }

    // MARK: Values

    /// The text of the element just returned, entities and CDATA decoded; consumes the element.
    /// Mixed content reads as its character data in document order (child tags dropped).
    mutating func text() throws(AWSXMLError) -> String {
        if emptyPending {
            emptyPending = false
            depth &-= 1
            return ""
        }
        let start = index
        let stop = AWSXMLBytes.firstIndex(of: AWSXMLBytes.lt, or: AWSXMLBytes.ampersand, in: base, from: index, to: count)
        // The common case: plain text up to the element's own end tag.
        if stop &+ 1 < count, base[stop] == AWSXMLBytes.lt, base[stop &+ 1] == AWSXMLBytes.slash {
            if !closeElementQuickly(stop) { try closeElement(stop) }
            if stop == start { return "" }
            return makeString(start, stop &- start)
        }
        // Entities but no markup (`VPN &amp; office`): decoded straight into the string.
        if stop < count, base[stop] == AWSXMLBytes.ampersand {
            let end = AWSXMLBytes.firstIndex(of: AWSXMLBytes.lt, in: base, from: stop, to: count)
            if end &+ 1 < count, base[end &+ 1] == AWSXMLBytes.slash {
                try closeElement(end)
                return decodedString(start, end &- start)
            }
        }
        return try mixedText()
    }

    /// Text longer than fifteen bytes (the most Swift keeps inline) needs a heap string.
    /// Responses repeat such values a lot (the VPC id of every group, tag keys, rule
    /// descriptions), so recent ones are kept in a small direct-mapped table and shared.
    @inline(__always)
    private func makeString(_ start: Int, _ length: Int) -> String {
        let pointer = base + start
        guard length > 15 else {
            // A short value is followed by at least its end tag, so sixteen bytes are there
            // to load but near the end of a malformed body.
            if inlineStrings, start &+ 16 <= count, let string = AWSXMLText.inlineString(pointer, length) { return string }
            return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
        }
        let raw = UnsafeRawPointer(pointer)
        let mixed = (raw.loadUnaligned(as: UInt64.self) ^ raw.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self) ^ UInt64(truncatingIfNeeded: length))
            &* 0x9E37_79B9_7F4A_7C15
        let slot = shared + Int(truncatingIfNeeded: mixed &>> (64 &- SharedText.slotBits))
        if Int(slot.pointee.length) == length, AWSXMLBytes.equal(base + Int(slot.pointee.start), pointer, length) {
            return slot.pointee.string
        }
        let string = String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
        slot.pointee = SharedText(start: Int32(truncatingIfNeeded: start), length: Int32(truncatingIfNeeded: length), string: string)
        return string
    }

    /// Text with entities decoded. A short one (decoding only shrinks text) is decoded on the
    /// stack and made inline, as `makeString` does, rather than in a heap string's storage.
    private func decodedString(_ start: Int, _ length: Int) -> String {
        let bytes = UnsafeBufferPointer(start: base + start, count: length)
        guard inlineStrings, length <= 32 else { return AWSXMLText.decode(bytes) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            // Zeroed: `inlineString` loads sixteen bytes whatever the length.
            buffer.initialize(repeating: 0)
            let written = AWSXMLText.decode(bytes, into: buffer)
            if written <= 15, let string = AWSXMLText.inlineString(UnsafePointer(buffer.baseAddress!), written) { return string }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<written]), as: UTF8.self)
        }
    }

    /// An integer value, `nil` when the text is not one (or overflows).
    mutating func int() throws(AWSXMLError) -> Int? {
        if emptyPending {
            emptyPending = false
            depth &-= 1
            return nil
        }
        var cursor = index
        var negative = false
        if cursor < count, base[cursor] == UInt8(ascii: "-") {
            negative = true
            cursor &+= 1
        }
        let digitsStart = cursor
        var value = 0
        while cursor < count {
            let digit = Int(base[cursor]) &- 48
            guard digit >= 0 && digit <= 9 else { break }
            let (multiplied, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = multiplied.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return Int(try text().trimmingWhitespace) }
            value = added
            cursor &+= 1
        }
        if cursor > digitsStart, cursor &+ 1 < count, base[cursor] == AWSXMLBytes.lt, base[cursor &+ 1] == AWSXMLBytes.slash {
            try closeElement(cursor)
            return negative ? -value : value
        }
        // Whitespace, entities, CDATA or anything unusual: the general path.
        return Int(try text().trimmingWhitespace)
    }

    /// The slow path of `text()`: entities, CDATA, comments and nested elements.
    private mutating func mixedText() throws(AWSXMLError) -> String {
        let target = depth &- 1
        var out: [UInt8] = []
        while true {
            let segmentStart = index
            index = AWSXMLBytes.firstIndex(of: AWSXMLBytes.lt, in: base, from: index, to: count)
            guard index < count else { throw AWSXMLError(reason: "unclosed element at end of input", offset: count) }
            if index > segmentStart {
                AWSXMLText.appendDecoded(UnsafeBufferPointer(start: base + segmentStart, count: index &- segmentStart), to: &out)
            }
            let tagStart = index
            guard index &+ 1 < count else { throw AWSXMLError(reason: "truncated tag", offset: tagStart) }
            switch base[index &+ 1] {
            case AWSXMLBytes.slash:
                try closeElement(tagStart)
                if depth == target { return String(decoding: out, as: UTF8.self) }
            case AWSXMLBytes.question:
                index = try skip(past: "?>", from: index &+ 2, what: "processing instruction")
            case AWSXMLBytes.bang:
                if AWSXMLBytes.matches(base, count, at: index &+ 1, "![CDATA[") {
                    let contentStart = index &+ 9
                    index = try skip(past: "]]>", from: contentStart, what: "CDATA section")
                    out.append(contentsOf: UnsafeBufferPointer(start: base + contentStart, count: index &- 3 &- contentStart))
                } else {
                    try skipMarkupDeclaration(tagStart)
                }
            default:
                _ = try openElement(tagStart)
                if emptyPending {
                    emptyPending = false
                    depth &-= 1
                }
            }
        }
    }

    // MARK: Tags

    /// Reads a start tag at `tagStart` (its `<`), pushes it and returns it.
    private mutating func openElement(_ tagStart: Int) throws(AWSXMLError) -> Element {
        if depth == 0 {
            if rootSeen { throw AWSXMLError(reason: "a second root element", offset: tagStart) }
            rootSeen = true
        }
        let nameStart = tagStart &+ 1
        var localStart = nameStart
        var cursor = nameStart
        var byte: UInt8 = 0
        while true {
            cursor = AWSXMLBytes.firstNameDelimiter(in: base, from: cursor, to: count)
            guard cursor < count else { throw AWSXMLError(reason: "unterminated start tag", offset: tagStart) }
            byte = base[cursor]
            guard byte == AWSXMLBytes.colon else { break }
            cursor &+= 1
            localStart = cursor
        }
        let nameEnd = cursor
        guard nameEnd > nameStart, localStart < nameEnd else { throw AWSXMLError(reason: "empty tag name", offset: tagStart) }
        var selfClosing = false
        if byte == AWSXMLBytes.gt {
            cursor &+= 1
        } else if byte == AWSXMLBytes.slash, cursor &+ 1 < count, base[cursor &+ 1] == AWSXMLBytes.gt {
            selfClosing = true
            cursor &+= 2
        } else if AWSXMLBytes.isSpace(byte) {
            // Attributes are skipped, honouring quotes so a `>` inside a value is not the end.
            while true {
                guard cursor < count else { throw AWSXMLError(reason: "unterminated start tag", offset: tagStart) }
                let byte = base[cursor]
                if byte == AWSXMLBytes.quote || byte == AWSXMLBytes.apostrophe {
                    cursor = AWSXMLBytes.firstIndex(of: byte, in: base, from: cursor &+ 1, to: count)
                    guard cursor < count else { throw AWSXMLError(reason: "unterminated attribute value", offset: tagStart) }
                    cursor &+= 1
                    continue
                }
                if byte == AWSXMLBytes.lt { throw AWSXMLError(reason: "unterminated start tag", offset: tagStart) }
                if byte == AWSXMLBytes.gt {
                    selfClosing = base[cursor &- 1] == AWSXMLBytes.slash
                    cursor &+= 1
                    break
                }
                cursor &+= 1
            }
        } else {
            throw AWSXMLError(reason: "malformed tag name", offset: tagStart)
        }
        guard depth < Self.maximumDepth else { throw AWSXMLError(reason: "elements nested deeper than \(Self.maximumDepth)", offset: tagStart) }
        openNames[depth] = (Int32(truncatingIfNeeded: nameStart), Int32(truncatingIfNeeded: nameEnd))
        depth &+= 1
        emptyPending = selfClosing
        index = cursor
        return Element(localName: UnsafeBufferPointer(start: base + localStart, count: nameEnd &- localStart))
    }

    /// `closeElement` for the usual `</name>` (no space before `>`); `false` when the tag is
    /// anything else, which `closeElement` then reads or rejects.
    @inline(__always)
    private mutating func closeElementQuickly(_ tagStart: Int) -> Bool {
        let open = openNames[depth &- 1]
        let length = Int(open.end) &- Int(open.start)
        let nameStart = tagStart &+ 2
        guard nameStart &+ length < count, base[nameStart &+ length] == AWSXMLBytes.gt else { return false }
        // A name of up to sixteen bytes (nearly all) in one compare of two sixteen-byte loads.
        if length <= 16, nameStart &+ 16 <= count {
            let same = AWSXMLBytes.bits(AWSXMLBytes.load(base, Int(open.start)) .== AWSXMLBytes.load(base, nameStart))
            guard (same | UInt32(0xFFFF) &<< UInt32(truncatingIfNeeded: length)) & 0xFFFF == 0xFFFF else { return false }
        } else if !AWSXMLBytes.equal(base + Int(open.start), base + nameStart, length) {
            return false
        }
        index = nameStart &+ length &+ 1
        depth &-= 1
        return true
    }

    /// Reads the end tag at `tagStart`: it must repeat the open element's qualified name.
    private mutating func closeElement(_ tagStart: Int) throws(AWSXMLError) {
        guard depth > 0 else { throw AWSXMLError(reason: "end tag without a start tag", offset: tagStart) }
        let open = openNames[depth &- 1]
        let length = Int(open.end) &- Int(open.start)
        var cursor = tagStart &+ 2
        guard cursor &+ length < count, AWSXMLBytes.equal(base + Int(open.start), base + cursor, length) else {
            throw AWSXMLError(reason: "end tag does not match its start tag", offset: tagStart)
        }
        cursor &+= length
        if base[cursor] != AWSXMLBytes.gt {
            guard AWSXMLBytes.isSpace(base[cursor]) else { throw AWSXMLError(reason: "end tag does not match its start tag", offset: tagStart) }
            while cursor < count, AWSXMLBytes.isSpace(base[cursor]) { cursor &+= 1 }
            guard cursor < count, base[cursor] == AWSXMLBytes.gt else { throw AWSXMLError(reason: "unterminated end tag", offset: tagStart) }
        }
        index = cursor &+ 1
        depth &-= 1
    }

    /// `<!--…-->` and `<![CDATA[…]]>` (skipped as content); anything else (DOCTYPE) is refused.
    private mutating func skipMarkupDeclaration(_ tagStart: Int) throws(AWSXMLError) {
        if AWSXMLBytes.matches(base, count, at: tagStart &+ 1, "!--") {
            index = try skip(past: "-->", from: tagStart &+ 4, what: "comment")
        } else if AWSXMLBytes.matches(base, count, at: tagStart &+ 1, "![CDATA[") {
            guard depth > 0 else { throw AWSXMLError(reason: "CDATA outside the root element", offset: tagStart) }
            index = try skip(past: "]]>", from: tagStart &+ 9, what: "CDATA section")
        } else {
            // AWS never sends DOCTYPEs; refuse rather than guess (entity expansion included).
            throw AWSXMLError(reason: "unsupported markup declaration", offset: tagStart)
        }
    }

    private func skip(past terminator: StaticString, from start: Int, what: String) throws(AWSXMLError) -> Int {
        let length = terminator.utf8CodeUnitCount
        let first = terminator.utf8Start[0]
        var cursor = start
        while true {
            cursor = AWSXMLBytes.firstIndex(of: first, in: base, from: cursor, to: count)
            guard cursor &+ length <= count else { break }
            if AWSXMLBytes.equal(base + cursor, terminator.utf8Start, length) { return cursor &+ length }
            cursor &+= 1
        }
        throw AWSXMLError(reason: "unterminated \(what)", offset: start)
    }
}
