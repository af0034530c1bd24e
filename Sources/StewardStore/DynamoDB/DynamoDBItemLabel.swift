/// How a row is named in diagnostics: `docustack-dev-ip-whitelist[ip_address=1.2.3.4/32, environment=dev]`.
enum DynamoDBItemLabel {
    static func whitelist(table: String, ipAddress: String?, environment: String?) -> String {
        "\(table)[ip_address=\(ipAddress ?? "?"), environment=\(environment ?? "?")]"
    }

    static func environment(table: String, environment: String?) -> String {
        "\(table)[environment=\(environment ?? "?")]"
    }
}
