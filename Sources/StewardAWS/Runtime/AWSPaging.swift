/// Pages a list operation to the end. Guards against a service that repeats a token (moto's
/// Application Auto Scaling does, forever) and against runaway paging.
enum AWSPaging {
    static let defaultMaxPages = 1000

    static func collect<Item>(
        operation: String,
        maxPages: Int = defaultMaxPages,
        fetch: (_ token: String?) async throws -> (items: [Item], next: String?)
    ) async throws -> [Item] {
        var items: [Item] = []
        var token: String?
        var seen: Set<String> = []
        for _ in 0..<maxPages {
            let page = try await fetch(token)
            // The usual single page is taken as it is, not copied element by element.
            if items.isEmpty { items = page.items } else { items.append(contentsOf: page.items) }
            guard let next = page.next, !next.isEmpty else { return items }
            guard seen.insert(next).inserted else {
                throw AWSClientError(.pagingAborted, operation: operation, message: "the service returned the same page token twice; stopped paging to avoid an endless loop (results would be incomplete)")
            }
            token = next
        }
        throw AWSClientError(.pagingAborted, operation: operation, message: "more than \(maxPages) pages; stopped (results would be incomplete)")
    }
}
