/// "Did you mean …?" for mistyped verbs, options and environment names.
enum ChatCommandSuggestion {
    /// The candidate closest to `input` by edit distance, when it is close enough to be a typo
    /// (at most one edit for short words, two for longer ones), or one of the two is a prefix
    /// of the other (`stag` for `staging`, `production` for `prod`).
    /// Ties go to the earlier candidate, so callers pass candidates in a stable order.
    static func closest(to input: String, among candidates: [String]) -> String? {
        let typed = input.lowercased()
        guard !typed.isEmpty else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(typed, candidate.lowercased())
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        if let best, best.distance <= (typed.count <= 4 ? 1 : 2), best.distance < typed.count {
            return best.candidate
        }
        return candidates.first { candidate in
            let known = candidate.lowercased()
            return (known.hasPrefix(typed) && typed.count >= 2) || (typed.hasPrefix(known) && known.count >= 3)
        }
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
