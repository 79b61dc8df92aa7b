/// Reads one kind of finding from an analysed document.
///
/// A new kind of finding is one type conforming to this, added to `Extractors.all`. Extractors
/// run in that order, and each sees what those before it found.
protocol Extractor: Sendable {
  func extract(from document: AnalysedDocument, into findings: inout Findings)
}

/// The extractors every document goes through.
enum Extractors {
  /// In order: quotes come before dates, which skip quoted words.
  static let all: [any Extractor] = [QuoteExtractor(), DatedMentionExtractor(), PassageExtractor()]
}
