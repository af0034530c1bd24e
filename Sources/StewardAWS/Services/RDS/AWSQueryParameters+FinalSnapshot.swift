extension AWSQueryParameters {
    mutating func setFinalSnapshot(_ finalSnapshot: RDSFinalSnapshot) {
        switch finalSnapshot {
        case .skip:
            set("SkipFinalSnapshot", true)
        case .snapshot(let identifier):
            set("SkipFinalSnapshot", false)
            set("FinalDBSnapshotIdentifier", identifier)
        }
    }
}
