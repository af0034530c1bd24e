@testable import StewardAWS
import Testing

/// Edges of the pointer-based scanner and the byte-level entity decoder.
@Suite("XML parser edges")
struct AWSXMLParserEdgeTests {
    @Test func endTagsAreComparedByQualifiedNameAndMayCarryTrailingSpace() throws {
        let document = try AWSXMLDocument(string: "\u{FEFF}  <ns:Root xmlns:ns=\"urn:x\"><averyveryverylongname>x</averyveryverylongname ><b />\n</ns:Root >\n")
        #expect(document.root.name == "Root")
        #expect(document.root.string("averyveryverylongname") == "x")
        #expect(document.root.string("b") == "")
    }

    @Test("mismatched, truncated or unbalanced input is rejected", arguments: [
        "<ab></a>", "<a></ab>", "<a></a", "<a></", "<a><a><a>", "<a><a></a>", "</a>", "<a/><b/>", "<a/>x",
        "<ns:a></a>", "<a></ns:a>", "<averyveryverylongname></averyveryverylongnamf>", "<a", "<a b='1'", "<>", "<a><</a>",
        "<a><!-- unterminated </a>", "<a><![CDATA[ unterminated </a>", "<?xml version='1.0'", "<![CDATA[x]]><a/>",
    ])
    func rejects(_ text: String) {
        #expect(throws: AWSXMLError.self) { try AWSXMLDocument(string: text) }
    }

    @Test func deepNestingWithinBoundsParses() throws {
        let depth = 500
        let text = String(repeating: "<a>", count: depth) + "v" + String(repeating: "</a>", count: depth)
        var element = try AWSXMLDocument(string: text).root
        for _ in 1..<depth {
            guard let child = element.child("a") else { Issue.record("missing level"); return }
            element = child
        }
        #expect(element.text == "v")
    }

    @Test func cursorListsDecodeEmptyAndMultiMemberLists() throws {
        let document = try AWSXMLDocument(string: """
        <item><groupId>sg-0123456789abcdef0</groupId><groupName>web</groupName><groupDescription>Web &amp; API</groupDescription>
        <ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups/>
        <ipRanges><item><cidrIp>10.0.0.0/8</cidrIp><description>a</description></item><item><cidrIp>10.1.0.0/16</cidrIp></item></ipRanges>
        <ipv6Ranges/><prefixListIds><item><prefixListId>pl-1</prefixListId></item></prefixListIds></item></ipPermissions>
        <tagSet><item><key>k1</key><value>v1</value></item><item><key>k2</key><value/></item></tagSet></item>
        """)
        let group = EC2SecurityGroup(xml: document.root)
        #expect(group.groupID == "sg-0123456789abcdef0")
        #expect(group.description == "Web & API")
        #expect(group.vpcID == nil)
        #expect(group.tags == [AWSTag(key: "k1", value: "v1"), AWSTag(key: "k2", value: "")])
    }
}
