extension EC2Client {
    public func describeInstances(instanceIDs: [String] = [], filters: [EC2Filter] = [], pageSize: Int? = nil) async throws -> [EC2Instance] {
        var parameters = AWSQueryParameters()
        parameters.setList("InstanceId", instanceIDs)
        parameters.setEC2Filters(filters)
        return try await paged("DescribeInstances", parameters, pageSize: instanceIDs.isEmpty ? pageSize : nil) { root in
            root.list("reservationSet", item: "item").flatMap { reservation in
                reservation.list("instancesSet", item: "item").map(EC2Instance.init(xml:))
            }
        }
    }

    /// Launches instances from a launch template. The `clientToken` makes the launch
    /// idempotent: the runtime retries with the same body, so a retried launch never launches
    /// twice. Pass a token derived from the lease to make re-runs idempotent too.
    public func runInstances(
        launchTemplate: EC2LaunchTemplateReference,
        count: Int = 1,
        instanceType: String? = nil,
        subnetID: String? = nil,
        tags: [AWSTag] = [],
        clientToken: String = AWSClientToken.make()
    ) async throws -> [EC2Instance] {
        var parameters = AWSQueryParameters()
        switch launchTemplate {
        case .name(let name, let version):
            parameters.set("LaunchTemplate.LaunchTemplateName", name)
            parameters.set("LaunchTemplate.Version", version)
        case .id(let id, let version):
            parameters.set("LaunchTemplate.LaunchTemplateId", id)
            parameters.set("LaunchTemplate.Version", version)
        }
        parameters.set("MinCount", count)
        parameters.set("MaxCount", count)
        parameters.set("InstanceType", instanceType)
        parameters.set("SubnetId", subnetID)
        if !tags.isEmpty {
            parameters.setEC2TagSpecifications([
                EC2TagSpecification(resourceType: "instance", tags: tags),
                EC2TagSpecification(resourceType: "volume", tags: tags),
            ])
        }
        parameters.set("ClientToken", clientToken)
        let root = try await call("RunInstances", parameters)
        return root.list("instancesSet", item: "item").map(EC2Instance.init(xml:))
    }

    public func startInstances(_ instanceIDs: [String]) async throws -> [EC2InstanceStateChange] {
        try await changeState("StartInstances", instanceIDs)
    }

    public func stopInstances(_ instanceIDs: [String]) async throws -> [EC2InstanceStateChange] {
        try await changeState("StopInstances", instanceIDs)
    }

    public func terminateInstances(_ instanceIDs: [String]) async throws -> [EC2InstanceStateChange] {
        try await changeState("TerminateInstances", instanceIDs)
    }

    private func changeState(_ action: String, _ instanceIDs: [String]) async throws -> [EC2InstanceStateChange] {
        guard !instanceIDs.isEmpty else { return [] }
        var parameters = AWSQueryParameters()
        parameters.setList("InstanceId", instanceIDs)
        let root = try await call(action, parameters)
        return root.list("instancesSet", item: "item").map(EC2InstanceStateChange.init(xml:))
    }

    public func createTags(resourceIDs: [String], tags: [AWSTag]) async throws {
        guard !resourceIDs.isEmpty, !tags.isEmpty else { return }
        var parameters = AWSQueryParameters()
        parameters.setList("ResourceId", resourceIDs)
        parameters.setEC2Tags("Tag", tags)
        _ = try await call("CreateTags", parameters)
    }

    public func describeLaunchTemplates(names: [String] = [], ids: [String] = [], filters: [EC2Filter] = [], pageSize: Int? = nil) async throws -> [EC2LaunchTemplate] {
        var parameters = AWSQueryParameters()
        parameters.setList("LaunchTemplateName", names)
        parameters.setList("LaunchTemplateId", ids)
        parameters.setEC2Filters(filters)
        return try await paged("DescribeLaunchTemplates", parameters, pageSize: names.isEmpty && ids.isEmpty ? pageSize : nil) { root in
            root.list("launchTemplates", item: "item").map(EC2LaunchTemplate.init(xml:))
        }
    }
}
