import Foundation
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

    /// On both sides of each range the bytes are checked against, the result is Foundation's NFC.
    @Test func readsAsFoundationAtTheEdgesOfTheKnownRanges() {
        let edges: [UInt32] = [0x7F, 0x80, 0xFF, 0x2FF, 0x300, 0x301, 0x1DFF, 0x1E00, 0x1EA0, 0x1EFF, 0x1F00,
                               0x200F, 0x2010, 0x2027, 0x2028, 0x212B]
        for value in edges {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["a" + String(Character(scalar)), String(Character(scalar)) + "x", "Ơ\(scalar)\u{0301}"] {
                #expect(ComposedText.nfc(text).unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars),
                        "U+\(String(value, radix: 16))")
            }
        }
    }
}
