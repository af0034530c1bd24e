/// Slack's Block Kit limits (https://api.slack.com/reference/block-kit/blocks): a message over
/// any of them is rejected whole (`invalid_blocks`), so every message is cut to fit first.
public enum SlackBlockLimits {
    public static let blocksPerMessage = 50
    public static let sectionText = 3000
    public static let headerText = 150
    public static let contextElements = 10
    /// Top-level `text`: Slack truncates past 40,000; staying far below keeps messages readable.
    public static let messageText = 4000
}
