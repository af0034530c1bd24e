import Foundation
import StewardAWS
import StewardCore
import StewardTestSupport
@testable import StewardStore

/// A shared whitelist table and an environments table in one moto, and the stores over them.
struct DynamoDBStoreWorld {
    let moto: MotoServer
    let transport = AsyncHTTPClientTransport.processWide
    let whitelistTable: String
    let environmentsTable: String
    let client: AWSClient

    init(moto: MotoServer, whitelistTable: String = "docustack-ip-whitelist", environmentsTable: String = "steward-environments") async throws {
        self.moto = moto
        self.whitelistTable = whitelistTable
        self.environmentsTable = environmentsTable
        client = try AWSClient.fromEnvironment(moto.clientEnvironment, transport: transport)
        if !whitelistTable.contains("{env}") { try await moto.createWhitelistTable(whitelistTable) }
        try await moto.createEnvironmentsTable(environmentsTable)
    }

    var settings: DynamoDBDesiredStateSettings {
        DynamoDBDesiredStateSettings(whitelistTable: whitelistTable, environmentsTable: environmentsTable)
    }

    func store(clock: @escaping @Sendable () -> Date = { Date() }) -> DynamoDBDesiredStateStore {
        DynamoDBDesiredStateStore(settings: settings, client: client, clock: clock)
    }

    func layered(over directory: URL) -> LayeredDesiredStateStore {
        LayeredDesiredStateStore(yaml: YAMLDirectoryStore(directory: directory), dynamoDB: store())
    }

    func shutdown() async throws {
        try await transport.shutdown()
    }
}
