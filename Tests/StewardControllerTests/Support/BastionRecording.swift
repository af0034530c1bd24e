import Foundation

/// Reads moto's request recording (one JSON object per line, bodies maybe base64-encoded)
/// into the form-encoded bodies of the Query calls, so a test can see what Steward sent.
enum BastionRecording {
    static func calls(_ recording: String) -> [[String: String]] {
        recording.split(separator: "\n").compactMap { line -> [String: String]? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  var body = object["body"] as? String else { return nil }
            if object["body_encoded"] as? Bool == true, let data = Data(base64Encoded: body) {
                body = String(decoding: data, as: UTF8.self)
            }
            var form: [String: String] = [:]
            for pair in body.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                form[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            return form["Action"] == nil ? nil : form
        }
    }

    static func actions(_ recording: String) -> [String] { calls(recording).compactMap { $0["Action"] } }

    static func launchTokens(_ recording: String) -> [String] {
        calls(recording).filter { $0["Action"] == "RunInstances" }.compactMap { $0["ClientToken"] }
    }
}
