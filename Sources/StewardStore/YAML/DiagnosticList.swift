import StewardCore

/// Diagnostics gathered while reading one file; an `Error` so a failed early stage (size,
/// encoding, syntax) can end reading with everything found so far.
struct DiagnosticList: Error, Sendable {
    var items: [Diagnostic]

    init(_ items: [Diagnostic] = []) { self.items = items }

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    mutating func error(_ path: String, at mark: (line: Int, column: Int)?, _ message: String) {
        items.append(Diagnostic(.error, path: path, line: mark?.line, column: mark?.column, message: message))
    }

    mutating func warning(_ path: String, at mark: (line: Int, column: Int)?, _ message: String) {
        items.append(Diagnostic(.warning, path: path, line: mark?.line, column: mark?.column, message: message))
    }

    /// Document order, so a reader fixes a file top to bottom; stable for equal positions.
    var sorted: [Diagnostic] {
        items.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
            let right = (rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
    }
}
