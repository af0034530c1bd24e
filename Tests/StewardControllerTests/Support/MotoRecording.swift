import Foundation

/// Reads moto's request recording (one JSON object per line, bodies base64-encoded) into the
/// Query `Action` names sent, in order.
enum MotoRecording {
    static func actions(_ recording: String) -> [String] {
        recording.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  var body = object["body"] as? String else { return nil }
            if object["body_encoded"] as? Bool == true, let data = Data(base64Encoded: body) {
                body = String(decoding: data, as: UTF8.self)
            }
            return body.split(separator: "&").first { $0.hasPrefix("Action=") }.map { String($0.dropFirst(7)) }
        }
    }
}
