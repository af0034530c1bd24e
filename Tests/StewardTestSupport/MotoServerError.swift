/// Why the moto harness could not run. Never a reason to skip a test: a missing moto fails.
public enum MotoServerError: Error, CustomStringConvertible {
    case notInstalled(searched: String)
    case noFreePort
    case notReady(port: Int, log: String)
    case apiFailed(path: String, status: Int)

    public var description: String {
        switch self {
        case .notInstalled(let searched):
            return "moto_server not found (searched MOTO_SERVER and PATH: \(searched)). Install it with: pip install 'moto[server]'"
        case .noFreePort:
            return "could not find a free TCP port on 127.0.0.1"
        case .notReady(let port, let log):
            return "moto_server on port \(port) did not become ready in time. Its log ends with:\n\(log)"
        case .apiFailed(let path, let status):
            return "moto admin call \(path) failed with HTTP \(status)"
        }
    }
}
