import Foundation
import StewardCore

extension AuditLog {
    /// Every record of the audit log at `url`, oldest first; none when the file doesn't exist
    /// yet (nothing was ever audited there). A line that doesn't decode (cut short by a full
    /// disk, written by hand) is skipped: one bad line must not hide the rest.
    public static func records(at url: URL) throws(AuditLogReadError) -> [AuditRecord] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw AuditLogReadError(path: url.path, reason: error.localizedDescription)
        }
        let decoder = DriftReportJSON.decoder
        return data.split(separator: UInt8(ascii: "\n")).compactMap { line in try? decoder.decode(AuditRecord.self, from: Data(line)) }
    }
}
