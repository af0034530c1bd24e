import Foundation
import StewardCore
import Yams

/// Reads typed values out of composed nodes, recording a located diagnostic for everything it
/// can't accept and carrying on, so one pass reports every error in a file.
struct NodeReader {
    let path: String
    var diagnostics = DiagnosticList()

    init(path: String) { self.path = path }

    mutating func error(_ node: Node?, _ message: String) {
        diagnostics.error(path, at: node?.position, message)
    }

    mutating func warning(_ node: Node?, _ message: String) {
        diagnostics.warning(path, at: node?.position, message)
    }

    /// A key and the value under it.
    struct Field {
        var key: Node
        var value: Node
    }

    /// The fields of one mapping, by key name. A handful of keys, so a linear scan over a
    /// small array beats hashing: this runs once per whitelist entry.
    struct Fields {
        let names: [String]
        var slots: [Field?]

        subscript(name: String) -> Field? {
            guard let index = names.firstIndex(of: name) else { return nil }
            return slots[index]
        }
    }

    /// The known fields of a mapping. Unknown keys and missing required keys are reported
    /// (unknown ones with the list of what is allowed, since the usual cause is a typo).
    mutating func fields(of node: Node, what: String, known: [String], required: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) must be a mapping (key: value lines), found \(node.kindName)")
            return nil
        }
        var result = Fields(names: known, slots: Array(repeating: nil, count: known.count))
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error(key, "keys in \(what) must be plain words, found \(key.kindName)")
                continue
            }
            guard let index = known.firstIndex(of: scalar.string) else {
                let suggestion = NodeReader.closest(to: scalar.string, in: known).map { "did you mean '\($0)'? " } ?? ""
                error(key, "unknown key '\(scalar.string)' in \(what); \(suggestion)allowed keys: \(known.joined(separator: ", "))")
                continue
            }
            result.slots[index] = Field(key: key, value: value)
        }
        for name in required {
            if let field = result[name] {
                if isNull(field.value) { error(field.value, "'\(name)' in \(what) has no value; it is required") }
            } else {
                error(node, "\(what) is missing the required key '\(name)'")
            }
        }
        return result
    }

    /// `~`, `null` or nothing at all, unquoted.
    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return PlainScalar.nullWords.contains(scalar.string)
    }

    /// The text of a scalar, whatever YAML would type it as (CIDRs such as `1:2:3:4:5:6:7:8`
    /// and timestamps are checked by their own parsers, which give better messages).
    mutating func scalarText(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(node, "'\(key)' must be a single value, found \(node.kindName)")
            return nil
        }
        return scalar.string
    }

    /// Text, refusing plain values that YAML tools read as numbers, booleans, dates or null.
    mutating func string(_ node: Node, key: String) -> String? {
        guard let text = scalarText(node, key: key) else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain {
            let kind = PlainScalar.kind(of: text)
            if kind != .string {
                error(node, "'\(key)' must be text, but \(text.isEmpty ? "nothing" : "'\(text)'") reads as \(NodeReader.name(of: kind)) in YAML; "
                    + "put it in double quotes: \(key): \"\(text)\"")
                return nil
            }
        }
        return text
    }

    /// Exactly `true` or `false`, unquoted: `yes`, `on` and `"true"` mean different things to
    /// different YAML readers, and a protection flag must not be ambiguous.
    mutating func bool(_ node: Node, key: String) -> Bool? {
        if case .scalar(let scalar) = node, scalar.style == .plain {
            if scalar.string == "true" { return true }
            if scalar.string == "false" { return false }
        }
        let shown = (node.scalar?.string).map { "'\($0)'" } ?? node.kindName
        error(node, "'\(key)' must be true or false (unquoted, lower case), found \(shown)")
        return nil
    }

    mutating func timestamp(_ node: Node, key: String) -> Date? {
        guard let text = scalarText(node, key: key) else { return nil }
        do {
            return try Timestamp.parse(text)
        } catch {
            self.error(node, "'\(key)': \(error.description)")
            return nil
        }
    }

    mutating func sequence(_ node: Node, key: String) -> Node.Sequence? {
        guard case .sequence(let sequence) = node else {
            error(node, "'\(key)' must be a list (lines starting with '- '), found \(node.kindName)")
            return nil
        }
        return sequence
    }

    private static func name(of kind: PlainScalar.Kind) -> String {
        switch kind {
        case .string: return "text"
        case .null: return "null (no value)"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .float: return "a number"
        case .timestamp: return "a date"
        }
    }

    /// The allowed key within edit distance 2, if any.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let source = Array(word.lowercased().utf8)
        guard source.count <= 64 else { return nil }
        var best: (String, Int)?
        for candidate in candidates {
            let target = Array(candidate.utf8)
            var previous = Array(0...target.count)
            for (i, a) in source.enumerated() {
                var current = [i + 1] + Array(repeating: 0, count: target.count)
                for (j, b) in target.enumerated() {
                    current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a == b ? 0 : 1))
                }
                previous = current
            }
            let distance = previous[target.count]
            if distance <= 2, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }
}
