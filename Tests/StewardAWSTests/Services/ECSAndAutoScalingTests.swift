import Foundation
import StewardAWS
import StewardTestSupport
import Testing

@Suite("ECS and Application Auto Scaling against moto", .moto, .serialized)
struct ECSAndAutoScalingTests {
    @Test func servicesTagsDesiredCountAndScalableTargets() async throws {
        let fixture = try MotoFixture.get()
        let client = try fixture.client()
        let ecs = ECSClient(client: client)
        let cluster = uniqueName("dev")
        // 12 services: DescribeServices must chunk them into calls of at most 10.
        _ = try await fixture.server.boto3("""
        ecs = boto3.client('ecs', endpoint_url=ENDPOINT)
        ecs.create_cluster(clusterName='\(cluster)')
        ecs.register_task_definition(family='web', containerDefinitions=[{'name': 'web', 'image': 'nginx', 'memory': 128}])
        for i in range(12):
            ecs.create_service(cluster='\(cluster)', serviceName=f'svc{i}', taskDefinition='web', desiredCount=2,
                tags=[{'key': 'Environment', 'value': '\(cluster)'}])
        """)
        let arns = try await ecs.listServices(cluster: cluster)
        #expect(arns.count == 12)
        let described = try await ecs.describeServices(cluster: cluster, services: arns)
        #expect(described.services.count == 12)
        #expect(described.failures.isEmpty)
        #expect(described.services.allSatisfy { $0.desiredCount == 2 && $0.tags.value(for: "Environment") == cluster })

        let missing = try await ecs.describeServices(cluster: cluster, services: ["no-such-service"])
        #expect(missing.failures.first?.reason == "MISSING")

        let target = try #require(described.services.first { $0.serviceName == "svc0" })
        try await ecs.tagResource(arn: target.serviceArn, tags: [AWSTag(key: "steward:previous-desired-count", value: "2")])
        let updated = try await ecs.updateService(cluster: cluster, service: "svc0", desiredCount: 0)
        #expect(updated.desiredCount == 0)
        let tags = try await ecs.listTagsForResource(arn: target.serviceArn)
        #expect(tags.value(for: "steward:previous-desired-count") == "2")

        let cli = try parseJSON(try await fixture.server.aws(["ecs", "describe-services", "--cluster", cluster, "--services", "svc0"])) as? [String: Any]
        #expect(((cli?["services"] as? [[String: Any]])?.first?["desiredCount"] as? Int) == 0)

        let autoscaling = ApplicationAutoScalingClient(client: client)
        let resource = "service/\(cluster)/svc1"
        try await autoscaling.registerScalableTarget(serviceNamespace: "ecs", resourceID: resource, scalableDimension: "ecs:service:DesiredCount", minCapacity: 1, maxCapacity: 4)
        try await autoscaling.registerScalableTarget(serviceNamespace: "ecs", resourceID: resource, scalableDimension: "ecs:service:DesiredCount", minCapacity: 0, maxCapacity: 0)
        let targets = try await autoscaling.describeScalableTargets(serviceNamespace: "ecs", resourceIDs: [resource])
        #expect(targets.count == 1)
        #expect(targets.first?.minCapacity == 0 && targets.first?.maxCapacity == 0)
        await #expect(throws: AWSClientError.self) {
            try await autoscaling.registerScalableTarget(serviceNamespace: "ecs", resourceID: resource, scalableDimension: "ecs:service:DesiredCount", minCapacity: 5, maxCapacity: 1)
        }
    }
}
