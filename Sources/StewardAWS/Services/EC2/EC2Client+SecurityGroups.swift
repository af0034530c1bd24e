extension EC2Client {
    /// Security groups by id and/or filter (e.g. `tag:WhitelistManaged=true`), all pages.
    public func describeSecurityGroups(groupIDs: [String] = [], filters: [EC2Filter] = [], pageSize: Int? = nil) async throws -> [EC2SecurityGroup] {
        var parameters = AWSQueryParameters()
        parameters.setList("GroupId", groupIDs)
        parameters.setEC2Filters(filters)
        // AWS refuses MaxResults together with explicit group ids.
        let size = groupIDs.isEmpty ? pageSize : nil
        // Read straight from the response bytes (see `EC2SecurityGroup+Reading`), not via a tree.
        return try await AWSPaging.collect(operation: "ec2:DescribeSecurityGroups") { token in
            var page = parameters
            page.set("MaxResults", size)
            page.set("NextToken", token)
            let result = try await client.query(service: .ec2, action: "DescribeSecurityGroups", parameters: page) { reader, _ throws(AWSXMLError) in
                try EC2SecurityGroup.readDescribePage(&reader)
            }
            return (result.groups, result.nextToken)
        }
    }

    /// Rules by rule id and/or filter (`group-id`, `tag:steward:owner`, …), all pages. A filter
    /// with more values than EC2 takes in one call (`valuesPerFilter`) is sent in chunks, each
    /// paged to its end, the rules merged (once each: a rule two chunks match, by tag say,
    /// is not counted twice).
    public func describeSecurityGroupRules(ruleIDs: [String] = [], filters: [EC2Filter] = [], pageSize: Int? = nil,
                                           valuesPerFilter: Int = EC2Filter.maximumValues) async throws -> [EC2SecurityGroupRule] {
        var rules: [EC2SecurityGroupRule] = []
        var seen: Set<String> = []
        for chunk in EC2Filter.chunked(filters, limit: valuesPerFilter) {
            var parameters = AWSQueryParameters()
            parameters.setList("SecurityGroupRuleId", ruleIDs)
            parameters.setEC2Filters(chunk)
            let page = try await paged("DescribeSecurityGroupRules", parameters, pageSize: pageSize) { root in
                root.list("securityGroupRuleSet", item: "item").map(EC2SecurityGroupRule.init(xml:))
            }
            rules += page.filter { $0.ruleID.isEmpty || seen.insert($0.ruleID).inserted }
        }
        return rules
    }

    /// Adds ingress permissions, tagging the new rules. Returns the rules AWS reports created
    /// (moto reports only the last permission's; re-read with `describeSecurityGroupRules`
    /// when completeness matters).
    @discardableResult
    public func authorizeSecurityGroupIngress(groupID: String, permissions: [EC2IPPermission], ruleTags: [AWSTag] = []) async throws -> [EC2SecurityGroupRule] {
        try validateNoDuplicateCIDRs(permissions, operation: "ec2:AuthorizeSecurityGroupIngress")
        var parameters = AWSQueryParameters()
        parameters.set("GroupId", groupID)
        parameters.setEC2Permissions(permissions)
        if !ruleTags.isEmpty {
            parameters.setEC2TagSpecifications([EC2TagSpecification(resourceType: "security-group-rule", tags: ruleTags)])
        }
        let root = try await call("AuthorizeSecurityGroupIngress", parameters)
        return root.list("securityGroupRuleSet", item: "item").map(EC2SecurityGroupRule.init(xml:))
    }

    /// Revokes ingress rules by id: the precise form for rules Steward owns.
    public func revokeSecurityGroupIngress(groupID: String, ruleIDs: [String]) async throws {
        guard !ruleIDs.isEmpty else { return }
        var parameters = AWSQueryParameters()
        parameters.set("GroupId", groupID)
        parameters.setList("SecurityGroupRuleId", ruleIDs)
        _ = try await call("RevokeSecurityGroupIngress", parameters)
    }

    /// Revokes ingress rules by matching permissions.
    public func revokeSecurityGroupIngress(groupID: String, permissions: [EC2IPPermission]) async throws {
        guard !permissions.isEmpty else { return }
        var parameters = AWSQueryParameters()
        parameters.set("GroupId", groupID)
        parameters.setEC2Permissions(permissions)
        _ = try await call("RevokeSecurityGroupIngress", parameters)
    }

    /// Updates descriptions of existing ingress rules, matched by permission (protocol, ports,
    /// CIDR) with the new description on each range.
    public func updateSecurityGroupRuleDescriptionsIngress(groupID: String, permissions: [EC2IPPermission]) async throws {
        var parameters = AWSQueryParameters()
        parameters.set("GroupId", groupID)
        parameters.setEC2Permissions(permissions)
        _ = try await call("UpdateSecurityGroupRuleDescriptionsIngress", parameters)
    }

    /// Updates descriptions of existing ingress rules by rule id. (moto accepts this form but
    /// ignores it; AWS applies it.)
    public func updateSecurityGroupRuleDescriptionsIngress(groupID: String, updates: [EC2RuleDescriptionUpdate]) async throws {
        var parameters = AWSQueryParameters()
        parameters.set("GroupId", groupID)
        for (index, update) in updates.enumerated() {
            parameters.set("SecurityGroupRuleDescription.\(index + 1).SecurityGroupRuleId", update.ruleID)
            parameters.set("SecurityGroupRuleDescription.\(index + 1).Description", update.description)
        }
        _ = try await call("UpdateSecurityGroupRuleDescriptionsIngress", parameters)
    }

    /// AWS rejects a batch naming one CIDR twice, and moto keeps half of such a batch;
    /// refuse it before sending.
    private func validateNoDuplicateCIDRs(_ permissions: [EC2IPPermission], operation: String) throws {
        var seen: Set<String> = []
        for permission in permissions {
            let key = "\(permission.ipProtocol)/\(permission.fromPort ?? -1)-\(permission.toPort ?? -1)"
            for cidr in permission.ipv4Ranges.map(\.cidr) + permission.ipv6Ranges.map(\.cidr) + permission.prefixLists.map(\.prefixListID) {
                guard seen.insert("\(key) \(cidr)").inserted else {
                    throw AWSClientError(.invalidRequest, operation: operation, message: "\(cidr) appears twice for \(key) in one call; send each source once")
                }
            }
        }
    }
}
