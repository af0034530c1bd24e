import Foundation

/// Reads moto's request recording (one JSON object per line, bodies maybe base64-encoded):
/// what Steward really sent, for the tests to check against.
public enum MotoRecording {
    /// Every recorded body, decoded (percent-decoding left to the caller that needs it).
    public static func rawBodies(_ recording: String) -> [String] {
        recording.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  var body = object["body"] as? String else { return nil }
            if object["body_encoded"] as? Bool == true, let data = Data(base64Encoded: body) {
                body = String(decoding: data, as: UTF8.self)
            }
            return body
        }
    }

    /// The bodies, percent-decoded as a whole: readable, for `contains` checks.
    public static func bodies(_ recording: String) -> [String] {
        rawBodies(recording).map { $0.removingPercentEncoding ?? $0 }
    }

    /// The Query-protocol calls, each as its decoded form fields.
    public static func calls(_ recording: String) -> [[String: String]] {
        rawBodies(recording).compactMap { body -> [String: String]? in
            var form: [String: String] = [:]
            for pair in body.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                form[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            return form["Action"] == nil ? nil : form
        }
    }

    /// The Query `Action`s sent, in order.
    public static func actions(_ recording: String) -> [String] { calls(recording).compactMap { $0["Action"] } }

    /// The `ClientToken`s of every RunInstances, in order.
    public static func launchTokens(_ recording: String) -> [String] {
        calls(recording).filter { $0["Action"] == "RunInstances" }.compactMap { $0["ClientToken"] }
    }
}
