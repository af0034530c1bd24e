/// The lease item as replicas read and write it. `revision` changes on every write (the lock
/// client's record version number): a standby measures how long it has stayed the same, so
/// the holder's wall clock is never trusted. `epoch` counts acquisitions: the fencing token.
public struct LeaseRecord: Sendable, Hashable, CustomStringConvertible {
    /// The replica that holds the lease; nil once it was released.
    public var holder: String?
    public var epoch: Int
    public var revision: String

    public init(holder: String?, epoch: Int, revision: String) {
        self.holder = holder
        self.epoch = epoch
        self.revision = revision
    }

    public var description: String { "\(holder ?? "nobody") at epoch \(epoch) (revision \(revision))" }
}
