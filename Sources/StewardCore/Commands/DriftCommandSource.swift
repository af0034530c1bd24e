import Foundation

/// Where `/infra drift` and `/infra drift ack` get and change drift reports. A seam like
/// `ObservedStatusSource`: Core knows nothing of AWS or files; the controller implements it.
public protocol DriftCommandSource: Sendable {
    /// The current report as reply text (nil: every environment).
    func driftReport(environment: EnvironmentName?, now: Date) async -> String
    /// Acknowledges finding `id`; the reply text, or why it could not be done.
    func acknowledgeDrift(id: String, ack: DriftAck) async -> Result<String, DriftHistoryError>
}
