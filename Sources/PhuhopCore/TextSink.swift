/// Where words for people are written, piece by piece: a `String` being put together
/// (`TextBytes`), or a string inside a JSON answer (the reports' `JSONWriter`).
///
/// Reasons, measures, band ranges and distance options are written through it, so that a JSON
/// answer takes them as they are made: making a `String` of each first (and checking its UTF-8)
/// and escaping it again was a third of the scoring API's time.
public protocol TextSink: ~Copyable {
    /// Appends a text.
    // Disfavoured so that a literal is taken as a `StaticString`, which a JSON string copies as it
    // is, rather than as a `String` checked for what needs escaping (most pieces are literals).
    @_disfavoredOverload mutating func write(_ piece: String)
    /// Appends a literal: words of the sentence, without quotes, backslashes or control characters.
    mutating func write(_ piece: StaticString)
    /// Appends a whole number in digits, without grouping (points and bounds, as the data files
    /// write them).
    mutating func write(_ number: Int)
}
