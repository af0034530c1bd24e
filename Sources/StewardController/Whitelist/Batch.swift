import StewardAWS
import StewardCore

/// Sends items in one call, and when AWS refuses the call because of an item, splits it in
/// halves until each refusal is pinned on one item: good items still go through in few calls.
enum Batch {
    /// Codes that blame an item of the batch rather than the call (auth, throttling, outage
    /// would fail every half too, so those fail the whole batch at once).
    static let itemLevelCodes: Set<AWSErrorCode> = [
        .invalidPermissionDuplicate, .invalidPermissionNotFound, .invalidPermissionMalformed, .invalidParameterValue,
        .invalidRuleIDNotFound, .invalidRuleIDMalformed, .rulesPerGroupLimitExceeded,
    ]

    static func run<Item: Sendable>(
        _ items: [Item],
        convergedCode: AWSErrorCode,
        _ send: @Sendable ([Item]) async throws -> Void
    ) async -> [(Item, ActionResult.Outcome, String?)] {
        guard !items.isEmpty else { return [] }
        do {
            try await send(items)
            return items.map { ($0, .applied, nil) }
        } catch let error as AWSError {
            if items.count == 1 {
                return error.code == convergedCode ? [(items[0], .converged, nil)] : [(items[0], .failed, error.description)]
            }
            guard itemLevelCodes.contains(error.code) else {
                return items.map { ($0, .failed, error.description) }
            }
            let middle = items.count / 2
            let first = await run(Array(items[..<middle]), convergedCode: convergedCode, send)
            let second = await run(Array(items[middle...]), convergedCode: convergedCode, send)
            return first + second
        } catch {
            return items.map { ($0, .failed, "\(error)") }
        }
    }
}
