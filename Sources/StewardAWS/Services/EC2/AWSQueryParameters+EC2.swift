/// EC2's parameter encodings: filters, tags, tag specifications and IP permissions.
extension AWSQueryParameters {
    mutating func setEC2Filters(_ filters: [EC2Filter]) {
        for (index, filter) in filters.enumerated() {
            set("Filter.\(index + 1).Name", filter.name)
            setList("Filter.\(index + 1).Value", filter.values)
        }
    }

    mutating func setEC2Tags(_ prefix: String, _ tags: [AWSTag]) {
        for (index, tag) in tags.enumerated() {
            set("\(prefix).\(index + 1).Key", tag.key)
            set("\(prefix).\(index + 1).Value", tag.value)
        }
    }

    mutating func setEC2TagSpecifications(_ specifications: [EC2TagSpecification]) {
        for (index, specification) in specifications.enumerated() {
            set("TagSpecification.\(index + 1).ResourceType", specification.resourceType)
            setEC2Tags("TagSpecification.\(index + 1).Tag", specification.tags)
        }
    }

    mutating func setEC2Permissions(_ permissions: [EC2IPPermission]) {
        for (index, permission) in permissions.enumerated() {
            let prefix = "IpPermissions.\(index + 1)"
            set("\(prefix).IpProtocol", permission.ipProtocol)
            set("\(prefix).FromPort", permission.fromPort)
            set("\(prefix).ToPort", permission.toPort)
            for (rangeIndex, range) in permission.ipv4Ranges.enumerated() {
                set("\(prefix).IpRanges.\(rangeIndex + 1).CidrIp", range.cidr)
                set("\(prefix).IpRanges.\(rangeIndex + 1).Description", range.description)
            }
            for (rangeIndex, range) in permission.ipv6Ranges.enumerated() {
                set("\(prefix).Ipv6Ranges.\(rangeIndex + 1).CidrIpv6", range.cidr)
                set("\(prefix).Ipv6Ranges.\(rangeIndex + 1).Description", range.description)
            }
            for (listIndex, list) in permission.prefixLists.enumerated() {
                set("\(prefix).PrefixListIds.\(listIndex + 1).PrefixListId", list.prefixListID)
                set("\(prefix).PrefixListIds.\(listIndex + 1).Description", list.description)
            }
        }
    }
}
