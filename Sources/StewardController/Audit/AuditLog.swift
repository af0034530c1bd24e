import Foundation
import StewardCore

/// Appends audit records as JSON lines. Each record is one `write(2)` on a file opened with
/// O_APPEND, so lines from concurrent writers (the daemon and a CLI edit) never interleave.
public actor AuditLog {
    nonisolated public let url: URL
    private let encoder: JSONEncoder

    public init(url: URL) {
        self.url = url
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.text(date))
        }
        self.encoder = encoder
    }

    public func append(_ records: [AuditRecord]) throws {
        guard !records.isEmpty else { return }
        var data = Data()
        for record in records {
            data.append(try encoder.encode(record))
            data.append(UInt8(ascii: "\n"))
        }
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw AuditLogError.cannotOpen(url.path, errno: errno) }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count else { throw AuditLogError.shortWrite(url.path, errno: errno) }
    }

    public func append(_ record: AuditRecord) throws {
        try append([record])
    }
}

public enum AuditLogError: Error, CustomStringConvertible {
    case cannotOpen(String, errno: Int32)
    case shortWrite(String, errno: Int32)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let code):
            return "cannot open audit log \(path): \(String(cString: strerror(code))); fix the path or permissions (audit_log in steward.yaml)"
        case .shortWrite(let path, let code):
            return "could not append to audit log \(path): \(String(cString: strerror(code)))"
        }
    }
}
