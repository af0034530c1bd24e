/// One CIDR of an IP permission (IPv4 or IPv6), with its rule description.
public struct EC2IPRange: Sendable, Equatable, Hashable {
    public var cidr: String
    public var description: String?

    public init(cidr: String, description: String? = nil) {
        self.cidr = cidr
        self.description = description
    }

    init(cursor item: AWSXMLCursor, cidrField: StaticString) {
        var cidr = ""
        var description: String?
        item.forEachChild { field in
            if field.isNamed(cidrField) {
                cidr = field.text
            } else if field.isNamed("description") {
                description = field.text
            }
        }
        self.init(cidr: cidr, description: description)
    }

    /// The same fields read with `AWSXMLReader` (the item's start tag already returned).
    init(reading reader: inout AWSXMLReader, cidrField: StaticString) throws(AWSXMLError) {
        var cidr = ""
        var description: String?
        while let field = try reader.nextChild() {
            if field.isNamed(cidrField) {
                cidr = try reader.text()
            } else if field.isNamed("description") {
                description = try reader.text()
            } else {
                try reader.skip()
            }
        }
        self.init(cidr: cidr, description: description)
    }
}
