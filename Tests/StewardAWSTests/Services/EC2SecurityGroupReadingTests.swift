import Foundation
@_spi(Benchmarks) @testable import StewardAWS
import Testing

/// DescribeSecurityGroups read straight from the bytes must give exactly what the tree
/// decoder gives, whatever the layout AWS (or an emulator) chooses.
@Suite("EC2 DescribeSecurityGroups reading")
struct EC2SecurityGroupReadingTests {
    static let group = """
    <item><ownerId>123456789012</ownerId><groupId>sg-0123456789abcdef0</groupId><groupName>web</groupName>\
    <groupDescription>Web &amp; API &lt;prod&gt; &#233;</groupDescription><vpcId>vpc-0a1b2c3d4e5f67890</vpcId>\
    <ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups/>\
    <ipRanges><item><cidrIp>203.0.113.10/32</cidrIp><description>John office IP</description></item>\
    <item><cidrIp>198.51.100.0/24</cidrIp><description><![CDATA[VPN <&> office]]></description></item><item><cidrIp>10.0.0.0/8</cidrIp></item></ipRanges>\
    <ipv6Ranges><item><cidrIpv6>2001:db8::/64</cidrIpv6><description>v6 office</description></item></ipv6Ranges>\
    <prefixListIds><item><prefixListId>pl-1</prefixListId><description>corp</description></item></prefixListIds></item>\
    <item><ipProtocol>-1</ipProtocol><groups><item><groupId>sg-other</groupId></item></groups><ipRanges/><ipv6Ranges/><prefixListIds/></item></ipPermissions>\
    <ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissionsEgress>\
    <tagSet><item><key>WhitelistManaged</key><value>true</value></item><item><key>Environment</key><value>dev</value></item><item><key>empty</key><value/></item></tagSet></item>
    """

    static let expected = EC2SecurityGroup.make(
        groupID: "sg-0123456789abcdef0", groupName: "web", description: "Web & API <prod> é",
        vpcID: "vpc-0a1b2c3d4e5f67890", ownerID: "123456789012",
        tags: [AWSTag(key: "WhitelistManaged", value: "true"), AWSTag(key: "Environment", value: "dev"), AWSTag(key: "empty", value: "")]
    )

    static func response(_ items: String, next: String? = nil, prefix: String = "") -> String {
        let p = prefix.isEmpty ? "" : "\(prefix):"
        let ns = prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)"
        return """
        <?xml version="1.0" encoding="UTF-8"?><\(p)DescribeSecurityGroupsResponse \(ns)="http://ec2.amazonaws.com/doc/2016-11-15/">\
        <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><securityGroupInfo>\(items)</securityGroupInfo>\
        \(next.map { "<nextToken>\($0)</nextToken>" } ?? "")</\(p)DescribeSecurityGroupsResponse>
        """
    }

    /// Indents a compact document the way AWS pretty-prints its responses: between tags,
    /// never inside a value (a CDATA section is part of one).
    static func prettyPrinted(_ xml: String) -> String {
        xml.replacingOccurrences(of: #"(?<!\]\])><(?!!)"#, with: ">\n    <", options: .regularExpression)
    }

    /// The tree path (`AWSXMLDocument` + cursor decoder) for the same body.
    static func viaTree(_ xml: String) throws -> [EC2SecurityGroup] {
        let root = try AWSXMLDocument(string: xml).root
        return root.list("securityGroupInfo", item: "item").map(EC2SecurityGroup.init(xml:))
    }

    @Test("layouts", arguments: ["compact", "pretty-printed", "prefixed", "reordered fields", "unknown fields"])
    func decodesLikeTheTree(_ layout: String) throws {
        var item = Self.group
        switch layout {
        case "reordered fields":
            item = item.replacingOccurrences(of: "<ownerId>123456789012</ownerId>", with: "")
                .replacingOccurrences(of: "</tagSet></item>", with: "</tagSet><ownerId>123456789012</ownerId></item>")
        case "unknown fields":
            item = item.replacingOccurrences(of: "<groupName>", with: "<newField><item><deep a='>'>x</deep></item></newField><selfClosing/><groupName>")
        default:
            break
        }
        var xml = Self.response(item + item, prefix: layout == "prefixed" ? "ec2" : "")
        if layout == "prefixed" {
            xml = xml.replacingOccurrences(of: "<item>", with: "<ec2:item>").replacingOccurrences(of: "</item>", with: "</ec2:item>")
        }
        if layout == "pretty-printed" {
            xml = Self.prettyPrinted(xml)
            #expect(xml.contains("</groupId>\n    <groupName>"))
        }
        let decoded = try EC2SecurityGroup.decodeDescribeResponse(Array(xml.utf8))
        #expect(decoded.groups == [Self.expected, Self.expected])
        #expect(decoded.groups == (try Self.viaTree(xml)))
        #expect(decoded.nextToken == nil)
    }

    @Test func emptyAndSelfClosingListsAndNextToken() throws {
        let xml = Self.response("", next: "token-1").replacingOccurrences(of: "<securityGroupInfo></securityGroupInfo>", with: "<securityGroupInfo/>")
        let decoded = try EC2SecurityGroup.decodeDescribeResponse(Array(xml.utf8))
        #expect(decoded.groups.isEmpty)
        #expect(decoded.nextToken == "token-1")
    }

    @Test("malformed bodies are rejected", arguments: [
        "<ipPermissionsEgress><item></ipPermissionsEgres>",
        "<ipPermissionsEgress><item><ipProtocol>-1</ipProtocol>",
        "<groupId>sg-1</groupid>",
        "<tagSet><item><key>k</key><value>v</value></item></tagSet></item></item>",
        "<groupName>web</groupName><!-- unterminated",
        "<vpcId>vpc-1<vpcId>",
    ])
    func rejectsMalformed(_ fragment: String) {
        let xml = Self.response("<item>\(fragment)</item>")
        #expect(throws: AWSXMLError.self) { try EC2SecurityGroup.decodeDescribeResponse(Array(xml.utf8)) }
        let truncated = Array(Self.response(Self.group).utf8.dropLast(3))
        #expect(throws: AWSXMLError.self) { try EC2SecurityGroup.decodeDescribeResponse(truncated) }
    }

    /// Permissions are skipped by finding their end tag, so what is inside them is not
    /// checked (the one exception to the reader checking everything); the parts read are,
    /// and a comment or CDATA section holding the end tag's text does not fool the search.
    @Test func permissionsAreSkippedByTheirEndTagWithoutBeingChecked() throws {
        let egress = "<ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/>"
        #expect(Self.group.contains(egress))
        let sloppy = Self.group.replacingOccurrences(of: egress, with: "<ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups><item></groups>")
        #expect(try EC2SecurityGroup.decodeDescribeResponse(Array(Self.response(sloppy).utf8)).groups == [Self.expected])
        #expect(throws: AWSXMLError.self) { try Self.viaTree(Self.response(sloppy)) }
        let tricky = Self.group.replacingOccurrences(of: egress, with: egress + "<!-- </ipPermissionsEgress> --><![CDATA[</ipPermissionsEgress>]]>")
        #expect(try EC2SecurityGroup.decodeDescribeResponse(Array(Self.response(tricky).utf8)).groups == [Self.expected])
        #expect(try Self.viaTree(Self.response(tricky)) == [Self.expected])
    }

    @Test func clientPagesAndSignsThroughTheReader() async throws {
        let transport = FakeTransport { request, _ in
            request.formItems["NextToken"] == nil
                ? FakeTransport.xml(Self.response(Self.group, next: "t1"))
                : FakeTransport.xml(Self.prettyPrinted(Self.response(Self.group)))
        }
        let groups = try await EC2Client(client: fakeClient(transport)).describeSecurityGroups(filters: [.tag("Environment", "dev a&b")])
        #expect(groups == [Self.expected, Self.expected])
        #expect(transport.requests.count == 2)
        let first = try #require(transport.requests.first)
        #expect(first.formItems["Action"] == "DescribeSecurityGroups")
        #expect(first.bodyText.contains("Filter.1.Value.1=dev+a%26b"))
        #expect(first.headers.value(for: "Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDTEST/") == true)
    }

    @Test("an error document is an AWSError, whatever the status", arguments: [400, 200])
    func errorDocument(_ status: Int) async throws {
        let transport = FakeTransport { _, _ in
            FakeTransport.xml("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized &amp; that is that.</Message></Error></Errors><RequestID>req-9</RequestID></Response>
            """, status: status)
        }
        let error = try await #require(throws: AWSError.self) {
            try await EC2Client(client: fakeClient(transport)).describeSecurityGroups()
        }
        #expect(error.code == "UnauthorizedOperation")
        #expect(error.message == "You are not authorized & that is that.")
        #expect(error.requestID == "req-9")
        #expect(error.operation == "ec2:DescribeSecurityGroups")
    }

    @Test func malformedResponseIsAClientError() async throws {
        let transport = FakeTransport { _, _ in FakeTransport.xml("<DescribeSecurityGroupsResponse><securityGroupInfo>") }
        let error = try await #require(throws: AWSClientError.self) {
            try await EC2Client(client: fakeClient(transport)).describeSecurityGroups()
        }
        #expect(error.kind == .malformedResponse)
        #expect(error.operation == "ec2:DescribeSecurityGroups")
    }
}

extension EC2SecurityGroup {
    static func make(groupID: String, groupName: String, description: String, vpcID: String?, ownerID: String?, tags: [AWSTag]) -> EC2SecurityGroup {
        var group = EC2SecurityGroup(xml: try! AWSXMLDocument(string: "<item/>").root)
        group.groupID = groupID
        group.groupName = groupName
        group.description = description
        group.vpcID = vpcID
        group.ownerID = ownerID
        group.tags = tags
        return group
    }
}
