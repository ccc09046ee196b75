/// Conditions the store's queries share, written once.
enum StoreSQL {
    /// True for the evidence revision `r` that no later revision of the same unit, standard and
    /// period follows: the evidence that counts.
    static let isLatestRevision = """
        NOT EXISTS (SELECT 1 FROM evidenceRevision n WHERE n.unitId = r.unitId AND n.standardId = r.standardId
            AND n.periodFrom = r.periodFrom AND n.periodTo = r.periodTo AND n.revision > r.revision)
        """

    /// True for the decision `d` that a later decision superseded.
    static let isSuperseded = "EXISTS (SELECT 1 FROM decision s WHERE s.supersedes = d.id)"
}
