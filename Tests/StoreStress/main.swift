import Foundation
import StewardAWS
import StewardCore
import StewardStore

// Usage: steward-store-stress DIRECTORY ENVIRONMENT PROCESS_INDEX WRITERS
//        steward-store-stress --dynamodb WHITELIST_TABLE ENVIRONMENT PROCESS_INDEX WRITERS   (AWS_* from the environment)
// Adds WRITERS distinct entries (10.<process>.<writer>.0/24) concurrently to one environment,
// so the test can check that writers in several processes never lose an edit.
let arguments = CommandLine.arguments
guard arguments.count == 5 || (arguments.count == 6 && arguments[1] == "--dynamodb"),
      let processIndex = Int(arguments[arguments.count - 2]), let writers = Int(arguments[arguments.count - 1]) else {
    FileHandle.standardError.write(Data("usage: steward-store-stress [--dynamodb TABLE | DIRECTORY] ENVIRONMENT PROCESS_INDEX WRITERS\n".utf8))
    exit(2)
}
let store: any DesiredStateStore
if arguments[1] == "--dynamodb" {
    let client = try AWSClient.fromEnvironment(transport: AsyncHTTPClientTransport.processWide)
    store = DynamoDBDesiredStateStore(settings: DynamoDBDesiredStateSettings(whitelistTable: arguments[2]), client: client)
} else {
    store = YAMLDirectoryStore(directory: URL(fileURLWithPath: arguments[1]))
}
let environment = try EnvironmentName(arguments[arguments.count - 3])
let now = Date()
let failures = await withTaskGroup(of: String?.self) { group in
    for writer in 0..<writers {
        group.addTask {
            do {
                let entry = WhitelistEntry(
                    cidr: try CIDR("10.\(processIndex).\(writer).0/24"), description: "stress p\(processIndex) w\(writer)",
                    addedBy: "stress", addedAt: now, expiresAt: now.addingTimeInterval(86_400))
                try await store.apply(.addWhitelistEntry(entry), to: environment, actor: "stress", now: now)
                return nil
            } catch {
                return "writer \(writer): \(error)"
            }
        }
    }
    var failures: [String] = []
    for await failure in group { if let failure { failures.append(failure) } }
    return failures
}
for failure in failures { FileHandle.standardError.write(Data((failure + "\n").utf8)) }
exit(failures.isEmpty ? 0 : 1)
