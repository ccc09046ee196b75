import Foundation

/// Vietnamese text in NFC, without Foundation's normaliser where the text cannot change.
enum ComposedText {
    /// `text` in NFC (canonical composition).
    ///
    /// Text made only of characters that are already in NFC and can compose with nothing (ASCII,
    /// Latin-1 and the Latin extensions below the combining accents, the precomposed Vietnamese
    /// letters of Latin Extended Additional, dashes and typographic quotes) is returned as it is:
    /// that is what keyboards, spreadsheets and programs write for Vietnamese, and the normaliser
    /// cost a tenth of a batch and of a scoring request. Anything else, combining accents
    /// included, goes through the normaliser.
    static func nfc(_ text: String) -> String {
        let settled = text.utf8.withContiguousStorageIfAvailable(settledUTF8) ?? text.unicodeScalars.allSatisfy { scalar in
            scalar.value < 0x300 || (0x1E00...0x1EFF).contains(scalar.value) || (0x2010...0x2027).contains(scalar.value)
        }
        return settled ? text : text.precomposedStringWithCanonicalMapping
    }

    /// The same test as `nfc`'s, on the bytes: below U+0300 (lead bytes up to 0xCB),
    /// U+1E00–U+1EFF (E1 B8–BB) and U+2010–U+2027 (E2 80 90–A7). Every text of every payload is
    /// checked, and walking its scalars cost a thousand instructions a text.
    private static func settledUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
            } else if lead >= 0xC2 && lead <= 0xCB {
                i += 2
            } else if lead == 0xE1, i + 2 < n, (0xB8...0xBB).contains(bytes[i + 1]) {
                i += 3
            } else if lead == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, (0x90...0xA7).contains(bytes[i + 2]) {
                i += 3
            } else {
                return false
            }
        }
        return true
    }
}
