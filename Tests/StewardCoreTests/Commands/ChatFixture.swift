import Foundation
import StewardCore

/// Shared values for the chat-command tests, so tables read as commands and texts only.
enum ChatFixture {
    /// 2026-11-25T10:00:00Z: a 7-day entry added now expires 2026-12-02T10:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_795_600_800)
    static let dev = env("dev")
    static let staging = env("staging")
    static let prod = env("prod")
    static let known: Set<EnvironmentName> = [dev, staging, prod]

    static let context = ChatCommandParser.GrammarContext(knownEnvironments: known)
    static let parser = ChatCommandParser(context: context)
    static let parserWithDefault = ChatCommandParser(context: .init(knownEnvironments: known, defaultEnvironment: dev))
    static let usage = ChatCommandUsage()

    static func env(_ name: String) -> EnvironmentName { try! EnvironmentName(name) }
    static func cidr(_ text: String) -> CIDR { try! CIDR(text) }
    static func at(_ offset: TimeInterval) -> Date { now.addingTimeInterval(offset) }
    static func timestamp(_ text: String) -> Date { try! Timestamp.parse(text) }

    static let addUsage = "/whitelist add CIDR [\"description\"] [--env ENV] [--ttl 7d]"
    static let removeUsage = "/whitelist remove CIDR [--env ENV]"
    static let listUsage = "/whitelist list ENV"
    static let whitelistUsage = [addUsage, removeUsage, listUsage, "/whitelist help"]
}

extension Result {
    var success: Success? { if case .success(let value) = self { value } else { nil } }
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
