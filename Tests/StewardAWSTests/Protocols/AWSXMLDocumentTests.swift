@testable import StewardAWS
import Testing

@Suite("XML parser")
struct AWSXMLDocumentTests {
    @Test func readsNamespacedElementsEntitiesAndCDATA() throws {
        let document = try AWSXMLDocument(string: """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment -->
        <ns:Root xmlns:ns="urn:x" a='1>2'><ns:Name>a &amp; b &lt;c&gt; &#233;&#x41;</ns:Name><Empty/><Data><![CDATA[<raw> & ]]></Data>
          <list><item><v>1</v></item><item><v>2</v></item></list></ns:Root>
        """)
        let root = document.root
        #expect(root.name == "Root")
        #expect(root.string("Name") == "a & b <c> éA")
        #expect(root.string("Empty") == "")
        #expect(root.string("Data") == "<raw> & ")
        #expect(root.list("list", item: "item").compactMap { $0.int("v") } == [1, 2])
        #expect(root.descendant("v")?.text == "1")
        #expect(root.string("missing") == nil)
    }

    @Test("malformed XML is an error, not an empty success", arguments: [
        "", "   ", "<a>", "<a></b>", "<a><b></a></b>", "<a></a><b></b>", "text", "<a attr=\"x></a>", "<!DOCTYPE a><a/>", "<a><b>unclosed</a>",
    ])
    func malformed(_ text: String) {
        #expect(throws: AWSXMLError.self) { try AWSXMLDocument(string: text) }
    }
}
