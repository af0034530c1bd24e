/// DescribeSecurityGroups decoded straight from the response bytes with `AWSXMLReader`: a
/// Describe of a hundred groups is thousands of elements, and building a node tree first
/// cost more than the groups themselves.
extension EC2SecurityGroup {
    /// One page: the groups and the token of the next page, if any.
    struct DescribePage: Sendable {
        var groups: [EC2SecurityGroup] = []
        var nextToken: String?
    }

    /// Reads the children of a `DescribeSecurityGroupsResponse` (the root already returned).
    static func readDescribePage(_ reader: inout AWSXMLReader) throws(AWSXMLError) -> DescribePage {
        var page = DescribePage()
        while let field = try reader.nextChild() {
            if field.isNamed("securityGroupInfo") {
                page.groups = try reader.list("item", EC2SecurityGroup.init(reading:))
            } else if field.isNamed("nextToken") {
                page.nextToken = try reader.text()
            } else {
                try reader.skip()
            }
        }
        return page
    }

    /// Decodes a whole DescribeSecurityGroups response body, as a call does after the
    /// transport returns: for benchmarks and fixtures.
    @_spi(Benchmarks)
    public static func decodeDescribeResponse(_ body: [UInt8]) throws(AWSXMLError) -> (groups: [EC2SecurityGroup], nextToken: String?) {
        let page = try AWSXMLReader.read(body) { reader, _ throws(AWSXMLError) in try readDescribePage(&reader) }
        return (page.groups, page.nextToken)
    }

    /// Reads one `item` of `securityGroupInfo` (its start tag already returned).
    init(reading reader: inout AWSXMLReader) throws(AWSXMLError) {
        while let field = try reader.nextChild() {
            if field.isNamed("groupId") {
                groupID = try reader.text()
            } else if field.isNamed("groupName") {
                groupName = try reader.text()
            } else if field.isNamed("groupDescription") {
                description = try reader.text()
            } else if field.isNamed("vpcId") {
                vpcID = try reader.text()
            } else if field.isNamed("ownerId") {
                ownerID = try reader.text()
            } else if field.isNamed("tagSet") {
                tags = try reader.list("item", Self.readTag)
            } else if field.isNamed("ipPermissions") {
                ingress = try reader.list("item", EC2IPPermission.init(reading:))
            } else {
                try reader.skip()
            }
        }
    }

    /// An EC2 `tagSet` item. (`AWSTag` is shared by every service; EC2's wire shape is read here.)
    static func readTag(_ reader: inout AWSXMLReader) throws(AWSXMLError) -> AWSTag {
        var key = "", value = ""
        while let field = try reader.nextChild() {
            if field.isNamed("key") {
                key = try reader.text()
            } else if field.isNamed("value") {
                value = try reader.text()
            } else {
                try reader.skip()
            }
        }
        return AWSTag(key: key, value: value)
    }
}
