/// `dump()` and reflection show only what the description shows.
extension SecretValue: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name as Any, "versionID": versionID as Any], displayStyle: .struct)
    }
}
