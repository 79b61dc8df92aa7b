/// An article or note once its names are found and resolved: what every extractor reads.
///
/// Each prose paragraph is held once, with its sentences and mentions as UTF-8 ranges and each
/// sentence's text made once, so that extractors share it instead of slicing their own copies.
struct AnalysedDocument: Sendable {
  /// One paragraph of an article's body, read whole (Markdown text split by emphasis or links
  /// is joined again).
  struct Paragraph: Sendable {
    var text: String
    /// The mentions in it, in order.
    var named: [QuoteFinder.Named]
    /// Its sentences as UTF-8 ranges of `text`.
    var sentences: [Range<Int>]
    /// The text of each sentence.
    var sentenceTexts: [String]
    /// For each sentence, the entities named in it, in the order first named.
    var entities: [[String]]
  }

  var context: DocumentLinker.Context
  /// The article's body paragraphs, in order; none for a note, and none for titles and headings.
  var paragraphs: [Paragraph]
}
