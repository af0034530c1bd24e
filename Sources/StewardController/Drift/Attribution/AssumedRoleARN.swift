/// An assumed-role session ARN taken apart:
/// `arn:<partition>:sts::<account>:assumed-role/<role>/<session>`. The role's path is not in
/// it (the session issuer's ARN has that), which is why roles are matched by name.
struct AssumedRoleARN: Sendable, Hashable {
    let accountID: String
    let roleName: String
    let sessionName: String

    init?(_ arn: String) {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "sts" else { return nil }
        let resource = parts[5].split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard resource.count == 3, resource[0] == "assumed-role", !resource[1].isEmpty, !resource[2].isEmpty else { return nil }
        accountID = String(parts[4])
        roleName = String(resource[1])
        sessionName = String(resource[2])
    }
}
