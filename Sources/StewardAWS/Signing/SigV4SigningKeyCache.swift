import Crypto
import Synchronization

/// Derived signing keys, which change only per day, region, service and credentials: deriving
/// one costs four HMACs, which would otherwise be paid on every request.
public final class SigV4SigningKeyCache: Sendable {
    private struct Entry {
        let accessKeyID: String
        let secret: String
        let date: String
        let region: String
        let service: String
        let key: SymmetricKey
    }

    /// A short list searched newest first rather than a dictionary: a client signs with a
    /// few keys at most, and comparing the strings (usually the very same storage) is cheaper
    /// than hashing a scope for every request.
    private let entries = Mutex<[Entry]>([])
    private let limit: Int

    public init(limit: Int = 64) {
        self.limit = max(1, limit)
    }

    func key(credentials: AWSCredentials, date: String, region: String, service: String, derive: () -> SymmetricKey) -> SymmetricKey {
        let cached = entries.withLock { entries -> SymmetricKey? in
            for entry in entries.reversed()
            where entry.date == date && entry.region == region && entry.service == service
                && entry.accessKeyID == credentials.accessKeyID && entry.secret == credentials.secretAccessKey {
                return entry.key
            }
            return nil
        }
        if let cached { return cached }
        let key = derive()
        entries.withLock { entries in
            // Old days and rotated keys accumulate; a small bound is enough.
            if entries.count >= limit { entries.removeFirst(entries.count - limit + 1) }
            entries.append(Entry(accessKeyID: credentials.accessKeyID, secret: credentials.secretAccessKey, date: date, region: region, service: service, key: key))
        }
        return key
    }
}
