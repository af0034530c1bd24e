#if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

/// Byte-level primitives of the XML readers. A Describe response is mostly short names and
/// short values, so searches look at sixteen bytes per step: a byte loop costs a compare and
/// a branch per byte, and the bytes between two `<` are about ten on average.
enum AWSXMLBytes {
    static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    static let question = UInt8(ascii: "?"), bang = UInt8(ascii: "!"), colon = UInt8(ascii: ":")
    static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), ampersand = UInt8(ascii: "&")

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// One bit per lane of a comparison (lane 0 in bit 0): `pmovmskb` on x86-64; elsewhere the
    /// two halves' top bits gathered with a multiply. A single mask makes "first hit" one
    /// `tzcnt` with no branch on which half it is in (that branch is data-dependent and
    /// mispredicts about as often as not on short texts).
    @inline(__always)
    static func bits(_ mask: SIMDMask<SIMD16<Int8>>) -> UInt32 {
        #if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
        return UInt32(truncatingIfNeeded: _mm_movemask_epi8(unsafeBitCast(mask, to: __m128i.self)))
        #else
        let halves = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        let gather: UInt64 = 0x8040_2010_0804_0201
        let low = ((halves[0] & gather) &* 0x0101_0101_0101_0101) &>> 56
        let high = ((halves[1] & gather) &* 0x0101_0101_0101_0101) &>> 56
        return UInt32(truncatingIfNeeded: low | high &<< 8)
        #endif
    }

    /// The offset of the first set lane, or `nil` when none is set.
    @inline(__always)
    private static func firstLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Int? {
        let set = bits(mask)
        return set == 0 ? nil : set.trailingZeroBitCount
    }

    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> SIMD16<UInt8> {
        UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
    }

    /// The first offset in `start..<end` holding `target`, or `end`.
    @inline(__always)
    static func firstIndex(of target: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var offset = start
        let wanted = SIMD16<UInt8>(repeating: target)
        while offset &+ 16 <= end {
            let chunk = load(base, offset)
            if let lane = firstLane(chunk .== wanted) { return offset &+ lane }
            offset &+= 16
        }
        while offset < end, base[offset] != target { offset &+= 1 }
        return offset
    }

    /// The first offset in `start..<end` holding `first` or `second`, or `end`.
    @inline(__always)
    static func firstIndex(of first: UInt8, or second: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var offset = start
        let a = SIMD16<UInt8>(repeating: first), b = SIMD16<UInt8>(repeating: second)
        while offset &+ 16 <= end {
            let chunk = load(base, offset)
            if let lane = firstLane((chunk .== a) .| (chunk .== b)) { return offset &+ lane }
            offset &+= 16
        }
        while offset < end, base[offset] != first, base[offset] != second { offset &+= 1 }
        return offset
    }

    /// The first byte that can end (or split) a tag name: whitespace or any control byte,
    /// `/`, `>`, `:` or `<`; or `end`.
    @inline(__always)
    static func firstNameDelimiter(in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var offset = start
        let space = SIMD16<UInt8>(repeating: 0x20)
        let slash = SIMD16<UInt8>(repeating: slash), gt = SIMD16<UInt8>(repeating: gt)
        let colon = SIMD16<UInt8>(repeating: colon), lt = SIMD16<UInt8>(repeating: lt)
        while offset &+ 16 <= end {
            let chunk = load(base, offset)
            let delimiters = (chunk .<= space) .| (chunk .== slash) .| (chunk .== gt) .| (chunk .== colon) .| (chunk .== lt)
            if let lane = firstLane(delimiters) { return offset &+ lane }
            offset &+= 16
        }
        while offset < end {
            let byte = base[offset]
            if byte <= 0x20 || byte == Self.slash || byte == Self.gt || byte == Self.colon || byte == Self.lt { break }
            offset &+= 1
        }
        return offset
    }

    /// For skipping an element named `name` (`length` bytes) without reading it: the first
    /// offset from `start` holding a `<` that may begin its end tag (`</` + a byte equal to the
    /// name's last at the right place + `>`), a start tag of the same name (`<` + its first
    /// byte, its last byte at the right place) or markup (`<!`, `<?`); or `end`. A filter: it
    /// may stop at other tags (the caller checks each stop exactly), never passes one of
    /// those. Sixteen positions per step; only the last bytes fall back to plain `<` stops.
    @inline(__always)
    static func firstSkipStop(name: UnsafePointer<UInt8>, length: Int, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var offset = start
        let lt = SIMD16<UInt8>(repeating: lt), slash = SIMD16<UInt8>(repeating: slash), gt = SIMD16<UInt8>(repeating: gt)
        let bang = SIMD16<UInt8>(repeating: bang), question = SIMD16<UInt8>(repeating: question)
        let first = SIMD16<UInt8>(repeating: name[0]), last = SIMD16<UInt8>(repeating: name[length &- 1])
        // The widest look is the `>` of an end tag, at `length + 2` past the `<`.
        while offset &+ length &+ 2 &+ 16 <= end {
            let open = load(base, offset) .== lt
            let next = load(base, offset &+ 1)
            let endTag = (next .== slash) .& (load(base, offset &+ length &+ 1) .== last) .& (load(base, offset &+ length &+ 2) .== gt)
            let startTag = (next .== first) .& (load(base, offset &+ length) .== last)
            let markup = (next .== bang) .| (next .== question)
            if let lane = firstLane(open .& (endTag .| startTag .| markup)) { return offset &+ lane }
            offset &+= 16
        }
        return firstIndex(of: Self.lt, in: base, from: offset, to: end)
    }

    /// `firstNameDelimiter` over the sixteen bytes at `start` only (the caller guarantees
    /// they are in bounds); `start + 16` when none of them is a delimiter.
    @inline(__always)
    static func firstNameDelimiterInChunk(in base: UnsafePointer<UInt8>, at start: Int) -> Int {
        let space = SIMD16<UInt8>(repeating: 0x20)
        let slash = SIMD16<UInt8>(repeating: slash), gt = SIMD16<UInt8>(repeating: gt)
        let colon = SIMD16<UInt8>(repeating: colon), lt = SIMD16<UInt8>(repeating: lt)
        let chunk = load(base, start)
        let delimiters = (chunk .<= space) .| (chunk .== slash) .| (chunk .== gt) .| (chunk .== colon) .| (chunk .== lt)
        return start &+ (firstLane(delimiters) ?? 16)
    }

    /// Names are short: whole words at a time, the tail as one overlapping load rather than
    /// a byte loop (every end tag goes through here).
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let left = UnsafeRawPointer(a), right = UnsafeRawPointer(b)
        if length >= 8 {
            var offset = 0
            while offset &+ 8 <= length {
                if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
                offset &+= 8
            }
            let tail = length &- 8
            return left.loadUnaligned(fromByteOffset: tail, as: UInt64.self) == right.loadUnaligned(fromByteOffset: tail, as: UInt64.self)
        }
        if length >= 4 {
            let tail = length &- 4
            return left.loadUnaligned(as: UInt32.self) == right.loadUnaligned(as: UInt32.self)
                && left.loadUnaligned(fromByteOffset: tail, as: UInt32.self) == right.loadUnaligned(fromByteOffset: tail, as: UInt32.self)
        }
        var offset = 0
        while offset < length {
            if a[offset] != b[offset] { return false }
            offset &+= 1
        }
        return true
    }

    static func matches(_ base: UnsafePointer<UInt8>, _ count: Int, at index: Int, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index &+ length <= count else { return false }
        return equal(base + index, literal.utf8Start, length)
    }
}
