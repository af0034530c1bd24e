import Foundation
@testable import StewardAWS
import Testing

/// The streaming reader behind the hot Describe decoders: it must accept and reject what the
/// tree parser does, decode text the same way, and give the same typed values.
@Suite("XML reader")
struct AWSXMLReaderTests {
    /// The text of the first `v` child of the root, read with the reader; other children are
    /// skipped with `skip()`, or with `skipUnread()` when `skippingUnread`.
    static func readV(_ xml: String, skippingUnread: Bool = false) throws(AWSXMLError) -> String? {
        try AWSXMLReader.read(Array(xml.utf8)) { reader, _ throws(AWSXMLError) -> String? in
            var found: String?
            while let child = try reader.nextChild() {
                if child.isNamed("v"), found == nil {
                    found = try reader.text()
                } else if skippingUnread {
                    try reader.skipUnread()
                } else {
                    try reader.skip()
                }
            }
            return found
        }
    }

    /// Every element's local name and (for leaves) text, in document order: a generic walk
    /// that the tree can be compared against.
    static func walk(_ xml: String) throws(AWSXMLError) -> [String] {
        try AWSXMLReader.read(Array(xml.utf8)) { reader, root throws(AWSXMLError) -> [String] in
            var out = [root.name]
            try walkChildren(&reader, into: &out)
            return out
        }
    }

    private static func walkChildren(_ reader: inout AWSXMLReader, into out: inout [String]) throws(AWSXMLError) {
        while let child = try reader.nextChild() {
            out.append(child.name)
            try walkChildren(&reader, into: &out)
        }
    }

    /// Entities decode byte-wise; unknown or invalid references (a lone surrogate too) stay
    /// literal — in the reader and in the tree alike.
    @Test("entities and CDATA decode like the tree's text", arguments: [
        ("&amp;&lt;&gt;&quot;&apos;", "&<>\"'"),
        ("&#233;&#xE9;&#XE9;&#65;", "éééA"),
        ("&#x1F600;", "😀"),
        ("&amp;amp;", "&amp;"),
        ("&foo; &am; &ampx;", "&foo; &am; &ampx;"),
        ("&#xZZ; &#; &#x; &#12a;", "&#xZZ; &#; &#x; &#12a;"),
        ("&#99999999999;", "&#99999999999;"),
        ("&#xD800;", "&#xD800;"),
        ("a & b", "a & b"),
        ("tail &amp", "tail &amp"),
        ("<![CDATA[<&amp;>]]>", "<&amp;>"),
        ("x<![CDATA[<&amp;>]]>y", "x<&amp;>y"),
        ("a<!-- a comment -->b", "ab"),
        ("a<?pi x?>b", "ab"),
        ("  spaced  ", "  spaced  "),
        ("line\nbreak", "line\nbreak"),
        ("VPN &amp; office", "VPN & office"),
        ("", ""),
        ("plain text longer than sixteen bytes, no markup", "plain text longer than sixteen bytes, no markup"),
        ("mixed <b>bold</b> text", "mixed bold text"),
    ])
    func text(_ pair: (String, String)) throws {
        let xml = "<r><v>\(pair.0)</v></r>"
        #expect(try Self.readV(xml) == pair.1)
        #expect(try AWSXMLDocument(string: xml).root.string("v") == pair.1)
    }

    @Test("self-closing, prefixed, attributed and spaced tags", arguments: [
        ("<r><v/></r>", ""),
        ("<r><v /></r>", ""),
        ("<r><v a='1'/></r>", ""),
        ("<r><v a=\"x>y\">t</v></r>", "t"),
        ("<ec2:r xmlns:ec2=\"urn:x\"><ec2:v>t</ec2:v></ec2:r>", "t"),
        ("<r><a:b:v>t</a:b:v></r>", "t"),
        ("<r ><v >t</v ></r >", "t"),
        ("<r>\n  <w/>\n  <v>t</v>\n</r>\n", "t"),
        ("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- c --><r><v>t</v></r><!-- after -->\n", "t"),
        ("<r><averyveryverylongname_over_sixteen_bytes>x</averyveryverylongname_over_sixteen_bytes><v>t</v></r>", "t"),
        ("<r><w><v>nested, not a child</v></w></r>", nil),
    ] as [(String, String?)])
    func shapes(_ pair: (String, String?)) throws {
        #expect(try Self.readV(pair.0) == pair.1)
    }

    static let malformed = [
        "", "   ", "text", "<ab></a>", "<a></ab>", "<a></a", "<a></", "<a><a><a>", "<a><a></a>", "</a>", "<a/><b/>", "<a/>x",
        "<ns:a></a>", "<a></ns:a>", "<averyveryverylongname></averyveryverylongnamf>", "<a", "<a b='1'", "<>", "<a><</a>",
        "<a><!-- unterminated </a>", "<a><![CDATA[ unterminated </a>", "<?xml version='1.0'", "<![CDATA[x]]><a/>",
        "<!DOCTYPE a><a/>", "<a><v>t</w></a>", "<a><v>t</v>", "<a><v>t", "<a><v>&amp;</v", "<a></a><b></b>", "<a></a>tail",
        "< a></a>", "<a:></a:>", "<r><v>t</v></r></r>", "<r><v>one</v><w><x></w></x></r>",
    ]

    @Test("malformed input is rejected, as the tree parser rejects it", arguments: malformed)
    func rejects(_ text: String) {
        #expect(throws: AWSXMLError.self) { try Self.walk(text) }
        #expect(throws: AWSXMLError.self) { try Self.readV(text) }
        #expect(throws: AWSXMLError.self) { try AWSXMLDocument(string: text) }
    }

    /// The search for the end tag lands on the real one whatever hides its text (comments,
    /// CDATA, processing instructions, a nested element of the same name, a longer name
    /// sharing its prefix), and agrees with the checked skip on every valid input.
    @Test("skipUnread finds the right end tag", arguments: [
        "<r><p><a>1</a><b/></p><v>x</v></r>",
        "<r><p><!-- </p> --><a/></p><v>x</v></r>",
        "<r><p><a><![CDATA[</p>]]></a></p><v>x</v></r>",
        "<r><p><?pi </p>?></p><v>x</v></r>",
        "<r><p><p>inner</p><a/></p><v>x</v></r>",
        "<r><p><px>1</px><p/></p><v>x</v></r>",
        "<r><p/><v>x</v></r>",
        "<r><e:p xmlns:e='u'><e:a/></e:p><v>x</v></r>",
        "<r><p a='1'>text &amp; more</p ><v>x</v></r>",
    ])
    func skipUnreadFindsTheEndTag(_ xml: String) throws {
        #expect(try Self.readV(xml, skippingUnread: true) == "x")
        #expect(try Self.readV(xml) == "x")
        // Again with room for the sixteen-at-a-time search: filler inside the skipped element,
        // at every alignment, and after the root's last child.
        let tail = "<z>" + String(repeating: "y", count: 64) + "</z></r>"
        for shift in 0..<17 {
            let filler = "<f>" + String(repeating: "w", count: shift) + "</f><item>i</item></px>"
            let padded = xml.replacingOccurrences(of: "</r>", with: tail)
                .replacingOccurrences(of: "<r><p", with: "<r><px>" + filler + "<p")
            #expect(try Self.readV(padded, skippingUnread: true) == "x", "\(padded)")
            #expect(try Self.readV(padded) == "x", "\(padded)")
            let inside = xml.replacingOccurrences(of: "</r>", with: tail)
                .replacingOccurrences(of: "</p><v>", with: String(repeating: "<item>ip</item>", count: shift % 4) + filler.dropLast(5) + "</p><v>")
            #expect(try Self.readV(inside, skippingUnread: true) == "x", "\(inside)")
        }
    }

    /// What is inside a skipped element is not checked, but its end tag must be there, and
    /// everything around it still is checked.
    @Test func skipUnreadChecksOnlyTheEndTagAndWhatFollows() throws {
        #expect(try Self.readV("<r><p><a></p><v>x</v></r>", skippingUnread: true) == "x")
        #expect(throws: AWSXMLError.self) { try Self.readV("<r><p><a></p><v>x</v></r>") }
        for truncated in ["<r><p><a/></r>", "<r><p><a/>", "<r><p><a/></p><v>x</v>", "<r><p><a/></p></v></r>"] {
            #expect(throws: AWSXMLError.self, "\(truncated)") { try Self.readV(truncated, skippingUnread: true) }
        }
    }

    @Test func deepNestingParsesAndOverlyDeepIsRejected() throws {
        let depth = 500
        let nested = String(repeating: "<a>", count: depth) + "v" + String(repeating: "</a>", count: depth)
        #expect(try Self.walk(nested).count == depth)
        let tooDeep = String(repeating: "<a>", count: AWSXMLReader.maximumDepth + 1) + String(repeating: "</a>", count: AWSXMLReader.maximumDepth + 1)
        #expect(throws: AWSXMLError.self) { try Self.walk(tooDeep) }
    }

    @Test func integersReadLikeTheTree() throws {
        let cases: [(String, Int?)] = [("443", 443), ("-1", -1), (" 22 ", 22), ("", nil), ("x", nil), ("-", nil),
                                       ("99999999999999999999", nil), ("4&#52;3", 443), ("<![CDATA[80]]>", 80)]
        for (text, expected) in cases {
            let xml = "<r><v>\(text)</v></r>"
            let read = try AWSXMLReader.read(Array(xml.utf8)) { reader, _ throws(AWSXMLError) -> Int? in
                _ = try reader.nextChild()
                let value = try reader.int()
                _ = try reader.nextChild()
                return value
            }
            #expect(read == expected, "\(text)")
            #expect(try AWSXMLDocument(string: xml).root.int("v") == expected, "\(text)")
        }
    }

    /// Every single-byte deletion of a small response: the reader and the tree parser must
    /// agree on whether the result is well-formed, and on its elements when it is.
    @Test func agreesWithTheTreeOnEveryOneByteDeletion() throws {
        let valid = #"<?xml version="1.0"?><ns:Resp xmlns:ns="u"><item><id>sg-1</id><d>a &amp; b</d><e/><l><item><c>10.0.0.0/8</c></item></l></item><!--c--><t><![CDATA[x]]></t></ns:Resp>"#
        let bytes = Array(valid.utf8)
        var disagreements: [String] = []
        for index in bytes.indices {
            var mutated = bytes
            mutated.remove(at: index)
            let text = String(decoding: mutated, as: UTF8.self)
            let tree = try? AWSXMLDocument(bytes: mutated)
            let walked = try? Self.walk(text)
            if (tree == nil) != (walked == nil) {
                disagreements.append(text)
            } else if let tree, let walked, Self.treeWalk(tree.root) != walked {
                disagreements.append(text)
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
    }

    /// Long values are shared through a small table keyed by their bytes: many distinct,
    /// repeated and same-length values (colliding slots included) must each read back exactly.
    @Test func sharedLongValuesReadBackExactly() throws {
        let values = (0..<600).map { index in
            index % 3 == 0 ? "repeated-long-value-\(index % 7)" : "distinct-long-value-\(String(index, radix: 16))-\(index * 7919 % 1000)"
        }
        let xml = "<r>" + values.map { "<v>\($0)</v>" }.joined() + "</r>"
        let read = try AWSXMLReader.read(Array(xml.utf8)) { reader, _ throws(AWSXMLError) -> [String] in
            var out: [String] = []
            while try reader.nextChild() != nil { out.append(try reader.text()) }
            return out
        }
        #expect(read == values)
    }

    /// The inline paths (`<name>`, `<name/>`, `</name>` compared in one sixteen-byte load,
    /// short texts made inline) need some twenty bytes after a tag; the short documents
    /// above mostly take the general path. The same inputs with room after them must still
    /// agree with the tree parser.
    @Test("inputs with room for the inline paths agree with the tree", arguments: malformed + [
        "<r><v/><w/><v>t</v></r>", "<r><abcdefghijklmnop>x</abcdefghijklmnop></r>", "<r><abcdefghijklmnop>x</abcdefghijklmnoq></r>",
        "<r><abcdefghijklmnopq>x</abcdefghijklmnopq></r>", "<r><abcdefghijklmnopq>x</abcdefghijklmnopr></r>",
        "<r><abcdefghijklmno>x</abcdefghijklmnO></r>", "<r><abc>x</abcd></r>", "<r><abcd>x</abc></r>", "<r><v/ ><w/></r>",
        "<r><v>a &amp; b</v><v>a &amp; b</w></r>", "<r><v>&amp;<b/></v></r>", "<r><v>caf\u{E9}</v><v>\u{1F600}</v></r>",
    ])
    func agreesWithTheTreeWithRoomAfterTags(_ text: String) throws {
        let padded = text + "<!-- room for sixteen-byte loads after every tag -->"
        let tree = try? AWSXMLDocument(string: padded)
        let walked = try? Self.walk(padded)
        #expect((tree == nil) == (walked == nil), "\(padded)")
        if let tree, let walked { #expect(Self.treeWalk(tree.root) == walked) }
        if tree != nil {
            #expect(try Self.readV(padded) == (try AWSXMLDocument(string: padded).root.child("v")?.text))
        }
    }

    /// Values of up to fifteen ASCII bytes are built inline in the string; every length,
    /// non-ASCII bytes (the validating path) and decoded entities must read back exactly and
    /// behave as any string (equality, hashing, counts).
    @Test func shortValuesReadBackExactly() throws {
        var values = (0...16).map { String("0123456789abcdefg".prefix($0)) }
        values += ["é", "naïve", "日本語", "a\u{7F}b", "tab\there", "x&amp;y", "&lt;&gt;", "\u{1F600}", "fifteen bytes!!", "sixteen bytes!!!"]
        let xml = "<r>" + values.map { "<v>\($0)</v>" }.joined() + "<!-- padding after the last value -->" + "</r>"
        let read = try AWSXMLReader.read(Array(xml.utf8)) { reader, _ throws(AWSXMLError) -> [String] in
            var out: [String] = []
            while try reader.nextChild() != nil { out.append(try reader.text()) }
            return out
        }
        let expected = values.map { $0.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">") }
        #expect(read == expected)
        for (value, wanted) in zip(read, expected) {
            #expect(value.utf8.count == wanted.utf8.count)
            #expect(value.count == wanted.count)
            #expect(Set([value, wanted]).count == 1)
            #expect(value + "!" == wanted + "!")
        }
    }

    /// Lists of every length read back in order, other children skipped; an error part-way
    /// through a list is thrown.
    @Test(arguments: [0, 1, 2, 7, 8, 9, 17, 33, 100])
    func listsOfEveryLength(_ count: Int) throws {
        let values = (0..<count).map { "member \($0) of a list, long enough for a heap string" }
        let xml = "<r><l>" + values.map { "<item>\($0)</item><other><x/></other>" }.joined() + "</l></r>"
        let read = try AWSXMLReader.read(Array(xml.utf8)) { reader, _ throws(AWSXMLError) -> [String] in
            _ = try reader.nextChild()
            return try reader.list("item") { reader throws(AWSXMLError) in try reader.text() }
        }
        #expect(read == values)
        let broken = "<r><l>" + values.map { "<item>\($0)</item>" }.joined() + "<item>x</itemx></l></r>"
        #expect(throws: AWSXMLError.self) {
            try AWSXMLReader.read(Array(broken.utf8)) { reader, _ throws(AWSXMLError) -> [String] in
                _ = try reader.nextChild()
                return try reader.list("item") { reader throws(AWSXMLError) in try reader.text() }
            }
        }
    }

    static func treeWalk(_ element: AWSXMLElement) -> [String] {
        [element.name] + element.children.flatMap(treeWalk)
    }
}
