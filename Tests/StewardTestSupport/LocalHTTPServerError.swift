/// The local server could not start.
public enum LocalHTTPServerError: Error {
    case noPort
}
