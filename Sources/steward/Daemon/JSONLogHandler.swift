import Logging

/// `--log-format json`: every event as one JSON object on one stderr line (see `JSONLogLine`).
/// Metadata merges as swift-log specifies: the handler's own, then the provider's, then the
/// call's, later winning.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    /// Where lines go; stderr unless a test captures them.
    let write: @Sendable (String) -> Void

    init(label: String, logLevel: Logger.Level, metadataProvider: Logger.MetadataProvider? = nil,
         write: @escaping @Sendable (String) -> Void = StandardErrorLine.write) {
        self.label = label
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
        self.write = write
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let given = event.metadata { merged.merge(given) { $1 } }
        if let error = event.error, merged["error"] == nil { merged["error"] = "\(error)" }
        write(JSONLogLine.render(timestamp: LogTimestamp.now(), level: event.level, label: label,
                                 message: event.message.description, metadata: merged))
    }
}
