import Foundation
import PhuhopCore

/// A standard read from its folder, with what only the files know: where each value was
/// written and the hash of the content.
public struct LoadedStandard: Sendable {
    public var standard: Standard
    /// SHA-256 over the folder's files (name and bytes, in name order).
    public var hash: String
    /// The folder it was read from.
    public var folder: String
    /// Where each value is written, for the audit and for lint problems.
    public var locations: [ValueReference: SourceLocation]
    /// The files the hash covers, by name: what a store keeps so the same rules can be read
    /// again years later.
    public var files: [String: Data]

    public init(standard: Standard, hash: String, folder: String, locations: [ValueReference: SourceLocation],
                files: [String: Data] = [:]) {
        self.standard = standard
        self.hash = hash
        self.folder = folder
        self.locations = locations
        self.files = files
    }

    /// The location of a value, or the folder's `standard.yaml` when unknown.
    public func location(of reference: ValueReference) -> SourceLocation {
        locations[reference] ?? SourceLocation(file: folder + "/standard.yaml", line: 1, column: 1)
    }
}
