import Foundation
@testable import StewardAWS
import Testing

/// The token loops, with a fake transport that splits results into pages.
@Suite("Paging")
struct PagingTests {
    static func sgPage(_ ids: [String], next: String?) -> String {
        let items = ids.map { "<item><groupId>\($0)</groupId><groupName>\($0)</groupName><tagSet/><ipPermissions/></item>" }.joined()
        return "<DescribeSecurityGroupsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><securityGroupInfo>\(items)</securityGroupInfo>\(next.map { "<nextToken>\($0)</nextToken>" } ?? "")</DescribeSecurityGroupsResponse>"
    }

    @Test func ec2PagesOnNextTokenToTheEnd() async throws {
        let transport = FakeTransport { request, _ in
            switch request.formItems["NextToken"] {
            case nil: return FakeTransport.xml(Self.sgPage(["sg-1", "sg-2"], next: "t1"))
            case "t1": return FakeTransport.xml(Self.sgPage(["sg-3", "sg-4"], next: "t2"))
            default: return FakeTransport.xml(Self.sgPage(["sg-5"], next: nil))
            }
        }
        let groups = try await EC2Client(client: fakeClient(transport)).describeSecurityGroups(filters: [.tag("WhitelistManaged", "true")], pageSize: 2)
        #expect(groups.map(\.groupID) == ["sg-1", "sg-2", "sg-3", "sg-4", "sg-5"])
        #expect(transport.requests.count == 3)
        #expect(transport.requests.allSatisfy { $0.formItems["Filter.1.Name"] == "tag:WhitelistManaged" && $0.formItems["Filter.1.Value.1"] == "true" && $0.formItems["MaxResults"] == "2" })
    }

    @Test func aRepeatedTokenStopsTheLoop() async throws {
        // moto's Application Auto Scaling answers NextToken "1" forever.
        let transport = FakeTransport { _, _ in
            FakeTransport.json(#"{"ScalableTargets":[{"ServiceNamespace":"ecs","ResourceId":"service/c/s","ScalableDimension":"ecs:service:DesiredCount","MinCapacity":1,"MaxCapacity":2}],"NextToken":"1"}"#)
        }
        let error = try await #require(throws: AWSClientError.self) {
            try await ApplicationAutoScalingClient(client: fakeClient(transport)).describeScalableTargets(serviceNamespace: "ecs")
        }
        #expect(error.kind == .pagingAborted)
        #expect(transport.requests.count == 2)
    }

    @Test func rdsPagesOnMarker() async throws {
        let transport = FakeTransport { request, _ in
            let marker = request.formItems["Marker"]
            let id = marker == nil ? "db-1" : "db-2"
            let next = marker == nil ? "<Marker>m1</Marker>" : ""
            return FakeTransport.xml("<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances><DBInstance><DBInstanceIdentifier>\(id)</DBInstanceIdentifier><DBInstanceStatus>available</DBInstanceStatus></DBInstance></DBInstances>\(next)</DescribeDBInstancesResult></DescribeDBInstancesResponse>")
        }
        let instances = try await RDSClient(client: fakeClient(transport)).describeDBInstances()
        #expect(instances.map(\.identifier) == ["db-1", "db-2"])
    }

    @Test func ecsListServicesPagesAndDescribeServicesChunksByTen() async throws {
        let arns = (1...23).map { "arn:aws:ecs:us-east-1:1:service/c/s\($0)" }
        let transport = FakeTransport { request, _ in
            let target = request.headers.value(for: "x-amz-target") ?? ""
            let body = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] ?? [:]
            if target.hasSuffix("ListServices") {
                let start = Int(body["nextToken"] as? String ?? "0") ?? 0
                let page = Array(arns[start..<min(start + 10, arns.count)])
                let next = start + 10 < arns.count ? #","nextToken":"\#(start + 10)""# : ""
                let list = page.map { "\"\($0)\"" }.joined(separator: ",")
                return FakeTransport.json(#"{"serviceArns":[\#(list)]\#(next)}"#)
            }
            let services = body["services"] as? [String] ?? []
            #expect(services.count <= 10)
            #expect(body["include"] as? [String] == ["TAGS"])
            let items = services.map { #"{"serviceArn":"\#($0)","serviceName":"x","desiredCount":1,"runningCount":1,"pendingCount":0,"tags":[{"key":"k","value":"v"}]}"# }.joined(separator: ",")
            return FakeTransport.json(#"{"services":[\#(items)],"failures":[]}"#)
        }
        let ecs = ECSClient(client: fakeClient(transport))
        let listed = try await ecs.listServices(cluster: "c")
        #expect(listed == arns)
        let described = try await ecs.describeServices(cluster: "c", services: listed)
        #expect(described.services.map(\.serviceArn) == arns)
        #expect(described.services.allSatisfy { $0.tags == [AWSTag(key: "k", value: "v")] })
        #expect(transport.requests.count == 3 + 3)
    }
}
