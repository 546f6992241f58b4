/// Reads the dates that documents print into ISO 8601 (`2021-02-16`).
enum DateParser {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `2021-02-16…`, `16-02-2021`, `16.02.2021`, `16/02/2021` (day first), `16 February 2021`
    /// and `February 16, 2021` → `2021-02-16`; nil when no date is recognised.
    static func isoDate(_ raw: String) -> String? {
        let words = tokens(raw)
        guard !words.isEmpty else { return nil }
        // Numeric forms.
        if case let .number(a, la) = words[0], words.count >= 3, case let .number(b, _) = words[1], case let .number(c, lc) = words[2] {
            if la == 4 { return make(a, b, c) }
            if lc == 4 { return make(c, b, a) }
        }
        // 16 February 2021
        if words.count >= 3, case let .number(d, _) = words[0], case let .month(m) = words[1], case let .number(y, 4) = words[2] {
            return make(y, m, d)
        }
        // February 16, 2021
        if words.count >= 3, case let .month(m) = words[0], case let .number(d, _) = words[1], case let .number(y, 4) = words[2] {
            return make(y, m, d)
        }
        return nil
    }

    private enum Token { case number(Int, Int), month(Int), other }

    private static func tokens(_ raw: String) -> [Token] {
        var out: [Token] = []
        var word: [UInt8] = []
        func flush() {
            guard !word.isEmpty else { return }
            if word.allSatisfy(Bytes.isDigit), word.count <= 4 {
                out.append(.number(word.reduce(0) { $0 * 10 + Int($1 - 0x30) }, word.count))
            } else if word.count >= 3, let m = months.firstIndex(of: String(decoding: word.prefix(3).map(Bytes.lower), as: UTF8.self)),
                      word.allSatisfy(Bytes.isLetter) {
                out.append(.month(m + 1))
            } else {
                out.append(.other)
            }
            word.removeAll()
        }
        for c in raw.utf8.prefix(64) {
            if Bytes.isDigit(c) || Bytes.isLetter(c) {
                if let last = word.last, Bytes.isDigit(last) != Bytes.isDigit(c) { flush() }
                word.append(c)
            } else { flush() }
            if out.count >= 3 { break }
        }
        flush()
        return out
    }

    private static func make(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard y >= 1000, y <= 2999, m >= 1, m <= 12, d >= 1, d <= 31 else { return nil }
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
