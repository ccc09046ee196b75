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
        let settled = text.unicodeScalars.allSatisfy { scalar in
            scalar.value < 0x300 || (0x1E00...0x1EFF).contains(scalar.value) || (0x2010...0x2027).contains(scalar.value)
        }
        return settled ? text : text.precomposedStringWithCanonicalMapping
    }
}
