/// What to do about a final snapshot when deleting: exactly one of skip or take one. An enum,
/// so "both" and "neither" (which AWS rejects and moto silently accepts) cannot be expressed.
public enum RDSFinalSnapshot: Sendable, Equatable {
    case skip
    case snapshot(identifier: String)

    /// RDS identifier rules: 1–255 letters, digits and hyphens, starting with a letter, no
    /// trailing hyphen and no two hyphens in a row.
    func validate(operation: String) throws {
        guard case .snapshot(let identifier) = self else { return }
        let valid = !identifier.isEmpty && identifier.count <= 255
            && identifier.first?.isLetter == true
            && identifier.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
            && !identifier.hasSuffix("-") && !identifier.contains("--")
        guard valid else {
            throw AWSClientError(.invalidRequest, operation: operation, message: "final snapshot identifier \"\(identifier)\" is invalid: use 1-255 letters, digits and single hyphens, starting with a letter")
        }
    }
}
