import Testing
@testable import PhuhopFormats

/// Vietnamese text is kept in NFC: decomposed accents are composed, composed text is kept as it
/// is, and characters NFC changes on their own are normalised too.
@Suite struct ComposedTextTests {
    @Test func composesDecomposedVietnamese() {
        let decomposed = "Xa\u{0303} \u{0110}a\u{0306}\u{0301}k Ro\u{031B} O\u{0302}ng"
        #expect(ComposedText.nfc(decomposed).unicodeScalars.elementsEqual("Xã Đắk Rơ Ông".unicodeScalars))
    }

    @Test func keepsComposedTextAsItIs() {
        for text in ["Phường Đống Đa", "“Trẻ em” – 98,3% …", "plain ascii", ""] {
            #expect(ComposedText.nfc(text).unicodeScalars.elementsEqual(text.unicodeScalars))
        }
    }

    @Test func normalisesCharactersOutsideTheKnownComposedRanges() {
        // The angstrom sign is its own character but not NFC: it becomes Å (U+00C5).
        #expect(ComposedText.nfc("\u{212B}").unicodeScalars.map(\.value) == [0xC5])
        // Hangul jamo compose into one syllable.
        #expect(ComposedText.nfc("\u{1100}\u{1161}").unicodeScalars.map(\.value) == [0xAC00])
    }
}
