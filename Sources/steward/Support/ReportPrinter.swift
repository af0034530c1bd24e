import Foundation
import StewardCore

/// How plan and apply show a reconcile report: the plan and the outcome on stdout (rendered
/// by Core), what went wrong on stderr.
enum ReportPrinter {
    static func problems(_ report: ReconcileReport) {
        for diagnostic in report.desiredStateErrors { StandardError.write(diagnostic.description) }
        for problem in report.observationProblems { StandardError.write("warning: \(problem)") }
        for refusal in report.refusals { StandardError.write(ReconcileReportTextRenderer.refusalLine(refusal)) }
        for warning in report.tierWarnings { StandardError.write("warning: \(warning)") }
        if let failure = report.failure { StandardError.write("error: \(failure)") }
    }
}
