import Foundation

/// `{"envelope_id":"…","payload":{…}}`: the acknowledgement, with the reply as its payload
/// when the envelope accepts one.
struct SocketModeAck: Encodable {
    var envelope_id: String
    var payload: SlackMessage?

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{\"envelope_id\":\"\(envelope_id)\"}" }
        return String(decoding: data, as: UTF8.self)
    }
}
