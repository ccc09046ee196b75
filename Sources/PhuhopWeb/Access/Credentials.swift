import Foundation

/// How names and passwords are compared, the same on every path (web form, API, `user add`):
/// a name trimmed, both in NFC, so Vietnamese typed on any keyboard matches.
public enum Credentials {
    public static func name(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    public static func password(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }
}
