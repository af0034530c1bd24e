import Foundation
@testable import StewardAWS
import Testing

/// DescribeSecurityGroupRules with more `group-id` values than EC2 takes in one filter (200):
/// the values go out in chunks, each chunk paged to its end, every rule returned once. The
/// recording transport answers each call with one rule per group it names (half of them on a
/// first page when the case pages), so a lost chunk or page shows as missing rules.
@Suite("EC2 DescribeSecurityGroupRules filter chunks")
struct EC2SecurityGroupRuleChunkingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var groups: Int
        var pagesPerChunk: Int
        /// Values of the `group-id` filter in each chunk, in call order.
        var chunks: [Int]
        var testDescription: String { "\(groups) groups, \(pagesPerChunk) page(s) a chunk" }
    }

    static let cases = [
        Case(groups: 1, pagesPerChunk: 1, chunks: [1]),
        Case(groups: 200, pagesPerChunk: 1, chunks: [200]),
        Case(groups: 201, pagesPerChunk: 1, chunks: [200, 1]),
        Case(groups: 450, pagesPerChunk: 1, chunks: [200, 200, 50]),
        Case(groups: 450, pagesPerChunk: 2, chunks: [200, 200, 50]),
        Case(groups: 500, pagesPerChunk: 1, chunks: [200, 200, 100]),
    ]

    static func groupID(_ index: Int) -> String { String(format: "sg-%017x", index) }

    /// The `Filter.1.Value.N` values of a recorded call, in order.
    static func groupIDs(in request: AWSHTTPRequest) -> [String] {
        let items = request.formItems
        var values: [String] = []
        while let value = items["Filter.1.Value.\(values.count + 1)"], values.count < 10_000 { values.append(value) }
        return values
    }

    static func response(rulesFor groups: [String], next: String?) -> String {
        let items = groups.map { group in
            "<item><securityGroupRuleId>sgr-\(group.dropFirst(3))</securityGroupRuleId><groupId>\(group)</groupId><isEgress>false</isEgress>"
                + "<ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><cidrIpv4>203.0.113.10/32</cidrIpv4></item>"
        }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8"?><DescribeSecurityGroupRulesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">\
        <requestId>req-1</requestId><securityGroupRuleSet>\(items)</securityGroupRuleSet>\
        \(next.map { "<nextToken>\($0)</nextToken>" } ?? "")</DescribeSecurityGroupRulesResponse>
        """
    }

    @Test(arguments: cases)
    func valuesGoInChunksOfAtMost200EachPagedToItsEndAndEveryRuleComesBack(_ scenario: Case) async throws {
        let pages = scenario.pagesPerChunk
        let transport = FakeTransport { request, _ in
            let groups = Self.groupIDs(in: request)
            guard pages == 2 else { return FakeTransport.xml(Self.response(rulesFor: groups, next: nil)) }
            // Page 1 holds the first half; page 2 (asked for with its token) the rest.
            let half = groups.count / 2
            return request.formItems["NextToken"] == nil
                ? FakeTransport.xml(Self.response(rulesFor: Array(groups.prefix(half)), next: "page-2-of-\(groups.first ?? "")"))
                : FakeTransport.xml(Self.response(rulesFor: Array(groups.dropFirst(half)), next: nil))
        }
        let groups = (0..<scenario.groups).map(Self.groupID)
        let rules = try await EC2Client(client: fakeClient(transport)).describeSecurityGroupRules(filters: [EC2Filter(name: "group-id", values: groups)])

        let requests = transport.requests
        #expect(requests.count == scenario.chunks.count * pages, "\(requests.count) calls")
        #expect(requests.allSatisfy { $0.formItems["Action"] == "DescribeSecurityGroupRules" && $0.formItems["Filter.1.Name"] == "group-id" })
        #expect(requests.allSatisfy { Self.groupIDs(in: $0).count <= EC2Filter.maximumValues })
        // The first page of each chunk names it; a second page repeats the chunk with the chunk's token.
        let firstPages = requests.filter { $0.formItems["NextToken"] == nil }
        #expect(firstPages.map { Self.groupIDs(in: $0).count } == scenario.chunks)
        #expect(firstPages.flatMap(Self.groupIDs) == groups, "every group in exactly one chunk, in order")
        if pages == 2 {
            for (index, request) in requests.enumerated() where index % 2 == 1 {
                #expect(request.formItems["NextToken"] == "page-2-of-\(Self.groupIDs(in: request).first ?? "")")
                #expect(Self.groupIDs(in: request) == Self.groupIDs(in: requests[index - 1]), "a page left its chunk")
            }
        }
        #expect(rules.map(\.groupID) == groups, "a rule per group, none lost or doubled")
        #expect(Set(rules.map(\.ruleID)).count == scenario.groups)
    }

    @Test func aRuleTwoChunksMatchIsReturnedOnce() async throws {
        // By tag, one rule can match values in two chunks; the merge keeps it once.
        let transport = FakeTransport { _, _ in FakeTransport.xml(Self.response(rulesFor: [Self.groupID(7)], next: nil)) }
        let values = (0..<3).map { "team-\($0)" }
        let rules = try await EC2Client(client: fakeClient(transport))
            .describeSecurityGroupRules(filters: [EC2Filter(name: "tag:Team", values: values)], valuesPerFilter: 2)
        #expect(transport.requests.count == 2)
        #expect(rules.map(\.ruleID) == ["sgr-" + Self.groupID(7).dropFirst(3)])
    }

    @Test(arguments: [
        (values: [0, 0], limit: 200, calls: [[0, 0]]),
        (values: [3], limit: 2, calls: [[2], [1]]),
        (values: [3, 1], limit: 2, calls: [[2, 1], [1, 1]]),
        (values: [3, 3], limit: 2, calls: [[2, 2], [2, 1], [1, 2], [1, 1]]),
    ])
    func everyCombinationOfOneChunkPerFilterIsOneCall(_ table: (values: [Int], limit: Int, calls: [[Int]])) {
        let filters = table.values.enumerated().map { index, count in
            EC2Filter(name: "f\(index)", values: (0..<count).map { "v\($0)" })
        }
        let chunked = EC2Filter.chunked(filters, limit: table.limit)
        #expect(chunked.map { $0.map(\.values.count) } == table.calls)
        #expect(chunked.allSatisfy { $0.map(\.name) == filters.map(\.name) }, "every call keeps every filter, in order")
        for (index, filter) in filters.enumerated() {
            #expect(Set(chunked.flatMap { $0[index].values }) == Set(filter.values), "\(filter.name) lost values")
        }
    }
}
