extension AWSXMLReader {
    /// One slot of the reader's table of recently made long strings (see `makeString`).
    struct SharedText {
        static let slotBits = 6
        static let slots = 1 << slotBits
        var start: Int32 = 0
        /// Zero for an empty slot: only texts longer than fifteen bytes are kept.
        var length: Int32 = 0
        var string = ""
    }
}
