extension RDSClient {
    public func describeDBClusters(identifier: String? = nil, filters: [RDSFilter] = [], pageSize: Int? = nil) async throws -> [RDSDBCluster] {
        var parameters = AWSQueryParameters()
        parameters.set("DBClusterIdentifier", identifier)
        parameters.setRDSFilters(filters)
        return try await paged("DescribeDBClusters", parameters, pageSize: pageSize) { result in
            result.list("DBClusters", item: "DBCluster").map(RDSDBCluster.init(xml:))
        }
    }

    @discardableResult
    public func startDBCluster(identifier: String) async throws -> RDSDBCluster {
        var parameters = AWSQueryParameters()
        parameters.set("DBClusterIdentifier", identifier)
        return try await single("StartDBCluster", parameters, element: "DBCluster", RDSDBCluster.init(xml:))
    }

    @discardableResult
    public func stopDBCluster(identifier: String) async throws -> RDSDBCluster {
        var parameters = AWSQueryParameters()
        parameters.set("DBClusterIdentifier", identifier)
        return try await single("StopDBCluster", parameters, element: "DBCluster", RDSDBCluster.init(xml:))
    }

    public func createDBClusterSnapshot(clusterIdentifier: String, snapshotIdentifier: String, tags: [AWSTag] = []) async throws -> RDSDBClusterSnapshot {
        var parameters = AWSQueryParameters()
        parameters.set("DBClusterIdentifier", clusterIdentifier)
        parameters.set("DBClusterSnapshotIdentifier", snapshotIdentifier)
        parameters.setRDSTags(tags)
        return try await single("CreateDBClusterSnapshot", parameters, element: "DBClusterSnapshot", RDSDBClusterSnapshot.init(xml:))
    }

    public func describeDBClusterSnapshots(clusterIdentifier: String? = nil, snapshotIdentifier: String? = nil, pageSize: Int? = nil) async throws -> [RDSDBClusterSnapshot] {
        var parameters = AWSQueryParameters()
        parameters.set("DBClusterIdentifier", clusterIdentifier)
        parameters.set("DBClusterSnapshotIdentifier", snapshotIdentifier)
        return try await paged("DescribeDBClusterSnapshots", parameters, pageSize: pageSize) { result in
            result.list("DBClusterSnapshots", item: "DBClusterSnapshot").map(RDSDBClusterSnapshot.init(xml:))
        }
    }

    /// Deletes a cluster (its member instances must be deleted first).
    @discardableResult
    public func deleteDBCluster(identifier: String, finalSnapshot: RDSFinalSnapshot) async throws -> RDSDBCluster {
        try finalSnapshot.validate(operation: "rds:DeleteDBCluster")
        var parameters = AWSQueryParameters()
        parameters.set("DBClusterIdentifier", identifier)
        parameters.setFinalSnapshot(finalSnapshot)
        return try await single("DeleteDBCluster", parameters, element: "DBCluster", RDSDBCluster.init(xml:))
    }

    /// Restores a cluster from a snapshot, by snapshot identifier (not ARN: moto cannot find
    /// cluster snapshots by ARN).
    @discardableResult
    public func restoreDBClusterFromSnapshot(identifier: String, snapshotIdentifier: String, engine: String, options: RDSRestoreOptions = RDSRestoreOptions()) async throws -> RDSDBCluster {
        var parameters = AWSQueryParameters()
        parameters.set("DBClusterIdentifier", identifier)
        parameters.set("SnapshotIdentifier", snapshotIdentifier)
        parameters.set("Engine", engine)
        parameters.set("DBSubnetGroupName", options.subnetGroupName)
        parameters.set("DBClusterParameterGroupName", options.parameterGroupName)
        parameters.set("EngineVersion", options.engineVersion)
        parameters.set("Port", options.port)
        parameters.setRDSList("VpcSecurityGroupIds", member: "VpcSecurityGroupId", options.vpcSecurityGroupIDs)
        parameters.setRDSTags(options.tags)
        return try await single("RestoreDBClusterFromSnapshot", parameters, element: "DBCluster", RDSDBCluster.init(xml:))
    }
}
