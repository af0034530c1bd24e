extension AWSXMLReader {
    /// The members of the list element just returned (`<ipRanges><item>…</item></ipRanges>`):
    /// each child named `item` decoded by `make`, anything else skipped.
    mutating func list<T>(_ item: StaticString, _ make: (inout AWSXMLReader) throws(AWSXMLError) -> T) throws(AWSXMLError) -> [T] {
        var result: [T] = []
        while let child = try nextChild() {
            guard child.isNamed(item) else {
                try skip()
                continue
            }
            // Most lists hold one to three members: room for four at once instead of growing
            // 1, 2, 4 (a malloc and a copy each step).
            if result.isEmpty { result.reserveCapacity(4) }
            result.append(try make(&self))
        }
        return result
    }
}
