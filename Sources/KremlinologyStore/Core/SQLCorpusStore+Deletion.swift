/// Deleting documents: the analyst removes what should not be in the corpus (issue 15).
extension SQLCorpusStore {
    public func deleteDocuments(ids: [String]) throws -> Int {
        let unique = Array(Set(ids)).sorted()
        guard !unique.isEmpty else { return 0 }
        let deleted = try write { x -> Int in
            var count = 0
            for id in unique where try x.count("SELECT COUNT(*) AS n FROM document WHERE id = ?", [.text(id)]) > 0 {
                try deleteDocument(id, in: x)
                count += 1
            }
            // An open-world actor lives only through its mentions: with the last of them it goes.
            try x.execute("DELETE FROM actor WHERE reviewed = 0 AND name NOT IN (SELECT actor FROM mention)", [])
            try x.markChanged()
            return count
        }
        // Records this object wrote may be gone now: write them again when next seen.
        writtenActors.removeAll()
        return deleted
    }
}
