/// The leader lease as a pure state machine: no I/O and no clock of its own. Instants are
/// offsets on the replica's monotonic clock (any origin), passed in by the driver, so the
/// rules below are tested table-driven and by simulation with skewed, paused replicas.
///
/// The rules (the DynamoDB lock client's):
/// - A holder times its lease from the moment it *sent* the write that succeeded, never from
///   the answer, and stops writing (steps down) at `renewDeadline` after it.
/// - A standby takes over only after it has seen the same `revision` for a whole
///   `leaseDuration` of its own clock, counted from the answer of the read that first showed
///   it; its write is conditioned on that revision, so a renewal it missed makes it fail.
/// - Each acquisition increments `epoch`; a release keeps the epoch and clears the holder, so
///   the counter never goes back.
public struct LeaseElector: Sendable {
    public enum Role: Sendable, Hashable {
        case standby
        case leader
    }

    public let identity: String
    public let timing: LeaseTiming
    public private(set) var role: Role = .standby
    /// Leader or standby: the lease item as this replica last knew it (nil: absent or not read yet).
    public private(set) var record: LeaseRecord?
    /// Acquisitions and losses seen by this replica.
    public private(set) var transitions = 0

    /// Standby: a read is due (none yet, or a write of ours met a changed item).
    private var needsRead = true
    private var nextReadAt: Duration = .zero
    /// Standby: when the revision in `record` was first seen unchanged.
    private var observedSince: Duration = .zero
    /// Leader: when the last successful write was sent; the lease is timed from it.
    private var sentAt: Duration = .zero
    private var nextRenewAt: Duration = .zero
    /// A write whose answer never came (a timeout may still have landed): adopted if a read
    /// then shows it.
    private var pending: (record: LeaseRecord, sentAt: Duration)?
    /// Writes made, for unique revisions without a random source.
    private var writes = 0

    public init(identity: String, timing: LeaseTiming) {
        self.identity = identity
        self.timing = timing
    }

    /// The instant (this replica's clock) after which no write may start; nil unless leading.
    public var writeDeadline: Duration? {
        role == .leader ? sentAt + timing.renewDeadline : nil
    }

    /// Room left for a write at `now`; zero when not leading or past the deadline.
    public func room(at now: Duration) -> Duration {
        guard let deadline = writeDeadline, now < deadline else { return .zero }
        return deadline - now
    }

    public func nextStep(at now: Duration) -> LeaseStep {
        switch role {
        case .leader:
            let deadline = sentAt + timing.renewDeadline
            if now >= deadline { return .stepDown }
            guard now >= nextRenewAt, let held = record else { return .wait(until: min(nextRenewAt, deadline)) }
            return .renew(proposal(epoch: held.epoch), expecting: held)
        case .standby:
            if needsRead { return now >= nextReadAt ? .read : .wait(until: nextReadAt) }
            guard let seen = record else { return .acquire(proposal(epoch: 1), expecting: nil) }
            let expiresAt = observedSince + timing.leaseDuration
            if seen.holder == nil || now >= expiresAt {
                return .acquire(proposal(epoch: seen.epoch + 1), expecting: seen)
            }
            return now >= nextReadAt ? .read : .wait(until: min(nextReadAt, expiresAt))
        }
    }

    /// A read's answer, received at `now`.
    public mutating func read(_ seen: LeaseRecord?, at now: Duration) {
        if let pending, let seen, seen == pending.record {
            // Our acquisition or renewal landed though its answer was lost: it counts from when it was sent.
            wrote(seen, sentAt: pending.sentAt, at: now)
            return
        }
        pending = nil
        guard role == .standby else { return }
        if needsRead || seen?.revision != record?.revision {
            observedSince = now
        }
        record = seen
        needsRead = false
        nextReadAt = now + timing.renewEvery
    }

    /// Marks a write as sent at `now` (before its answer), so a lost answer can be reconciled by a later read.
    public mutating func sending(_ proposed: LeaseRecord, at now: Duration) {
        writes += 1
        pending = (proposed, now)
    }

    /// An acquisition or renewal succeeded; `sentAt` is when it was sent.
    public mutating func wrote(_ written: LeaseRecord, sentAt sent: Duration, at now: Duration) {
        // A write never announced by `sending` still used up its revision.
        if pending == nil { writes += 1 }
        pending = nil
        if role == .standby { transitions += 1 }
        role = .leader
        record = written
        sentAt = sent
        nextRenewAt = sent + timing.renewEvery
    }

    /// A conditional write failed: someone else holds or renewed the lease. A leader has lost it.
    public mutating func conflicted(at now: Duration) {
        pending = nil
        becomeStandby(readAt: now)
    }

    /// A write or read got no usable answer (timeout, throttling): try again soon, keeping the
    /// lease only until its deadline.
    public mutating func failed(at now: Duration) {
        let retry = now + timing.renewEvery / 4
        switch role {
        case .leader: nextRenewAt = retry
        case .standby:
            needsRead = true
            nextReadAt = retry
        }
    }

    /// The deadline passed (or the replica is shutting down): stop writing at once.
    public mutating func stepDown(at now: Duration) {
        becomeStandby(readAt: now)
    }

    /// The release was written: the record now holds nobody.
    public mutating func released(_ written: LeaseRecord, at now: Duration) {
        becomeStandby(readAt: now + timing.renewEvery)
        record = written
    }

    /// The record a release writes: the same epoch, nobody holding it.
    public mutating func releaseProposal() -> LeaseRecord? {
        guard role == .leader, let held = record else { return nil }
        writes += 1
        return LeaseRecord(holder: nil, epoch: held.epoch, revision: "\(identity)/\(writes)")
    }

    private mutating func becomeStandby(readAt: Duration) {
        if role == .leader { transitions += 1 }
        role = .standby
        needsRead = true
        nextReadAt = readAt
    }

    /// A fresh revision per write: the identity is unique to the process, the counter to the write.
    private func proposal(epoch: Int) -> LeaseRecord {
        LeaseRecord(holder: identity, epoch: epoch, revision: "\(identity)/\(writes + 1)")
    }
}
