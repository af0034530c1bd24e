/// A view of one element of an `AWSXMLDocument`.
public struct AWSXMLElement: Sendable {
    let document: AWSXMLDocument
    let index: Int32

    private var node: AWSXMLDocument.Node { document.nodes[Int(index)] }

    /// The local name, without any namespace prefix.
    public var name: String {
        let node = node
        return String(decoding: document.bytes[Int(node.localNameStart)..<Int(node.nameEnd)], as: UTF8.self)
    }

    func hasName(_ utf8Name: [UInt8]) -> Bool {
        utf8Name.withUnsafeBufferPointer { wanted in
            document.bytes.withUnsafeBufferPointer { bytes in
                Self.nameMatches(document.nodes[Int(index)], wanted, bytes)
            }
        }
    }

    @inline(__always)
    static func nameMatches(_ node: AWSXMLDocument.Node, _ wanted: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(node.localNameStart), end = Int(node.nameEnd)
        guard end - start == wanted.count else { return false }
        for offset in 0..<wanted.count where bytes[start + offset] != wanted[offset] {
            return false
        }
        return true
    }

    /// Walks the children whose local name is `name`, without allocating: lookups run for
    /// every field of every item, so they work on the raw buffers.
    private func forEachChild(named name: String, _ body: (Int32) -> Bool) {
        var name = name
        name.withUTF8 { wanted in
            document.nodes.withUnsafeBufferPointer { nodes in
                document.bytes.withUnsafeBufferPointer { bytes in
                    var child = nodes[Int(index)].firstChild
                    while child >= 0 {
                        let node = nodes[Int(child)]
                        if Self.nameMatches(node, wanted, bytes), !body(child) { return }
                        child = node.nextSibling
                    }
                }
            }
        }
    }

    public var children: [AWSXMLElement] {
        var result: [AWSXMLElement] = []
        var child = document.nodes[Int(index)].firstChild
        while child >= 0 {
            result.append(AWSXMLElement(document: document, index: child))
            child = document.nodes[Int(child)].nextSibling
        }
        return result
    }

    /// Visits every child once with its local name: one pass for decoders that read many
    /// fields of an item (names up to 15 bytes are inline strings, so this allocates nothing).
    public func forEachChild(_ body: (_ name: String, _ child: AWSXMLElement) throws -> Void) rethrows {
        var child = document.nodes[Int(index)].firstChild
        while child >= 0 {
            let element = AWSXMLElement(document: document, index: child)
            try body(element.name, element)
            child = document.nodes[Int(child)].nextSibling
        }
    }

    /// The first child with that local name.
    public func child(_ name: String) -> AWSXMLElement? {
        var found: Int32 = -1
        forEachChild(named: name) { index in
            found = index
            return false
        }
        return found >= 0 ? AWSXMLElement(document: document, index: found) : nil
    }

    public func children(_ name: String) -> [AWSXMLElement] {
        var result: [AWSXMLElement] = []
        forEachChild(named: name) { index in
            result.append(AWSXMLElement(document: document, index: index))
            return true
        }
        return result
    }

    /// Follows a chain of child names: `element.path("Errors", "Error")`.
    public func path(_ names: String...) -> AWSXMLElement? {
        var current: AWSXMLElement? = self
        for name in names {
            current = current?.child(name)
        }
        return current
    }

    /// The first element with that local name in document order below this one, depth-first.
    public func descendant(_ name: String) -> AWSXMLElement? {
        let wanted = Array(name.utf8)
        let end = subtreeEnd
        var candidate = index + 1
        while candidate < end {
            let element = AWSXMLElement(document: document, index: candidate)
            if element.hasName(wanted) { return element }
            candidate += 1
        }
        return nil
    }

    /// Nodes are stored in document order, so a subtree is a contiguous index range.
    private var subtreeEnd: Int32 {
        let node = node
        if node.nextSibling >= 0 { return node.nextSibling }
        var candidate = index + 1
        while Int(candidate) < document.nodes.count, document.nodes[Int(candidate)].qualifiedNameStart < node.contentEnd {
            candidate += 1
        }
        return candidate
    }

    /// The text of a leaf element, entities and CDATA decoded; empty for an empty element.
    public var text: String {
        let node = node
        let start = Int(node.contentStart), end = Int(node.contentEnd)
        if end <= start { return "" }
        return document.bytes.withUnsafeBufferPointer { bytes in
            var plain = true
            for offset in start..<end where bytes[offset] == UInt8(ascii: "&") || bytes[offset] == UInt8(ascii: "<") {
                plain = false
                break
            }
            if plain {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            return AWSXMLText.decode(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    /// The text of the named child, or `nil` when there is no such child.
    public func string(_ name: String) -> String? {
        child(name)?.text
    }

    public func int(_ name: String) -> Int? {
        guard let text = string(name) else { return nil }
        return Int(text) ?? Int(text.trimmingWhitespace)
    }

    public func bool(_ name: String) -> Bool? {
        guard let text = string(name) else { return nil }
        switch text == "true" || text == "false" ? text : text.trimmingWhitespace.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// The members of a list wrapper: `<ipRanges><item>…</item></ipRanges>` (EC2) or
    /// `<TagList><Tag>…</Tag></TagList>` (RDS). An absent wrapper is an empty list.
    public func list(_ wrapper: String, item: String) -> [AWSXMLElement] {
        child(wrapper)?.children(item) ?? []
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
