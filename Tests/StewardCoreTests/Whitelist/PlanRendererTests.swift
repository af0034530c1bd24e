import Foundation
import StewardCore
import Testing

@Suite struct PlanRendererTests {
    typealias F = Fixture

    static var plan: WhitelistPlan {
        let desired = F.desired([F.entry("203.0.113.10/32", "John office IP"), F.entry("198.51.100.0/24", "Berlin office")])
        let group = F.group(id: "sg-1", [
            F.owned("sgr-2", "198.51.100.0/24", description: "Berlin"),
            F.owned("sgr-3", "192.0.2.0/24"),
            F.unowned("sgr-9", "0.0.0.0/0"),
        ])
        return WhitelistPlanner(ownerID: F.owner).plan(desired: desired, observed: [group], policy: .default, now: F.now)
    }

    @Test func textIsTerraformLikeAndStable() {
        let expected = """
        environment dev
          sg-1 (web)
            + 203.0.113.10/32 tcp/443  "John office IP"  (new entry, expires 2026-11-28T10:00:00Z)
            ~ 198.51.100.0/24 tcp/443  sgr-2  description "Berlin" -> "Berlin office"
            - 192.0.2.0/24 tcp/443  sgr-3  (removed from desired state)
          ! critical drift sg-1 sgr-9: 0.0.0.0/0 tcp/443 is open to the whole internet and not managed by Steward; Steward never removes it — review it by hand
        Plan: 1 to authorize, 1 to update, 1 to revoke.

        """
        #expect(WhitelistPlanTextRenderer.render([Self.plan]) == expected)
    }

    @Test func noChangesSaysSo() {
        let plan = WhitelistPlanner(ownerID: F.owner).plan(desired: F.desired([]), observed: [F.group()], policy: .default, now: F.now)
        #expect(WhitelistPlanTextRenderer.render([plan]) == "environment dev\n  sg-1 (web): up to date\nNo changes. AWS matches the desired state.\n")
    }

    @Test func jsonCarriesTheSameContentAndIsByteStable() throws {
        let json = try PlanJSONRenderer.render([Self.plan])
        #expect(json == (try PlanJSONRenderer.render([Self.plan])))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["changes"] as? Bool == true)
        #expect(document["summary"] as? [String: Int] == ["authorize": 1, "update": 1, "revoke": 1])
        let group = try #require(((document["environments"] as? [[String: Any]])?.first?["groups"] as? [[String: Any]])?.first)
        #expect((group["authorize"] as? [[String: Any]])?.first?["expiresAt"] as? String == "2026-11-28T10:00:00Z")
        #expect((group["revoke"] as? [[String: Any]])?.first?["source"] as? String == "192.0.2.0/24")
        #expect((group["updateDescriptions"] as? [[String: Any]])?.first?["reason"] as? String == "description changed")
        let drift = try #require(((document["environments"] as? [[String: Any]])?.first?["drift"] as? [[String: Any]])?.first)
        #expect(drift["severity"] as? String == "critical")
    }
}
