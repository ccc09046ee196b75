/// A value's fields behind one shared, immutable reference, replaced whole when one changes.
///
/// A standard, its criteria and its indicators keep their fields so: a decision's texts and JSON
/// read them by the hundred on every request, and copying the fields retained (and released)
/// every text and array in them, on counts all the server's threads share. A copy is now one
/// retain. Changes are rare (the loader, criteria overrides) and copy the fields once.
struct SharedFields<Fields: Sendable>: Sendable {
    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    init(_ fields: Fields) {
        storage = Storage(fields)
    }

    /// The fields, read in place.
    var fields: Fields { storage.fields }

    /// Changes the fields: a new storage, so that copies made before keep theirs.
    mutating func change(_ body: (inout Fields) -> Void) {
        var fields = storage.fields
        body(&fields)
        storage = Storage(fields)
    }
}
