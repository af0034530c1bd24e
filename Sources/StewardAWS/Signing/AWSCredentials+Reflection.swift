/// `dump()` and debuggers show only what the description shows: never the secret or token.
extension AWSCredentials: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyID": accessKeyID, "expiration": expiration as Any], displayStyle: .struct)
    }
}
