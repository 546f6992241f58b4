import KremlinologyModel
import KremlinologyStore

extension StoreCopier {
    /// The analysts' outlet grades, oldest first, with who gave them and when: the copy grades
    /// its sources as the original does. A target with grades of its own keeps them (copying
    /// twice must not double the history).
    func copyOutletGrades() throws {
        let history = try source.outletGradeHistory()
        guard !history.isEmpty, try target.outletGradeHistory().isEmpty else { return }
        for grade in history { try target.recordOutletGrade(grade) }
    }
}
