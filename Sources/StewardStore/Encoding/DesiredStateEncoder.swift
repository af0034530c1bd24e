import Foundation
import StewardCore

/// Writes desired state in one canonical form, so that a file's text follows from its content
/// and a one-entry edit is a one-entry git diff.
///
/// The form: keys in the order `environment, tier, protected, allow_teardown_until,
/// whitelist, bastion` (entries `cidr, description, added_by, added_at, expires_at`; bastion
/// `requested_by, requested_at, expires_at`), optional keys omitted when absent, two-space
/// indentation, timestamps as `Timestamp.text` (UTC, whole seconds, `Z`), strings plain when
/// that is unambiguous and double-quoted with escapes otherwise. Entries keep their order; new
/// ones are appended.
///
/// What survives a rewrite: the *leading comment block* (every comment or blank line before
/// the first content line), passed back in as `header`. Nothing else of the original text
/// does: comments after the first content line, trailing comments on a line, quoting style,
/// key order, indentation, `---`, and non-UTC offsets (`+02:00` becomes the same instant in
/// `Z`) or fractional seconds (dropped) in timestamps are all rewritten canonically.
public struct DesiredStateEncoder: Sendable {
    public init() {}

    public func encode(_ state: DesiredState, header: String = "") -> String {
        var out = header
        if !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
        out.reserveCapacity(out.utf8.count + 160 + state.whitelist.count * 200)
        out += "environment: \(ScalarQuoting.text(state.environment.rawValue))\n"
        out += "tier: \(state.tier.rawValue)\n"
        out += "protected: \(state.isProtected ? "true" : "false")\n"
        if let until = state.allowTeardownUntil {
            out += "allow_teardown_until: \(Timestamp.text(until))\n"
        }
        if state.whitelist.isEmpty {
            out += "whitelist: []\n"
        } else {
            out += "whitelist:\n"
            for entry in state.whitelist {
                out += "  - cidr: \(ScalarQuoting.text(entry.cidr.description))\n"
                out += "    description: \(ScalarQuoting.text(entry.description))\n"
                out += "    added_by: \(ScalarQuoting.text(entry.addedBy))\n"
                out += "    added_at: \(Timestamp.text(entry.addedAt))\n"
                if let expiresAt = entry.expiresAt {
                    out += "    expires_at: \(Timestamp.text(expiresAt))\n"
                }
            }
        }
        if let bastion = state.bastion {
            out += "bastion:\n"
            out += "  requested_by: \(ScalarQuoting.text(bastion.requestedBy))\n"
            if let requestedAt = bastion.requestedAt {
                out += "  requested_at: \(Timestamp.text(requestedAt))\n"
            }
            out += "  expires_at: \(Timestamp.text(bastion.expiresAt))\n"
        }
        return out
    }

    /// The comment block a file starts with: its lines up to the first one that is neither a
    /// comment nor blank. Writes keep it verbatim (it is where people explain the file).
    public static func leadingComment(of text: String) -> String {
        var end = text.startIndex
        var cursor = text.startIndex
        while cursor < text.endIndex {
            let lineEnd = text[cursor...].firstIndex(of: "\n") ?? text.endIndex
            let trimmed = text[cursor..<lineEnd].drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
            guard trimmed.isEmpty || trimmed.first == "#" || trimmed == "\r" else { break }
            cursor = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            end = cursor
        }
        return String(text[..<end])
    }
}
