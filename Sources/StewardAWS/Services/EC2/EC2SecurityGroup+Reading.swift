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
                page.groups = try reader.list("item") { reader throws(AWSXMLError) in try EC2SecurityGroup(reading: &reader) }
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

    /// Reads one `item` of `securityGroupInfo` (its start tag already returned), into locals
    /// stored once at the end rather than into `self` field by field across the throwing
    /// calls of the loop.
    init(reading reader: inout AWSXMLReader) throws(AWSXMLError) {
        var groupID = "", groupName = "", description = ""
        var vpcID: String?, ownerID: String?
        var tags: [AWSTag] = []
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
                tags = try reader.list("item") { reader throws(AWSXMLError) in try Self.readTag(&reader) }
            } else {
                // Permissions (both directions) are most of the response and nothing here
                // reads them (see `EC2SecurityGroup`): found by their end tag, not walked.
                try reader.skipUnread()
            }
        }
        self.init(groupID: groupID, groupName: groupName, description: description, vpcID: vpcID, ownerID: ownerID, tags: tags)
    }

    private init(groupID: String, groupName: String, description: String, vpcID: String?, ownerID: String?, tags: [AWSTag]) {
        self.groupID = groupID
        self.groupName = groupName
        self.description = description
        self.vpcID = vpcID
        self.ownerID = ownerID
        self.tags = tags
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
