import Yams

extension Node {
    /// The node's position as a tuple for `DiagnosticList`.
    var position: (line: Int, column: Int)? {
        mark.map { ($0.line, $0.column) }
    }

    /// A short name for the kind of node, for "expected X, found Y" messages.
    var kindName: String {
        switch self {
        case .scalar(let scalar): return scalar.string.isEmpty && scalar.style == .plain ? "nothing" : "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
