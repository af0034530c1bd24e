/// Where a NextToken continues: the request it belongs to and the offset of its page.
struct PageCursor: Sendable, Hashable {
    let fingerprint: String
    let offset: Int
}
