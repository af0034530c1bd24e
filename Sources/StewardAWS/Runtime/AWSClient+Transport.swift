extension AWSClient {
    /// This client sending through another transport — typically one wrapping this client's
    /// own, to pace or count one service's calls (retries included, since they pass through
    /// the transport too) without building a second configuration. Shares the retry quota.
    public func sending(through transport: any AWSHTTPTransport) -> AWSClient {
        AWSClient(
            configuration: configuration,
            credentialProvider: credentialProvider,
            transport: transport,
            retryPolicy: retryPolicy,
            retryQuota: retryQuota,
            logger: logger,
            timeout: timeout,
            now: now
        )
    }
}
