/// A parsed XML document, small and strict. AWS Query responses are parsed here rather than
/// with Foundation's `XMLParser`, which on Linux can report success for malformed input and
/// costs a callback and several string bridges per element.
///
/// Elements are stored flat, as byte ranges into the original body; strings are made only
/// when a value is read. Namespace prefixes are dropped from names (`<ns:Code>` is `Code`).
/// Malformed input (mismatched or unclosed tags, no root) throws `AWSXMLError`.
public final class AWSXMLDocument: Sendable {
    struct Node: Sendable {
        var qualifiedNameStart: Int32
        var localNameStart: Int32
        var nameEnd: Int32
        var contentStart: Int32
        var contentEnd: Int32
        var firstChild: Int32 = -1
        var nextSibling: Int32 = -1
    }

    let bytes: [UInt8]
    let nodes: [Node]

    public init(bytes: [UInt8]) throws(AWSXMLError) {
        self.bytes = bytes
        self.nodes = try bytes.withUnsafeBufferPointer { buffer throws(AWSXMLError) in
            try AWSXMLParser.parse(buffer)
        }
    }

    public convenience init(string: String) throws(AWSXMLError) {
        try self.init(bytes: Array(string.utf8))
    }

    public var root: AWSXMLElement {
        AWSXMLElement(document: self, index: 0)
    }
}
