import KremlinologyModel

extension QueryParameters {
    /// `min_grade=B3`: only facts graded at least that well on the Admiralty code (source
    /// reliability A–F and credibility 1–6 both at least as good); nil when absent. Anything
    /// else is a 400 that names the expected form.
    public func minimumGrade() throws -> AdmiraltyGrade? {
        guard let raw = string("min_grade") else { return nil }
        guard let grade = AdmiraltyGrade(raw) else {
            throw RequestError.badRequest("'min_grade' must be \(AdmiraltyGrade.expectedForm); got '\(raw)'")
        }
        return grade
    }

    /// `reliability=E` for an outlet's grade, or `reset=true` to return it to the pack's default.
    /// - Returns: the letter, or nil for a reset.
    public func outletReliability() throws -> Reliability? {
        let reset = try flag("reset")
        switch (string("reliability"), reset) {
        case (nil, true): return nil
        case (_?, true): throw RequestError.badRequest("give either 'reliability' or 'reset=true', not both")
        case (nil, false): throw RequestError.badRequest("'reliability' is required: \(Reliability.expectedForm); or 'reset=true'")
        case (let raw?, false):
            guard let letter = Reliability(letter: raw) else {
                throw RequestError.badRequest("'reliability' must be \(Reliability.expectedForm); got '\(raw)'")
            }
            return letter
        }
    }
}
