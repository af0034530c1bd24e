import Foundation
import StewardCore
import Testing
@testable import StewardStore

@Suite struct DesiredStateEncoderTests {
    @Test func writesTheDesignExampleExactly() throws {
        let state = DesiredState(
            environment: try EnvironmentName("dev"), tier: .running, isProtected: false,
            whitelist: [WhitelistEntry(cidr: try CIDR("203.0.113.10/32"), description: "John office IP", addedBy: "john.doe",
                                       addedAt: ts("2026-11-20T10:00:00Z"), expiresAt: ts("2026-11-27T10:00:00Z"))],
            bastion: BastionLease(requestedBy: "U01234567", requestedAt: nil, expiresAt: ts("2026-11-25T12:00:00Z")))
        #expect(DesiredStateEncoder().encode(state) == """
            environment: dev
            tier: running
            protected: false
            whitelist:
              - cidr: 203.0.113.10/32
                description: John office IP
                added_by: john.doe
                added_at: 2026-11-20T10:00:00Z
                expires_at: 2026-11-27T10:00:00Z
            bastion:
              requested_by: U01234567
              expires_at: 2026-11-25T12:00:00Z

            """)
    }

    @Test func emptyWhitelistAndOptionalKeys() throws {
        let state = DesiredState(environment: try EnvironmentName("prod"), tier: .tornDown, isProtected: true,
                                 allowTeardownUntil: ts("2026-12-01T00:00:00Z"),
                                 bastion: BastionLease(requestedBy: "U1", requestedAt: ts("2026-11-25T09:00:00Z"), expiresAt: ts("2026-11-25T12:00:00Z")))
        #expect(DesiredStateEncoder().encode(state) == """
            environment: prod
            tier: torn-down
            protected: true
            allow_teardown_until: 2026-12-01T00:00:00Z
            whitelist: []
            bastion:
              requested_by: U1
              requested_at: 2026-11-25T09:00:00Z
              expires_at: 2026-11-25T12:00:00Z

            """)
    }

    @Test(arguments: [
        ("John office IP", "John office IP"),
        ("true", "\"true\""), ("No", "\"No\""), ("null", "\"null\""), ("y", "\"y\""),
        ("123", "\"123\""), ("1e3", "\"1e3\""), ("0x1F", "\"0x1F\""), ("1:30", "\"1:30\""), (".5", "\".5\""),
        (".inf", "\".inf\""), ("2026-01-01", "\"2026-01-01\""), ("=", "\"=\""),
        ("", "\"\""), (" lead", "\" lead\""), ("trail ", "\"trail \""), ("a: b", "\"a: b\""), ("a #b", "\"a #b\""),
        ("end:", "\"end:\""), ("#x", "\"#x\""), ("-x", "\"-x\""), ("[x]", "\"[x]\""), ("{x}", "\"{x}\""), ("*x", "\"*x\""),
        ("&x", "\"&x\""), ("!x", "\"!x\""), ("@x", "\"@x\""), ("a:b", "a:b"), ("a#b", "a#b"), ("R&D", "R&D"),
        ("tab\there", "\"tab\\there\""), ("line\nbreak", "\"line\\nbreak\""), ("quote\"d", "quote\"d"), ("\"q\"", "\"\\\"q\\\"\""),
        ("bell\u{07}", "\"bell\\a\""), ("nul\u{0}", "\"nul\\0\""), ("Zoë", "\"Zoë\""), ("\u{2028}", "\"\\u2028\""),
        ("2001:db8::/48", "2001:db8::/48"), ("::/0", "\"::/0\""),
    ])
    func quotesOnlyWhenAPlainScalarWouldBeMisread(_ value: String, _ expected: String) {
        #expect(ScalarQuoting.text(value) == expected)
    }

    @Test func leadingCommentBlock() {
        let text = "# Dev environment.\n#\n# Reviewed by the platform team.\n\nenvironment: dev # trailing\n# later\ntier: running\n"
        #expect(DesiredStateEncoder.leadingComment(of: text) == "# Dev environment.\n#\n# Reviewed by the platform team.\n\n")
        #expect(DesiredStateEncoder.leadingComment(of: "environment: dev\n") == "")
    }
}
