import Foundation

extension MotoServer {
    /// Creates the seed's whitelist table with the aws CLI, exactly as README documents it:
    /// `ip_address` hash, `environment` range, GSI `environment-index`, stream NEW_AND_OLD_IMAGES.
    public func createWhitelistTable(_ name: String, stream: Bool = true) async throws {
        var arguments = [
            "dynamodb", "create-table", "--table-name", name, "--billing-mode", "PAY_PER_REQUEST",
            "--attribute-definitions", "AttributeName=ip_address,AttributeType=S", "AttributeName=environment,AttributeType=S",
            "--key-schema", "AttributeName=ip_address,KeyType=HASH", "AttributeName=environment,KeyType=RANGE",
            "--global-secondary-indexes",
            #"[{"IndexName":"environment-index","KeySchema":[{"AttributeName":"environment","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]"#,
        ]
        if stream { arguments += ["--stream-specification", "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES"] }
        _ = try await aws(arguments)
    }

    /// Creates the environments table (keyed by `environment`), as README documents it.
    public func createEnvironmentsTable(_ name: String, stream: Bool = true) async throws {
        var arguments = [
            "dynamodb", "create-table", "--table-name", name, "--billing-mode", "PAY_PER_REQUEST",
            "--attribute-definitions", "AttributeName=environment,AttributeType=S",
            "--key-schema", "AttributeName=environment,KeyType=HASH",
        ]
        if stream { arguments += ["--stream-specification", "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES"] }
        _ = try await aws(arguments)
    }

    /// The seed's own `aws dynamodb put-item` for one whitelist entry.
    public func putWhitelistItem(table: String, ipAddress: String, environment: String, description: String, addedBy: String,
                                 addedAt: Int, expiresAt: Int) async throws {
        let item = """
        {"ip_address":{"S":"\(ipAddress)"},"environment":{"S":"\(environment)"},"description":{"S":"\(description)"},\
        "added_by":{"S":"\(addedBy)"},"added_at":{"N":"\(addedAt)"},"expires_at":{"N":"\(expiresAt)"}}
        """
        _ = try await aws(["dynamodb", "put-item", "--table-name", table, "--item", item])
    }

    /// The seed's `aws dynamodb delete-item` by key.
    public func deleteWhitelistItem(table: String, ipAddress: String, environment: String) async throws {
        _ = try await aws(["dynamodb", "delete-item", "--table-name", table, "--key",
                           #"{"ip_address":{"S":"\#(ipAddress)"},"environment":{"S":"\#(environment)"}}"#])
    }
}

extension MotoServer {
    /// Creates the leader lease's table (`lease_name` S hash key), as README documents it.
    public func createLeaseTable(_ name: String) async throws {
        _ = try await aws([
            "dynamodb", "create-table", "--table-name", name, "--billing-mode", "PAY_PER_REQUEST",
            "--attribute-definitions", "AttributeName=lease_name,AttributeType=S",
            "--key-schema", "AttributeName=lease_name,KeyType=HASH",
        ])
    }
}
