/// Whether a failed attempt may be retried, and whether it counts as a timeout for the quota.
enum AWSRetryDecision: Equatable {
    case doNotRetry
    case retry(isTimeout: Bool)

    static func decide(for error: any Error) -> AWSRetryDecision {
        switch error {
        case let error as AWSError:
            if error.isThrottling || AWSErrorCode.transient.contains(error.code) {
                return .retry(isTimeout: false)
            }
            if [500, 502, 503, 504].contains(error.statusCode) {
                return .retry(isTimeout: false)
            }
            // HTTP 429 without a recognised code is still throttling.
            return error.statusCode == 429 ? .retry(isTimeout: false) : .doNotRetry
        case let error as AWSTransportError:
            switch error.kind {
            case .timeout: return .retry(isTimeout: true)
            case .connectionFailed: return .retry(isTimeout: false)
            case .other: return .doNotRetry
            }
        default:
            return .doNotRetry
        }
    }
}
