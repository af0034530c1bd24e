import ArgumentParser
import Foundation
import StewardAWS
import StewardController
import StewardCore

struct DriftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Report drift between AWS and desired state, with each finding's history; change nothing in AWS.",
        subcommands: [Report.self, Ack.self],
        defaultSubcommand: Report.self
    )

    /// Where the findings history is kept: `--history` (a file), else the DynamoDB environments
    /// table when that store is configured, else a file beside the audit log, else in the
    /// working directory. `leaderGuard`: the daemon's pass writes under `ha`, which only the
    /// leader at its epoch may commit.
    static func historyStore(_ explicit: String?, context: CommandContext, leaderGuard: LeaseEpochGuard? = nil) -> any DriftHistoryStore {
        if explicit == nil, let table = context.configuration.desiredState.dynamoDB?.environmentsTable, let aws = context.storeAWS {
            return DynamoDBDriftHistory(table: table, client: aws, leaderGuard: leaderGuard)
        }
        return historyFile(explicit, context: context)
    }

    static func historyFile(_ explicit: String?, context: CommandContext) -> DriftHistoryFile {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func resolve(_ path: String) -> URL { path.hasPrefix("/") ? URL(fileURLWithPath: path) : cwd.appendingPathComponent(path) }
        if let explicit { return DriftHistoryFile(url: resolve(explicit)) }
        let directory = context.configuration.auditLogPath.map { resolve($0).deletingLastPathComponent() } ?? cwd
        return DriftHistoryFile(url: directory.appendingPathComponent(Self.historyFileName))
    }

    static let historyFileName = "steward-drift-history.json"

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Observe AWS and desired state (the reads of plan, no mutating call) and report every finding.",
            discussion: """
            Each environment is in_sync, drifted or unknown (with the reason). Exit status: 0, or 1 on an error. With \
            --detailed-exitcode: 0 in sync, 2 drift found, 3 incomplete (something could not be read; what could be \
            read is reported), 1 an error. Acknowledged findings don't count.
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, slack }

        @OptionGroup var options: GlobalOptions
        @Option(name: .customLong("env"), help: "Only this environment (repeatable).") var environments: [String] = []
        @Option(help: "text, markdown, json or slack (Block Kit).") var format: Format = .text
        @Option(help: ArgumentHelp("Write the report here instead of stdout.", valueName: "file")) var output: String?
        @Option(help: ArgumentHelp("The findings history file (default: the DynamoDB environments table when configured, else beside the audit log).", valueName: "file")) var history: String?
        @Flag(help: "Exit 2 on drift, 3 when something could not be read, 0 when in sync, 1 on an error.") var detailedExitcode = false
        @Flag(inversion: .prefixedNo, help: "Look up who caused new findings in CloudTrail (best effort).") var attribution = true

        func validate() throws {
            _ = try ControllerContext.environments(environments)
        }

        func run() async throws {
            let context = try ControllerContext(options: options)
            let attributor = attribution ? await Self.attributor(context) : nil
            let historyStore = DriftCommand.historyStore(history, context: context.base)
            let reporter = DriftReporter(reconciler: context.reconciler, history: historyStore,
                                         attributor: attributor, desiredStateSource: context.base.desiredState.description)
            let selection = try ControllerContext.environments(environments)
            let report: DriftReport
            do {
                let acted = await Self.stewardActed(context.base, history: historyStore)
                report = try await reporter.report(ReconcileOptions(environments: selection, dryRun: true), stewardActed: acted.ids,
                                                   stewardActionsComplete: acted.complete)
            } catch {
                await context.shutdown()
                throw CommandFailure(message: error.description)
            }
            await context.shutdown()
            let text: String
            switch format {
            case .text: text = DriftReportTextRenderer.render(report)
            case .markdown: text = DriftReportMarkdownRenderer.render(report)
            case .json: text = try DriftReportJSON.render(report)
            case .slack: text = try DriftReportSlackRenderer.render(report)
            }
            if let output {
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                    throw CommandFailure(message: "--output \(output): \(error.localizedDescription)")
                }
            } else {
                print(text, terminator: "")
            }
            for environment in report.environments where environment.status == .unknown {
                StandardError.write("warning: \(environment.name): unknown: \(environment.reason ?? "could not be read")")
            }
            if let reason = report.reason { StandardError.write("warning: incomplete: \(reason)") }
            let status = report.exitCode(detailed: detailedExitcode)
            if status != 0 { throw ExitCode(status) }
        }

        /// What Steward's reconciles (a CLI `apply` as much as the daemon) changed since the
        /// history's last report, from the audit log: findings that went away on those were
        /// fixed by Steward, the others by someone else. Incomplete (nobody named as fixer)
        /// when there is no audit log or it can't be read: a guess would be worse than nothing.
        static func stewardActed(_ context: CommandContext, history: any DriftHistoryStore) async -> (ids: Set<String>, complete: Bool) {
            guard let log = context.auditLog else { return ([], false) }
            do {
                let since = try await history.load().lastReportAt
                let records = try AuditLog.records(at: log.url)
                return (AuditRecord.stewardActed(records, ownerID: context.configuration.ownerID, since: since), true)
            } catch let error as AuditLogReadError {
                StandardError.write("warning: \(error.description)")
            } catch {
                // The history itself is unreadable: the report that follows says so.
            }
            return ([], false)
        }

        /// CloudTrail attribution with Steward's identity from STS; nil (no attribution) when
        /// the identity can't be had: best effort, never the report's failure.
        static func attributor(_ context: ControllerContext) async -> CloudTrailAttributor? {
            guard let caller = try? await STSClient(client: context.aws).getCallerIdentity() else { return nil }
            return CloudTrailAttributor(client: context.aws, steward: StewardIdentity(callerARN: caller.arn))
        }
    }

    struct Ack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ack",
            abstract: "Acknowledge a finding for a while: listed apart, not counted for the exit code, open again when the ack ends."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The finding's id, as `steward drift` shows it.") var id: String
        @Option(name: .customLong("for"), help: "How long, e.g. 7d, 12h.") var duration: String
        @Option(help: "Why it is known and left alone.") var reason: String
        @Option(help: "Who acknowledges (default: $USER).") var by: String?
        @Option(help: ArgumentHelp("The findings history file (default: the DynamoDB environments table when configured, else beside the audit log).", valueName: "file")) var history: String?

        func run() async throws {
            let context = try CommandContext(options: options)
            let span: TimeSpan
            do { span = try TimeSpan(parsing: duration) } catch {
                throw CommandFailure(message: DriftHistoryError.invalidDuration(duration, reason: error.description).description)
            }
            guard span.seconds > 0 else { throw CommandFailure(message: DriftHistoryError.invalidDuration(duration, reason: "it is zero").description) }
            let now = Date()
            let ack = DriftAck(by: CommandContext.actor(by), reason: reason, until: now.addingTimeInterval(span.timeInterval), at: now)
            let store = DriftCommand.historyStore(history, context: context)
            let environment: String
            do {
                environment = try await store.modify { (history: inout DriftHistory) throws(DriftHistoryError) -> String in
                    try history.acknowledge(id, ack: ack)
                    return history.findings[id]?.item.environment.rawValue ?? ""
                }
            } catch {
                throw CommandFailure(message: error.description)
            }
            await context.auditRecorder?(AuditRecord(time: now, actor: ack.by, environment: environment, action: "drift ack", target: id,
                                                     result: "applied", reason: "\(reason) (until \(Timestamp.text(ack.until)))"))
            print("acknowledged \(id) until \(Timestamp.text(ack.until)) (by \(ack.by)): \(reason)")
        }
    }
}
