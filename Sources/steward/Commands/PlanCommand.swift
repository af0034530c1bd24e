import ArgumentParser
import Foundation
import StewardController
import StewardCore

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change in AWS, changing nothing.",
        discussion: "With --detailed-exitcode: 0 no changes, 2 changes, 1 error."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: GlobalOptions
    @Option(name: .customLong("env"), help: "Only this environment (repeatable).") var environments: [String] = []
    @Option(help: "text or json.") var format: Format = .text
    @Flag(help: "Exit 2 when there are changes, 0 when there are none.") var detailedExitcode = false

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
            print(ReportPrinter.planText(report), terminator: "")
        case .json: print(try PlanJSONRenderer.render(report), terminator: "")
        }
        if detailedExitcode, report.hasChanges { throw ExitCode(2) }
    }
}
