import StewardCore

/// The `WhitelistPorts` tag: `22`, `443,8443`, `8000-8100`. Anything unreadable is an error,
/// not a fallback to the default: guessing ports on a security group is how access leaks.
enum WhitelistPortsTag {
    static func parse(_ text: String) -> Result<[PortRange], WhitelistPortsTagError> {
        var ports: [PortRange] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            do {
                ports.append(try PortRange(parsing: part))
            } catch {
                return .failure(WhitelistPortsTagError(text: text, reason: error.description))
            }
        }
        guard !ports.isEmpty else { return .failure(WhitelistPortsTagError(text: text, reason: "no ports")) }
        return .success(Array(Set(ports)).sorted())
    }
}

struct WhitelistPortsTagError: Error, CustomStringConvertible {
    var text: String
    var reason: String
    var description: String { "WhitelistPorts tag '\(text)' is not a port list such as 22 or 443,8443 (\(reason))" }
}
