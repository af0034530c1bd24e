import Foundation
import StewardCore
import Yams

/// Turns the bytes of a strict YAML file into one composed `Node`, or into diagnostics that
/// say exactly where reading stopped. Shared by desired state and `steward.yaml`, so both
/// refuse the same things the same way: oversized files, invalid UTF-8, anchors and aliases,
/// syntax errors, duplicate keys, multiple documents, tags and empty files.
enum YAMLLoader {
    /// The composed root (a mapping is not checked here: callers say what they expected).
    static func load(_ source: SourceText) -> Result<Node, DiagnosticList> {
        var diagnostics = DiagnosticList()
        let path = source.path

        let findings = AliasScanner.scan(source.bytes)
        if !findings.isEmpty {
            for finding in findings {
                let what = finding.kind == .anchor ? "anchor '&\(finding.name)'" : "alias '*\(finding.name)'"
                diagnostics.error(path, at: source.position(ofByteOffset: finding.byteOffset),
                                  "YAML \(what) is not allowed; anchors and aliases are refused so that a file "
                                  + "means what it visibly says — write the value out in full")
            }
            return .failure(diagnostics)
        }

        // The basic resolver keeps every plain scalar a string: no regex per scalar (Yams'
        // default resolver is the slowest part of composing), and the decoders decide types
        // themselves with exact messages.
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: source.text, resolver: .basic, constructor: .default, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            diagnostics.items.append(diagnostic(for: error, in: source))
            return .failure(diagnostics)
        } catch {
            diagnostics.error(path, at: nil, "could not parse: \(error)")
            return .failure(diagnostics)
        }
        guard let root else {
            diagnostics.error(path, at: nil, "file is empty; it must hold a mapping such as `environment: dev`")
            return .failure(diagnostics)
        }
        // Defence in depth behind the lexical scan: while the parser lives, anchors are still
        // attached to the nodes that carried them.
        withExtendedLifetime(parser) {
            checkNodes(root, path: path, into: &diagnostics)
        }
        return diagnostics.hasErrors ? .failure(diagnostics) : .success(root)
    }

    /// Anchors and explicit tags, checked once per node; an anchored node is not descended
    /// into, so even a bomb that slipped past the scanner costs one visit per distinct node.
    private static func checkNodes(_ node: Node, path: String, into diagnostics: inout DiagnosticList) {
        let anchor: Anchor?
        let tag: Tag
        switch node {
        case .scalar(let scalar): anchor = scalar.anchor; tag = scalar.tag
        case .mapping(let mapping): anchor = mapping.anchor; tag = mapping.tag
        case .sequence(let sequence): anchor = sequence.anchor; tag = sequence.tag
        case .alias(let alias):
            diagnostics.error(path, at: node.position, "YAML alias '*\(alias.anchor.rawValue)' is not allowed; write the value out in full")
            return
        }
        if let anchor {
            diagnostics.error(path, at: node.position, "YAML anchor '&\(anchor.rawValue)' is not allowed; write the value out in full")
            return
        }
        // libyaml tags every quoted scalar `!!str`; that (and only that) is harmless.
        if !tag.rawValue.isEmpty, tag.rawValue != Tag.Name.str.rawValue {
            diagnostics.error(path, at: node.position, "YAML tag '\(tag.rawValue)' is not allowed; remove it (values are typed by their key)")
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                checkNodes(key, path: path, into: &diagnostics)
                checkNodes(value, path: path, into: &diagnostics)
            }
        case .sequence(let sequence):
            for element in sequence { checkNodes(element, path: path, into: &diagnostics) }
        default:
            break
        }
    }

    static func diagnostic(for error: YamlError, in source: SourceText) -> Diagnostic {
        let path = source.path
        func located(_ mark: Mark, _ message: String) -> Diagnostic {
            Diagnostic(.error, path: path, line: mark.line, column: mark.column, message: message)
        }
        switch error {
        case let .reader(problem, offset, _, _):
            let position = offset.map { source.position(ofCharacterOffset: $0) }
            return Diagnostic(.error, path: path, line: position?.line, column: position?.column,
                              message: "unreadable character: \(problem); remove it or write it as an escape in a double-quoted string")
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let prefix = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
            return located(mark, "YAML syntax error: \(prefix)\(problem); check indentation and quoting")
        case let .composer(context, problem, mark, _):
            if context?.text == "expected a single document in the stream" {
                return located(mark, "a second YAML document starts here; one file holds exactly one document (remove the '---' separator)")
            }
            return located(mark, "YAML error: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return duplicateKeyDiagnostic(key: duplicates.first ?? "", firstMark: context.mark, others: duplicates.dropFirst(), in: source)
        default:
            return Diagnostic(.error, path: path, message: "could not parse: \(error)")
        }
    }

    /// Yams names the duplicated key and where it *first* appears; the mistake is the later
    /// occurrence, so look for it below: the next line with the same key at the same column,
    /// before the mapping ends (a line indented less).
    private static func duplicateKeyDiagnostic(key: String, firstMark: Mark, others: ArraySlice<String>, in source: SourceText) -> Diagnostic {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        var found: (line: Int, column: Int)?
        var lineIndex = firstMark.line
        while lineIndex < lines.count {
            let line = lines[lineIndex]
            let scalars = Array(line.unicodeScalars)
            let indent = scalars.prefix { $0 == " " }.count
            lineIndex += 1
            if indent == scalars.count || scalars[indent] == "#" { continue }
            if indent + 1 < firstMark.column { break }
            guard indent + 1 == firstMark.column else { continue }
            let rest = String(String.UnicodeScalarView(scalars[indent...]))
            if rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                found = (lineIndex, indent + 1)
                break
            }
        }
        var message = "duplicate key '\(key)'"
        message += found == nil ? " in this mapping" : " (first at line \(firstMark.line))"
        if !others.isEmpty { message += "; also duplicated: " + others.map { "'\($0)'" }.joined(separator: ", ") }
        message += "; each key may appear once — merge the two"
        let mark = found ?? (firstMark.line, firstMark.column)
        return Diagnostic(.error, path: source.path, line: mark.line, column: mark.column, message: message)
    }
}
