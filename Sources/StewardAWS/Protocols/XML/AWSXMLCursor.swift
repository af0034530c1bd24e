/// A non-owning view of one element, valid only inside `AWSXMLElement.withCursor`. Hot
/// decoders (a Describe of a hundred groups reads thousands of fields) use it to walk the
/// tree with raw pointers: no reference counting and no name strings per field.
struct AWSXMLCursor {
    let nodes: UnsafeBufferPointer<AWSXMLDocument.Node>
    let bytes: UnsafeBufferPointer<UInt8>
    let index: Int32

    @inline(__always)
    private var node: AWSXMLDocument.Node { nodes[Int(index)] }

    /// Whether the local name is exactly `name`.
    @inline(__always)
    func isNamed(_ name: StaticString) -> Bool {
        let node = node
        let start = Int(node.localNameStart), length = Int(node.nameEnd) - start
        guard length == name.utf8CodeUnitCount else { return false }
        let wanted = name.utf8Start
        for offset in 0..<length where bytes[start + offset] != wanted[offset] {
            return false
        }
        return true
    }

    @inline(__always)
    func forEachChild(_ body: (AWSXMLCursor) -> Void) {
        var child = node.firstChild
        while child >= 0 {
            body(AWSXMLCursor(nodes: nodes, bytes: bytes, index: child))
            child = nodes[Int(child)].nextSibling
        }
    }

    /// The children named `name` (an EC2 list's `item`s), decoded by `make`.
    /// Counts first so the array is allocated once at its final size: growing 1, 2, 4 costs
    /// a malloc and a copy per step, and most lists here have one to three members.
    @inline(__always)
    func map<T>(_ name: StaticString, _ make: (AWSXMLCursor) -> T) -> [T] {
        var matching = 0
        forEachChild { child in
            if child.isNamed(name) { matching &+= 1 }
        }
        guard matching > 0 else { return [] }
        var result: [T] = []
        result.reserveCapacity(matching)
        forEachChild { child in
            if child.isNamed(name) { result.append(make(child)) }
        }
        return result
    }

    var text: String {
        let node = node
        let start = Int(node.contentStart), end = Int(node.contentEnd)
        if end <= start { return "" }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        for byte in slice where byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") {
            return AWSXMLText.decode(slice)
        }
        return String(decoding: slice, as: UTF8.self)
    }

    /// An integer child value without making a string first.
    var int: Int? {
        let node = node
        var index = Int(node.contentStart)
        let end = Int(node.contentEnd)
        guard index < end else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < end else { return nil }
        var value = 0
        while index < end {
            let digit = Int(bytes[index]) - 48
            guard digit >= 0 && digit <= 9 else { return Int(text.trimmingWhitespace) }
            let (multiplied, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = multiplied.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = added
            index += 1
        }
        return negative ? -value : value
    }
}

extension AWSXMLElement {
    /// Runs `body` with a raw cursor on this element; the document is kept alive meanwhile.
    func withCursor<T>(_ body: (AWSXMLCursor) throws -> T) rethrows -> T {
        try withExtendedLifetime(document) {
            try document.nodes.withUnsafeBufferPointer { nodes in
                try document.bytes.withUnsafeBufferPointer { bytes in
                    try body(AWSXMLCursor(nodes: nodes, bytes: bytes, index: index))
                }
            }
        }
    }
}
