import Foundation
import StewardCore
import Testing

/// A protected environment is torn down only inside a reviewed, future allowance; otherwise it
/// converges to stopped and says so.
@Suite struct ProtectedTeardownGuardTests {
    typealias F = TierFixture

    struct Row: Sendable, CustomStringConvertible {
        var name: String
        var desired: DesiredState
        var tier: Tier
        var refused: Bool
        var description: String { name }
    }

    static let rows: [Row] = [
        Row(name: "not protected: torn down", desired: F.desired(.tornDown), tier: .tornDown, refused: false),
        Row(name: "protected: stopped instead", desired: F.desired(.tornDown, protected: true), tier: .stopped, refused: true),
        Row(name: "protected, allowed until later: torn down",
            desired: F.desired(.tornDown, protected: true, allowTeardownUntil: F.now.addingTimeInterval(60)), tier: .tornDown, refused: false),
        Row(name: "protected, allowance over: stopped instead",
            desired: F.desired(.tornDown, protected: true, allowTeardownUntil: F.now.addingTimeInterval(-60)), tier: .stopped, refused: true),
        Row(name: "protected and running: nothing to guard", desired: F.desired(.running, protected: true), tier: .running, refused: false),
    ]

    @Test(arguments: rows) func guardsTheTableRow(_ row: Row) {
        var desired = row.desired
        let verdict = ProtectedTeardownGuard(now: F.now).apply(to: &desired)
        #expect(desired.tier == row.tier)
        #expect(verdict.refusals.map(\.guardName) == (row.refused ? [.protectedTeardown] : []))
        #expect(verdict.refusals.first?.message.contains("allow_teardown_until") ?? !row.refused)
        #expect(verdict.held.isEmpty)
    }
}
