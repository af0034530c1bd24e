import Foundation

/// AWS STS: the caller's identity and role assumption.
public struct STSClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public func getCallerIdentity() async throws -> STSCallerIdentity {
        let root = try await client.query(service: .sts, action: "GetCallerIdentity", parameters: AWSQueryParameters())
        guard let result = root.child("GetCallerIdentityResult"),
              let account = result.string("Account"), let arn = result.string("Arn") else {
            throw AWSClientError(.malformedResponse, operation: "sts:GetCallerIdentity", message: "no Account/Arn in the response")
        }
        return STSCallerIdentity(account: account, arn: arn, userID: result.string("UserId") ?? "")
    }

    public func assumeRole(roleARN: String, sessionName: String, externalID: String? = nil, durationSeconds: Int? = nil) async throws -> STSAssumedRole {
        var parameters = AWSQueryParameters()
        parameters.set("RoleArn", roleARN)
        parameters.set("RoleSessionName", sessionName)
        parameters.set("ExternalId", externalID)
        parameters.set("DurationSeconds", durationSeconds)
        let root = try await client.query(service: .sts, action: "AssumeRole", parameters: parameters)
        return try STSAssumedRole(result: root.child("AssumeRoleResult"), operation: "sts:AssumeRole")
    }

    public func assumeRoleWithWebIdentity(roleARN: String, sessionName: String, webIdentityToken: String, durationSeconds: Int? = nil) async throws -> STSAssumedRole {
        var parameters = AWSQueryParameters()
        parameters.set("RoleArn", roleARN)
        parameters.set("RoleSessionName", sessionName)
        parameters.set("WebIdentityToken", webIdentityToken)
        parameters.set("DurationSeconds", durationSeconds)
        let root = try await client.query(service: .sts, action: "AssumeRoleWithWebIdentity", parameters: parameters)
        return try STSAssumedRole(result: root.child("AssumeRoleWithWebIdentityResult"), operation: "sts:AssumeRoleWithWebIdentity")
    }
}
