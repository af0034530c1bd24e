import Foundation
import StewardTestSupport
import Testing

/// `steward run` keeps the drift history and exposes it as metrics, with or without Slack:
/// `steward_drift_findings{environment,kind,severity,state}` and `steward_drift_oldest_open_seconds`.
@Suite(.serialized) struct RunDaemonDriftMetricsTests {
    @Test func driftFindingsAndOldestOpenAgeAreMetrics() async throws {
        try await RunDaemonEstate.with { estate, slot in
            let web = try await estate.managedGroup("web")
            _ = try await estate.moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            ec2.authorize_security_group_ingress(GroupId='\(web)', IpPermissions=[{'IpProtocol': 'tcp', 'FromPort': 443, 'ToPort': 443,
                'IpRanges': [{'CidrIp': '0.0.0.0/0', 'Description': 'by hand'}]}])
            """)
            try estate.writeDesired([])
            let daemon = try estate.startDaemon(slot, ["--interval", "2s"])
            let base = try await daemon.baseURL()
            _ = try await daemon.waitForLine("first reconcile completed in ")
            let series = #"steward_drift_findings{environment="dev",kind="world-open-rule",severity="critical",state="open"} 1"#
            // The drift report follows each pass asynchronously: look until a second pass has made the finding open.
            let seen = await answer(within: .seconds(20)) {
                while !Task.isCancelled {
                    if let metrics = try? await RunDaemonHTTP.get(base + "/metrics"), metrics.body.contains(series) { return true }
                    try? await Task.sleep(for: .milliseconds(200))
                }
                return false
            }
            #expect(seen, "/metrics never showed \(series)")
            let metrics = try await RunDaemonHTTP.get(base + "/metrics")
            #expect(metrics.body.contains("steward_drift_oldest_open_seconds"))
            #expect(!metrics.body.contains("steward_drift_oldest_open_seconds 0\n"), "an open finding has an age")
            #expect(FileManager.default.fileExists(atPath: estate.root.appendingPathComponent("steward-drift-history.json").path))
            #expect(await daemon.stop() == 0)
        }
    }
}
