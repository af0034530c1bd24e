/// How a plan shows an action a guard held back: `! refused: revoke sgr-0abc 192.0.2.0/24 (removed
/// from desired state) — over the revoke budget`. Never "up to date".
enum HeldActionLine {
    static func text(_ result: ActionResult) -> String {
        var line = "    ! refused: \(result.kind.rawValue) \(result.target)  (\(result.reason))"
        if let message = result.message { line += " — \(message)" }
        return line
    }
}
