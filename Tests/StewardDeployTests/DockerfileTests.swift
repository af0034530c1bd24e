import Foundation
import Testing

/// deploy/Dockerfile, linted statically (there is no Docker engine here): what the issue asks
/// of the image, checked on the instructions themselves.
@Suite struct DockerfileTests {
    /// Instructions with continuation lines joined, comments dropped: (keyword, arguments).
    static func instructions() throws -> [(keyword: String, arguments: String)] {
        var result: [(String, String)] = []
        var pending = ""
        for line in try DeployFiles.text("deploy/Dockerfile").split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if pending.isEmpty, trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasSuffix("\\") {
                pending += trimmed.dropLast() + " "
                continue
            }
            let whole = pending + trimmed
            pending = ""
            let keyword = whole.prefix { !$0.isWhitespace }
            result.append((keyword.uppercased(), whole.dropFirst(keyword.count).trimmingCharacters(in: .whitespaces)))
        }
        return result
    }

    static func arguments(_ keyword: String) throws -> [String] {
        try instructions().filter { $0.keyword == keyword }.map(\.arguments)
    }

    /// An exec-form array (`["a", "b"]`): JSON, so no shell ever parses it.
    static func execForm(_ text: String) -> [String]? {
        try? JSONDecoder().decode([String].self, from: Data(text.utf8))
    }

    @Test func buildsMultiStageFromTheOfficialSwiftImageAndRunsOnDebianSlim() throws {
        let pairs = try Self.arguments("ARG").map { $0.split(separator: "=", maxSplits: 1).map(String.init) }.filter { $0.count == 2 }
        let arguments = Dictionary(pairs.map { ($0[0], $0[1]) }) { $1 }
        let froms = try Self.arguments("FROM")
        #expect(froms.count == 2, "\(froms)")
        #expect(froms.first == "${SWIFT_IMAGE} AS build")
        // A bare `swift:` is Docker Hub's official image, not someone's namespace.
        #expect(arguments["SWIFT_IMAGE"]?.hasPrefix("swift:6.") == true && arguments["SWIFT_IMAGE"]?.hasSuffix("-bookworm") == true)
        #expect(froms.last == "${RUNTIME_IMAGE}")
        #expect(arguments["RUNTIME_IMAGE"] == "debian:bookworm-slim")
        #expect(try Self.arguments("COPY").contains("--from=build /out/steward /usr/local/bin/steward"))
    }

    @Test func buildsWithTheREADMEsDeploymentFlags() throws {
        let readme = try DeployFiles.text("README.md")
        let command = try #require(readme.split(separator: "\n").first { $0.hasPrefix("swift build -c release --product steward --static-swift-stdlib") },
                                   "README.md lost its deployment build command")
        #expect(try Self.arguments("RUN").contains { $0.contains(command) }, "the image must build with: \(command)")
    }

    @Test func theRuntimeAddsOnlyCACertificates() throws {
        let installs = try Self.arguments("RUN").filter { $0.contains("apt-get install") }
        #expect(installs.count == 1)
        let words = installs.first?.components(separatedBy: "apt-get install").last?.components(separatedBy: "&&").first?
            .split(separator: " ").filter { !$0.hasPrefix("-") } ?? []
        #expect(words == ["ca-certificates"])
        #expect(installs.first?.contains("--no-install-recommends") == true)
    }

    @Test func runsAsANumericNonRootUserWithOneWritablePath() throws {
        let users = try Self.arguments("USER")
        #expect(users == ["10001:10001"])
        #expect(try Self.arguments("VOLUME") == [#"["/var/lib/steward"]"#])
        #expect(try Self.arguments("WORKDIR").last == "/var/lib/steward")
        #expect(try Self.arguments("RUN").contains { $0.contains("-o 10001 -g 10001 /var/lib/steward") })
    }

    @Test func signalsReachStewardAsPID1WithNoShell() throws {
        #expect(try Self.arguments("ENTRYPOINT").compactMap(Self.execForm) == [["/usr/local/bin/steward", "run"]])
        #expect(try Self.arguments("CMD").compactMap(Self.execForm) == [["--listen", "0.0.0.0:9090"]])
        #expect(try Self.arguments("STOPSIGNAL") == ["SIGTERM"])
        #expect(try Self.arguments("EXPOSE") == ["9090"])
        let health = try #require(try Self.arguments("HEALTHCHECK").first)
        let command = try #require(health.components(separatedBy: " CMD ").last.flatMap(Self.execForm), "HEALTHCHECK CMD is not exec form: \(health)")
        #expect(command.prefix(2) == ["/usr/local/bin/steward", "health"])
    }

    @Test func fetchesNothingAndCarriesNoSecrets() throws {
        let instructions = try Self.instructions()
        #expect(!instructions.contains { $0.keyword == "ADD" }, "ADD can fetch URLs and unpack archives; COPY is enough")
        for (keyword, arguments) in instructions where keyword == "ENV" || keyword == "ARG" {
            #expect(arguments.range(of: "(SECRET|TOKEN|PASSWORD|ACCESS_KEY|xox[abp]-)", options: [.regularExpression, .caseInsensitive]) == nil,
                    "\(keyword) \(arguments)")
        }
    }
}
