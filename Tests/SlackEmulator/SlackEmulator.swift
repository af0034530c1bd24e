/// A local emulator of Slack's servers, written from Slack's protocol.
public final class SlackEmulator: Sendable {}
