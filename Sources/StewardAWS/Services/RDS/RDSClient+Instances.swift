extension RDSClient {
    public func describeDBInstances(identifier: String? = nil, filters: [RDSFilter] = [], pageSize: Int? = nil) async throws -> [RDSDBInstance] {
        var parameters = AWSQueryParameters()
        parameters.set("DBInstanceIdentifier", identifier)
        parameters.setRDSFilters(filters)
        return try await paged("DescribeDBInstances", parameters, pageSize: pageSize) { result in
            result.list("DBInstances", item: "DBInstance").map(RDSDBInstance.init(xml:))
        }
    }

    @discardableResult
    public func startDBInstance(identifier: String) async throws -> RDSDBInstance {
        var parameters = AWSQueryParameters()
        parameters.set("DBInstanceIdentifier", identifier)
        return try await single("StartDBInstance", parameters, element: "DBInstance", RDSDBInstance.init(xml:))
    }

    @discardableResult
    public func stopDBInstance(identifier: String) async throws -> RDSDBInstance {
        var parameters = AWSQueryParameters()
        parameters.set("DBInstanceIdentifier", identifier)
        return try await single("StopDBInstance", parameters, element: "DBInstance", RDSDBInstance.init(xml:))
    }

    public func createDBSnapshot(instanceIdentifier: String, snapshotIdentifier: String, tags: [AWSTag] = []) async throws -> RDSDBSnapshot {
        var parameters = AWSQueryParameters()
        parameters.set("DBInstanceIdentifier", instanceIdentifier)
        parameters.set("DBSnapshotIdentifier", snapshotIdentifier)
        parameters.setRDSTags(tags)
        return try await single("CreateDBSnapshot", parameters, element: "DBSnapshot", RDSDBSnapshot.init(xml:))
    }

    public func describeDBSnapshots(instanceIdentifier: String? = nil, snapshotIdentifier: String? = nil, pageSize: Int? = nil) async throws -> [RDSDBSnapshot] {
        var parameters = AWSQueryParameters()
        parameters.set("DBInstanceIdentifier", instanceIdentifier)
        parameters.set("DBSnapshotIdentifier", snapshotIdentifier)
        return try await paged("DescribeDBSnapshots", parameters, pageSize: pageSize) { result in
            result.list("DBSnapshots", item: "DBSnapshot").map(RDSDBSnapshot.init(xml:))
        }
    }

    /// Deletes an instance; `finalSnapshot` says, exactly once, whether to take one.
    @discardableResult
    public func deleteDBInstance(identifier: String, finalSnapshot: RDSFinalSnapshot) async throws -> RDSDBInstance {
        try finalSnapshot.validate(operation: "rds:DeleteDBInstance")
        var parameters = AWSQueryParameters()
        parameters.set("DBInstanceIdentifier", identifier)
        parameters.setFinalSnapshot(finalSnapshot)
        return try await single("DeleteDBInstance", parameters, element: "DBInstance", RDSDBInstance.init(xml:))
    }

    @discardableResult
    public func restoreDBInstanceFromDBSnapshot(identifier: String, snapshotIdentifier: String, options: RDSRestoreOptions = RDSRestoreOptions()) async throws -> RDSDBInstance {
        var parameters = AWSQueryParameters()
        parameters.set("DBInstanceIdentifier", identifier)
        parameters.set("DBSnapshotIdentifier", snapshotIdentifier)
        parameters.set("DBInstanceClass", options.instanceClass)
        parameters.set("DBSubnetGroupName", options.subnetGroupName)
        parameters.set("DBParameterGroupName", options.parameterGroupName)
        parameters.set("Port", options.port)
        parameters.setRDSList("VpcSecurityGroupIds", member: "VpcSecurityGroupId", options.vpcSecurityGroupIDs)
        parameters.setRDSTags(options.tags)
        return try await single("RestoreDBInstanceFromDBSnapshot", parameters, element: "DBInstance", RDSDBInstance.init(xml:))
    }

    /// Adds a member instance to an Aurora cluster: a cluster restored from a snapshot comes
    /// back without instances, so Steward recreates the members the snapshot's tags name.
    @discardableResult
    public func createDBInstance(identifier: String, instanceClass: String, engine: String, clusterIdentifier: String, tags: [AWSTag] = []) async throws -> RDSDBInstance {
        var parameters = AWSQueryParameters()
        parameters.set("DBInstanceIdentifier", identifier)
        parameters.set("DBInstanceClass", instanceClass)
        parameters.set("Engine", engine)
        parameters.set("DBClusterIdentifier", clusterIdentifier)
        parameters.setRDSTags(tags)
        return try await single("CreateDBInstance", parameters, element: "DBInstance", RDSDBInstance.init(xml:))
    }

    public func addTagsToResource(arn: String, tags: [AWSTag]) async throws {
        var parameters = AWSQueryParameters()
        parameters.set("ResourceName", arn)
        parameters.setRDSTags(tags)
        _ = try await client.query(service: .rds, action: "AddTagsToResource", parameters: parameters)
    }

    public func listTagsForResource(arn: String) async throws -> [AWSTag] {
        var parameters = AWSQueryParameters()
        parameters.set("ResourceName", arn)
        let result = try await call("ListTagsForResource", parameters)
        return result.list("TagList", item: "Tag").map(AWSTag.init(rdsTag:))
    }
}
