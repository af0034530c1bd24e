public enum CrossCheckError: Error, CustomStringConvertible {
    case missingTool(String)
    case failed(tool: String, status: Int32, stderr: String)

    public var description: String {
        switch self {
        case .missingTool(let tool): return "\(tool) is not on PATH; the cross-check needs it"
        case .failed(let tool, let status, let stderr): return "\(tool) exited \(status): \(stderr.suffix(1500))"
        }
    }
}
