extension EC2Filter {
    /// Values one EC2 filter may carry in a call. The API reference documents no limit for
    /// DescribeSecurityGroupRules (nor for `Filter.Value.N` in general), but EC2 refuses more
    /// with `FilterLimitExceeded` ("the maximum number of filter values specified on a single
    /// call is 200"), which at 500 managed groups fails every pass.
    public static let maximumValues = 200

    /// Filter lists whose results, merged, are exactly those of `filters`: each filter with
    /// more than `limit` values is cut into chunks of at most `limit`. Values of one filter are
    /// ORed and filters are ANDed, so every combination of one chunk per filter is one call,
    /// and none of them misses or invents a match. An empty list (or one within the limit) is
    /// itself the only combination.
    public static func chunked(_ filters: [EC2Filter], limit: Int = maximumValues) -> [[EC2Filter]] {
        precondition(limit > 0, "a filter chunk holds at least one value")
        var combinations: [[EC2Filter]] = [[]]
        for filter in filters {
            let chunks = filter.values.count <= limit ? [filter.values] : stride(from: 0, to: filter.values.count, by: limit).map {
                Array(filter.values[$0..<min($0 + limit, filter.values.count)])
            }
            combinations = combinations.flatMap { combination in
                chunks.map { combination + [EC2Filter(name: filter.name, values: $0)] }
            }
        }
        return combinations
    }
}
