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

    public func load() async throws -> DesiredStateSnapshot {
        try load(now: clock())
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

    @discardableResult
    public func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, actor: String, now: Date) async throws -> DesiredState {
        // `actor` is not stored: a YAML file's history is git's, and entries carry `added_by`.
        try await offCooperativePool { [self] in
            try applyBlocking(edit, to: environment, now: now)
        }
    }

    /// `apply`, synchronously: for the CLI and for callers already on their own thread.
    @discardableResult
    public func applyBlocking(_ edit: DesiredStateEdit, to environment: EnvironmentName, now: Date) throws -> DesiredState {
        let url = fileURL(for: environment)
        let shown = displayPath(url.lastPathComponent)
        return try FileLock.withLock(on: url) {
            let bytes: [UInt8]
            switch FileReading.readBytes(url, path: shown, limit: SourceText.maximumSize) {
            case .success(let read): bytes = read
            case .failure(.notFound): throw DesiredStateEditError.unknownEnvironment(environment)
            case .failure(.other(let diagnostic)): throw DesiredStateEditError.invalidFile([diagnostic])
            }
            let decoder = DesiredStateDecoder()
            let current = decoder.decode(bytes, path: shown, expectedEnvironment: environment, policy: policy, now: now)
            guard let state = current.state else { throw DesiredStateEditError.invalidFile(current.errors) }
            let next = try state.applying(edit, policy: policy, now: now).truncatedToWholeSeconds
            let header = DesiredStateEncoder.leadingComment(of: String(decoding: bytes, as: UTF8.self))
            let text = DesiredStateEncoder().encode(next, header: header)
            try check(text, decodesTo: next, path: shown, environment: environment, now: now)
            try AtomicFile.write(text, to: url, newFileMode: mode_t(newFileMode))
            return next
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
