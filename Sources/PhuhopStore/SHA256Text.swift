import PhuhopFormats

/// SHA-256 of text, as the store writes its hashes.
enum SHA256Text {
    static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { SHA256.hex($0) }
    }
}
