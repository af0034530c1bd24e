extension EC2Client {
    public func createManagedPrefixList(name: String, addressFamily: String, maxEntries: Int, entries: [EC2IPRange] = [], tags: [AWSTag] = [], clientToken: String? = nil) async throws -> EC2ManagedPrefixList {
        var parameters = AWSQueryParameters()
        parameters.set("PrefixListName", name)
        parameters.set("AddressFamily", addressFamily)
        parameters.set("MaxEntries", maxEntries)
        for (index, entry) in entries.enumerated() {
            parameters.set("Entry.\(index + 1).Cidr", entry.cidr)
            parameters.set("Entry.\(index + 1).Description", entry.description)
        }
        if !tags.isEmpty {
            parameters.setEC2TagSpecifications([EC2TagSpecification(resourceType: "prefix-list", tags: tags)])
        }
        parameters.set("ClientToken", clientToken ?? AWSClientToken.make())
        let root = try await call("CreateManagedPrefixList", parameters)
        guard let list = root.child("prefixList") else {
            throw AWSClientError(.malformedResponse, operation: "ec2:CreateManagedPrefixList", message: "no prefixList in the response")
        }
        return EC2ManagedPrefixList(xml: list)
    }

    public func describeManagedPrefixLists(prefixListIDs: [String] = [], filters: [EC2Filter] = [], pageSize: Int? = nil) async throws -> [EC2ManagedPrefixList] {
        var parameters = AWSQueryParameters()
        parameters.setList("PrefixListId", prefixListIDs)
        parameters.setEC2Filters(filters)
        return try await paged("DescribeManagedPrefixLists", parameters, pageSize: pageSize) { root in
            root.list("prefixListSet", item: "item").map(EC2ManagedPrefixList.init(xml:))
        }
    }

    /// Edits entries. `currentVersion` is required so a concurrent edit fails
    /// (`IncorrectState`) instead of being overwritten; `name` is always sent because
    /// some implementations erase the name when it is omitted.
    public func modifyManagedPrefixList(prefixListID: String, currentVersion: Int, name: String, add: [EC2IPRange] = [], remove: [String] = [], maxEntries: Int? = nil) async throws -> EC2ManagedPrefixList {
        var parameters = AWSQueryParameters()
        parameters.set("PrefixListId", prefixListID)
        parameters.set("CurrentVersion", currentVersion)
        parameters.set("PrefixListName", name)
        for (index, entry) in add.enumerated() {
            parameters.set("AddEntry.\(index + 1).Cidr", entry.cidr)
            parameters.set("AddEntry.\(index + 1).Description", entry.description)
        }
        for (index, cidr) in remove.enumerated() {
            parameters.set("RemoveEntry.\(index + 1).Cidr", cidr)
        }
        parameters.set("MaxEntries", maxEntries)
        let root = try await call("ModifyManagedPrefixList", parameters)
        guard let list = root.child("prefixList") else {
            throw AWSClientError(.malformedResponse, operation: "ec2:ModifyManagedPrefixList", message: "no prefixList in the response")
        }
        return EC2ManagedPrefixList(xml: list)
    }

    public func getManagedPrefixListEntries(prefixListID: String, targetVersion: Int? = nil, pageSize: Int? = nil) async throws -> [EC2IPRange] {
        var parameters = AWSQueryParameters()
        parameters.set("PrefixListId", prefixListID)
        parameters.set("TargetVersion", targetVersion)
        return try await paged("GetManagedPrefixListEntries", parameters, pageSize: pageSize) { root in
            root.list("entrySet", item: "item").map { EC2IPRange(cidr: $0.string("cidr") ?? "", description: $0.string("description")) }
        }
    }
}
