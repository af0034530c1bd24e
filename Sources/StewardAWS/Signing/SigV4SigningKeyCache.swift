import Crypto
import Synchronization

/// Derived signing keys, which change only per day, region, service and credentials: deriving
/// one costs four HMACs, which would otherwise be paid on every request.
public final class SigV4SigningKeyCache: Sendable {
    private struct Entry {
        let secret: String
        let key: SymmetricKey
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let limit: Int

    public init(limit: Int = 64) {
        self.limit = limit
    }

    func key(accessKeyID: String, secret: String, scope: String, derive: () -> SymmetricKey) -> SymmetricKey {
        let name = accessKeyID + "/" + scope
        if let entry = entries.withLock({ $0[name] }), entry.secret == secret {
            return entry.key
        }
        let key = derive()
        entries.withLock { entries in
            // Old days and rotated keys accumulate; a small bound is enough.
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[name] = Entry(secret: secret, key: key)
        }
        return key
    }
}
