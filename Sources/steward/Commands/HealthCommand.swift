import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import StewardStore

/// `steward health`: exit 0 when the daemon's `/healthz` answers 200, for container health
/// checks (`HEALTHCHECK CMD ["steward","health"]`) in an image that has no curl.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Exit 0 when the daemon's /healthz answers 200 (a health check for images without curl).",
        discussion: """
        Waits at most 2 s. Otherwise exits 1 with one line on stderr saying why. Without --url it \
        asks the listen address of the configuration (listen:, default 127.0.0.1:9090), with \
        0.0.0.0 and :: meaning this host.
        """
    )

    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp("The full /healthz URL, e.g. http://127.0.0.1:9090/healthz (default: from the config's listen address).", valueName: "url"))
    var url: String?

    /// Short: a health check that hangs is as bad as a failed one, and the daemon answers
    /// /healthz from its event loop in milliseconds.
    static let timeout: TimeAmount = .seconds(2)

    func validate() throws {
        if let url {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
                throw ValidationError("--url '\(url)' is not an http:// or https:// URL; give the full /healthz URL, e.g. http://127.0.0.1:9090/healthz")
            }
        }
    }

    func run() async throws {
        let target = try url ?? Self.configuredURL(options)
        if let problem = await Self.probe(target) {
            StandardError.write("steward health: \(target) \(problem)".split(whereSeparator: \.isNewline).joined(separator: " "))
            throw ExitCode(1)
        }
    }

    /// The URL from the configuration's listen address (the one `steward run` binds).
    static func configuredURL(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        do {
            let (configuration, _) = try ConfigurationLoader().load(
                explicitPath: options.configPath, environment: environment,
                currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            return try defaultURL(listen: configuration.listenAddress)
        } catch let error as ConfigurationError {
            throw CommandFailure(message: "steward health: \(error); or pass --url")
        }
    }

    /// `http://HOST:PORT/healthz`; a wildcard bind address is reached on the loopback of its family.
    static func defaultURL(listen text: String) throws -> String {
        var address: ListenAddress
        do { address = try ListenAddress(parsing: text) } catch { throw CommandFailure(message: "steward health: \(error); or pass --url") }
        guard address.port != 0 else {
            throw CommandFailure(message: "steward health: the listen address \(text) has port 0 (picked when the daemon starts); "
                + "pass --url with the address `steward run` printed")
        }
        switch address.host {
        case "0.0.0.0": address.host = "127.0.0.1"
        case "::": address.host = "::1"
        default: break
        }
        return "http://\(address)/healthz"
    }

    /// nil when the answer is 200; otherwise what went wrong, in a few words.
    static func probe(_ url: String) async -> String? {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: timeout, read: timeout)
        // A refused connection is the answer, not something to retry until the timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let problem: String?
        do {
            let response = try await client.execute(HTTPClientRequest(url: url), timeout: timeout)
            _ = try? await response.body.collect(upTo: 64 * 1024)
            problem = response.status == .ok ? nil : "answered \(response.status.code) \(response.status.reasonPhrase)"
        } catch let error as HTTPClientError where [.deadlineExceeded, .connectTimeout, .readTimeout].contains(error) {
            problem = "did not answer within 2 s"
        } catch {
            problem = "could not be reached: \(error)"
        }
        try? await client.shutdown()
        return problem
    }
}
