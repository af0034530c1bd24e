import Foundation

/// The calls in moto's recording that could change something: every Query `Action` and JSON
/// `X-Amz-Target` whose operation is not a read (Describe, List, Get, Lookup).
enum MotoMutations {
    static let readPrefixes = ["Describe", "List", "Get", "Lookup"]

    static func operations(_ recording: String) -> [String] {
        recording.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            let headers = (object["headers"] as? [String: Any]) ?? [:]
            if let target = headers.first(where: { $0.key.lowercased() == "x-amz-target" })?.value as? String {
                return target.split(separator: ".").last.map(String.init)
            }
            var body = object["body"] as? String ?? ""
            if object["body_encoded"] as? Bool == true, let data = Data(base64Encoded: body) { body = String(decoding: data, as: UTF8.self) }
            for pair in body.split(separator: "&") where pair.hasPrefix("Action=") {
                return String(pair.dropFirst("Action=".count))
            }
            return nil
        }
    }

    static func mutating(_ recording: String) -> [String] {
        operations(recording).filter { operation in !readPrefixes.contains { operation.hasPrefix($0) } }
    }
}
