import ArgumentParser
import Foundation
import StewardController
import StewardCore

struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Plan, confirm, and make AWS match the desired state.",
        discussion: """
        Asks for confirmation on a terminal; elsewhere pass --auto-approve. Exit status: 0 every selected \
        environment was read and its plan applied (or there was nothing to do); 1 an error, an action that \
        failed, or desired state or AWS that could not be read; 3 applied except what a guard refused (revoke \
        budget, rule quota, protected teardown, upsert-only), each shown as a `refused:` line saying what to do.
        """
    )

    @OptionGroup var options: GlobalOptions
    @Option(name: .customLong("env"), help: "Only this environment (repeatable).") var environments: [String] = []
    @Flag(help: "Apply without asking.") var autoApprove = false
    @Flag(help: "Show the plan and stop; change nothing.") var dryRun = false
    @Flag(help: "Apply even when the plan revokes more than the revoke budget allows.") var force = false

    func validate() throws {
        _ = try ControllerContext.environments(environments)
    }

    func run() async throws {
        let context = try ControllerContext(options: options)
        do {
            try await apply(context)
            await context.shutdown()
        } catch {
            await context.shutdown()
            throw error
        }
    }

    private func apply(_ context: ControllerContext) async throws {
        let selected = try ControllerContext.environments(environments)
        let planned = await context.reconciler.plan(ReconcileOptions(environments: selected, dryRun: true, force: force))
        ReportPrinter.problems(planned.report)
        if planned.report.failure != nil { throw ExitCode(1) }
        print(ReconcileReportTextRenderer.plan(planned.report), terminator: "")
        if dryRun {
            if planned.report.planExitCode == 1 { throw ExitCode(1) }
            return
        }
        // Nothing to send and nothing held back: the plan above already says what is true.
        guard planned.report.hasChanges || !planned.report.heldResults.isEmpty else {
            if planned.report.applyExitCode != 0 { throw ExitCode(planned.report.applyExitCode) }
            return
        }
        if planned.report.hasChanges, !autoApprove {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CommandFailure(message: "refusing to apply without confirmation: standard input is not a terminal; pass --auto-approve")
            }
            print("\nDo you want to apply these changes? Only 'yes' will be accepted: ", terminator: "")
            guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
                print("Apply cancelled.")
                return
            }
        }
        let applied = await context.reconciler.apply(planned)
        print(ReconcileReportTextRenderer.applied(applied), terminator: "")
        if applied.applyExitCode != 0 { throw ExitCode(applied.applyExitCode) }
    }
}
