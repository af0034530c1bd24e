import Dispatch
import Foundation
import StewardCore

/// Desired state as a directory of `<env>.yaml` files, the form reviewed in git.
///
/// Reads see whole files only (writes replace files atomically). Each edit happens under a
/// per-file lock shared by threads and processes: read the current file, apply the edit with
/// `DesiredState.applying` (the same rules as every store), write the canonical text back.
/// Concurrent writers therefore queue rather than overwrite one another, and a refused edit
/// leaves the file byte for byte as it was. The leading comment block of a file survives
/// writes; see `DesiredStateEncoder` for what else is normalised.
public final class YAMLDirectoryStore: DesiredStateStore {
    public let directory: URL
    public let policy: Policy
    /// Permissions of files this store creates; a rewritten file keeps its own.
    public let newFileMode: UInt16
    private let clock: @Sendable () -> Date
    private let edits = RequestBatcher<EnvironmentName, EditRequest, DesiredState>()
    private let loads = RequestBatcher<Int, Void, DesiredStateSnapshot>()

    /// One edit waiting to be written, with the time it was made.
    struct EditRequest: Sendable {
        let edit: DesiredStateEdit
        let now: Date
    }

    public init(directory: URL, policy: Policy = .default, newFileMode: UInt16 = 0o644,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.directory = directory
        self.policy = policy
        self.newFileMode = newFileMode
        self.clock = clock
    }

    public func fileURL(for environment: EnvironmentName) -> URL {
        directory.appendingPathComponent(environment.rawValue + ".yaml")
    }

    /// The path shown in diagnostics: the directory as given, then the file name.
    private func displayPath(_ name: String) -> String {
        directory.relativePath.hasSuffix("/") ? directory.relativePath + name : directory.relativePath + "/" + name
    }

    /// Callers loading at the same time (a burst of commands, the reconcile loop) share one
    /// read of the directory that began after they asked.
    public func load() async throws -> DesiredStateSnapshot {
        try await loads.submit((), for: 0) { [self] requests, _ in
            let outcome = Result { try load(now: clock()) }
            return requests.map { _ in outcome }
        }
    }

    /// Every `<env>.yaml` in the directory. Dotfiles (locks, temp files, editor swap files) and
    /// other extensions are skipped; `.yml` files and names that aren't environment names are
    /// reported as stray so a misnamed file is not silently ignored.
    public func load(now: Date) throws -> DesiredStateSnapshot {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            throw StoreError.directoryUnreadable(path: directory.relativePath, reason: (error as NSError).localizedDescription)
        }
        var snapshot = DesiredStateSnapshot()
        let decoder = DesiredStateDecoder()
        for name in names where !name.hasPrefix(".") {
            let shown = displayPath(name)
            if name.hasSuffix(".yml") {
                snapshot.strayFailures.append(Diagnostic(.error, path: shown, message:
                    "desired-state files end in .yaml; rename it to \(name.dropLast(4)).yaml (it is ignored until then)"))
                continue
            }
            guard name.hasSuffix(".yaml") else { continue }
            let stem = String(name.dropLast(5))
            let environment: EnvironmentName
            do {
                environment = try EnvironmentName(stem)
            } catch {
                snapshot.strayFailures.append(Diagnostic(.error, path: shown, message:
                    "the file name is not an environment name: \(error.description); rename the file (it is ignored until then)"))
                continue
            }
            let result = decoder.decodeFile(at: directory.appendingPathComponent(name), path: shown,
                                            expectedEnvironment: environment, policy: policy, now: now)
            snapshot.warnings += result.warnings
            if let state = result.state {
                snapshot.environments[environment] = state
            } else {
                snapshot.failures[environment] = result.errors
            }
        }
        return snapshot
    }

    /// Edits waiting for the same file are written together (see `RequestBatcher`); each gets
    /// its own outcome.
    @discardableResult
    public func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, actor: String, now: Date) async throws -> DesiredState {
        // `actor` is not stored: a YAML file's history is git's, and entries carry `added_by`.
        try await edits.submit(EditRequest(edit: edit, now: now), for: environment) { [self] requests, environment in
            applyBlocking(requests, to: environment)
        }
    }

    /// `apply`, synchronously: for the CLI and for callers already on their own thread.
    @discardableResult
    public func applyBlocking(_ edit: DesiredStateEdit, to environment: EnvironmentName, now: Date) throws -> DesiredState {
        try applyBlocking([EditRequest(edit: edit, now: now)], to: environment)[0].get()
    }

    /// Applies `requests` in order under the file's lock, as one read and (if any succeeded)
    /// one write. A refused edit leaves the state as the edits before it made it; if the
    /// write fails, every edit that had succeeded fails with it, so no caller is told an edit
    /// was kept when it was not.
    func applyBlocking(_ requests: [EditRequest], to environment: EnvironmentName) -> [Result<DesiredState, any Error>] {
        guard let first = requests.first else { return [] }
        let url = fileURL(for: environment)
        let shown = displayPath(url.lastPathComponent)
        do {
            return try FileLock.withLock(on: url) {
                let bytes: [UInt8]
                switch FileReading.readBytes(url, path: shown, limit: SourceText.maximumSize) {
                case .success(let read): bytes = read
                case .failure(.notFound): throw DesiredStateEditError.unknownEnvironment(environment)
                case .failure(.other(let diagnostic)): throw DesiredStateEditError.invalidFile([diagnostic])
                }
                let current = DesiredStateDecoder().decode(bytes, path: shown, expectedEnvironment: environment, policy: policy, now: first.now)
                guard var state = current.state else { throw DesiredStateEditError.invalidFile(current.errors) }
                var outcomes: [Result<DesiredState, any Error>] = []
                outcomes.reserveCapacity(requests.count)
                for request in requests {
                    do {
                        state = try state.applying(request.edit, policy: policy, now: request.now).truncatedToWholeSeconds
                        outcomes.append(.success(state))
                    } catch {
                        outcomes.append(.failure(error))
                    }
                }
                guard outcomes.contains(where: { if case .success = $0 { true } else { false } }) else { return outcomes }
                do {
                    let header = DesiredStateEncoder.leadingComment(of: String(decoding: bytes, as: UTF8.self))
                    let text = DesiredStateEncoder().encode(state, header: header)
                    try check(text, decodesTo: state, path: shown, environment: environment, now: requests[requests.count - 1].now)
                    try AtomicFile.write(text, to: url, newFileMode: mode_t(newFileMode))
                } catch {
                    return outcomes.map { outcome in outcome.flatMap { _ in .failure(error) } }
                }
                return outcomes
            }
        } catch {
            return requests.map { _ in .failure(error) }
        }
    }

    /// Creates `<env>.yaml` for a new environment; refuses if it exists.
    @discardableResult
    public func create(_ state: DesiredState, header: String = "") async throws -> DesiredState {
        try await offCooperativePool { [self] in
            let url = fileURL(for: state.environment)
            let shown = displayPath(url.lastPathComponent)
            let state = state.truncatedToWholeSeconds
            return try FileLock.withLock(on: url) {
                if FileManager.default.fileExists(atPath: url.path) {
                    throw StoreError.environmentExists(state.environment, path: shown)
                }
                let text = DesiredStateEncoder().encode(state, header: header)
                try check(text, decodesTo: state, path: shown, environment: state.environment, now: clock())
                try AtomicFile.write(text, to: url, newFileMode: mode_t(newFileMode), exclusive: true)
                return state
            }
        }
    }

    /// The text about to be written must read back as exactly the state it encodes.
    private func check(_ text: String, decodesTo state: DesiredState, path: String, environment: EnvironmentName, now: Date) throws {
        let check = DesiredStateDecoder().decode(Array(text.utf8), path: path, expectedEnvironment: environment, policy: policy, now: now)
        guard check.state == state else {
            var diagnostics = check.errors
            if diagnostics.isEmpty {
                diagnostics = [Diagnostic(.error, path: path, message: "re-read state differs from the state written")]
            }
            throw StoreError.encodingCheckFailed(path: path, diagnostics: diagnostics)
        }
    }

    /// The locked section blocks (on another process's `flock`, on fsync); run it on a
    /// dispatch thread so Swift's small cooperative pool keeps serving other tasks meanwhile.
    private func offCooperativePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
