/// Finds YAML anchors (`&name`) and aliases (`*name`) in raw text, before any parser sees it.
///
/// Why not ask Yams: its composer replaces every alias with the anchored node, and the anchor
/// on a composed node is a weak reference that vanishes with the parser. Worse, composing a
/// "billion laughs" document whose alias is used as a mapping key hashes the exponentially
/// large key while checking for duplicates. So the refusal happens here, in one linear pass
/// that never expands anything.
///
/// The scan is lexical but YAML-aware: it only looks for `&`/`*` where a node may begin (after
/// indentation, `- `, `? `, `: `, `[`, `{`, `,` or a tag), and skips quoted scalars, comments
/// and block scalars, so `R&D` or `a*b` inside descriptions are not mistaken for anchors. A
/// continuation line of a multi-line plain scalar that begins with `&` or `*` is reported too:
/// a harmless false positive that desired-state files never produce.
struct AliasScanner {
    struct Finding: Equatable {
        enum Kind { case anchor, alias }
        var kind: Kind
        var name: String
        var byteOffset: Int
    }

    /// Enough to show the problem; a bomb has dozens and listing them all helps no one.
    static let maximumFindings = 20

    private let bytes: [UInt8]
    private var index = 0
    private var findings: [Finding] = []
    private var flowDepth = 0
    private var atNodeStart = true

    private init(bytes: [UInt8]) { self.bytes = bytes }

    static func scan(_ bytes: [UInt8]) -> [Finding] {
        var scanner = AliasScanner(bytes: bytes)
        scanner.run()
        return Array(scanner.findings.prefix(maximumFindings))
    }

    private func byte(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func isBlank(_ offset: Int) -> Bool {
        guard let value = byte(offset) else { return true }
        return value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D
    }

    private func isFlowIndicator(_ value: UInt8) -> Bool {
        value == UInt8(ascii: ",") || value == UInt8(ascii: "[") || value == UInt8(ascii: "]")
            || value == UInt8(ascii: "{") || value == UInt8(ascii: "}")
    }

    private mutating func skipToEndOfLine() {
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
    }

    private mutating func run() {
        while index < bytes.count, findings.count < AliasScanner.maximumFindings {
            scanLine()
        }
    }

    /// Scans from the start of a line through its newline (or further, for multi-line tokens).
    private mutating func scanLine() {
        let lineStart = index
        var indent = 0
        while let value = byte(index), value == 0x20 { index += 1; indent += 1 }
        if flowDepth == 0 {
            atNodeStart = true
            if indent == 0, let first = byte(lineStart) {
                // Directives and document markers only ever appear in column 1.
                if first == UInt8(ascii: "%") { skipToEndOfLine(); index += 1; return }
                if (first == UInt8(ascii: "-") || first == UInt8(ascii: ".")),
                   byte(lineStart + 1) == first, byte(lineStart + 2) == first, isBlank(lineStart + 3) {
                    index = lineStart + 3
                }
            }
        }
        while let value = byte(index) {
            if value == 0x0A { index += 1; return }
            if value == 0x20 || value == 0x09 || value == 0x0D { index += 1; continue }
            if value == UInt8(ascii: "#"), index == lineStart || isBlank(index - 1) {
                skipToEndOfLine()
                continue
            }
            if atNodeStart {
                scanNodeStart(value, lineIndent: indent)
            } else {
                scanInsideNode(value)
            }
        }
    }

    private mutating func scanNodeStart(_ value: UInt8, lineIndent: Int) {
        switch value {
        case UInt8(ascii: "&"), UInt8(ascii: "*"):
            let start = index
            index += 1
            while index < bytes.count, !isBlank(index), !isFlowIndicator(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
            findings.append(Finding(kind: value == UInt8(ascii: "&") ? .anchor : .alias, name: name, byteOffset: start))
            // An anchor is a property: the node itself still follows. An alias is the node.
            atNodeStart = value == UInt8(ascii: "&")
        case UInt8(ascii: "!"):
            while index < bytes.count, !isBlank(index) { index += 1 }
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            skipQuoted(value)
            atNodeStart = false
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            skipToEndOfLine()
            skipBlockScalar(parentIndent: lineIndent)
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            // Followed by a blank these are indicators and a node still follows; otherwise
            // they begin a plain scalar such as `-5` or `:x`.
            if !isBlank(index + 1) { atNodeStart = false }
            index += 1
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            flowDepth += 1
            index += 1
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            flowDepth = max(0, flowDepth - 1)
            index += 1
            atNodeStart = false
        case UInt8(ascii: ","):
            index += 1
        default:
            atNodeStart = false
            index += 1
        }
    }

    /// Inside a plain scalar or after a complete node: only what ends it matters.
    private mutating func scanInsideNode(_ value: UInt8) {
        if value == UInt8(ascii: ":"), isBlank(index + 1) || (flowDepth > 0 && isFlowIndicator(bytes[index + 1])) {
            atNodeStart = true
        } else if flowDepth > 0, value == UInt8(ascii: ",") {
            atNodeStart = true
        } else if flowDepth > 0, value == UInt8(ascii: "]") || value == UInt8(ascii: "}") {
            flowDepth -= 1
        }
        index += 1
    }

    private mutating func skipQuoted(_ quote: UInt8) {
        index += 1
        while index < bytes.count {
            let value = bytes[index]
            if quote == UInt8(ascii: "\""), value == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if value == quote {
                if quote == UInt8(ascii: "'"), byte(index + 1) == quote {
                    index += 2
                    continue
                }
                index += 1
                return
            }
            index += 1
        }
    }

    /// Skips the content lines of a `|` or `>` scalar: blank lines and lines indented deeper
    /// than the line that introduced it.
    private mutating func skipBlockScalar(parentIndent: Int) {
        guard index < bytes.count else { return }
        index += 1
        while index < bytes.count {
            var probe = index
            var indent = 0
            while probe < bytes.count, bytes[probe] == 0x20 { probe += 1; indent += 1 }
            let blank = probe >= bytes.count || bytes[probe] == 0x0A || bytes[probe] == 0x0D
            guard blank || indent > parentIndent else { return }
            index = probe
            skipToEndOfLine()
            if index < bytes.count { index += 1 }
        }
    }
}
