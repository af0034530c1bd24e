import ArgumentParser
import Foundation
import StewardController
import StewardCore

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change in AWS, changing nothing.",
        discussion: """
        Exit status: 0, or 1 on an error (bad input, AWS or desired state that could not be read). With \
        --detailed-exitcode: 0 no changes, 2 changes (including changes a guard would refuse, shown as \
        `refused`), 1 an error or something unreadable. Ends with one line per environment saying what is true of it.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: GlobalOptions
    @Option(name: .customLong("env"), help: "Only this environment (repeatable).") var environments: [String] = []
    @Option(help: "text or json.") var format: Format = .text
    @Flag(help: "Exit 2 when there are changes (refused ones included), 0 when there are none, 1 on an error.") var detailedExitcode = false

    func validate() throws {
        _ = try ControllerContext.environments(environments)
    }

    func run() async throws {
        let context = try ControllerContext(options: options)
        let report = await context.reconciler.reconcile(ReconcileOptions(environments: try ControllerContext.environments(environments), dryRun: true))
        await context.shutdown()
        ReportPrinter.problems(report)
        if report.failure != nil { throw ExitCode(1) }
        switch format {
        case .text:
            print(ReconcileReportTextRenderer.plan(report), terminator: "")
        case .json: print(try PlanJSONRenderer.render(report), terminator: "")
        }
        let status = report.planExitCode
        if status == 1 || (detailedExitcode && status != 0) { throw ExitCode(status) }
    }
}
