/// What the analysis of one document found: its mentions, and what the extractors read from its
/// prose (dated sentences, quotes, passages), with the problems and unknown names seen on the way.
///
/// One value per document; the link stage merges them into one for the whole briefing.
public struct Findings: Sendable {
  /// Every mention, in document order.
  public var mentions: [Mention] = []
  /// Sentences of an article that speak of a date.
  public var dated: [DatedMention] = []
  /// Quoted speech in an article.
  public var quotes: [Quote] = []
  /// For each issue an article names, the passages that discuss it.
  public var passages: [Passage] = []
  /// Capitalized names in articles that match no entity, for `briefing check`.
  public var unknownNames: [UnknownNames.Sighting] = []
  /// Names left unlinked because they fit several entities.
  public var diagnostics: [Diagnostic] = []
  /// For each prose paragraph of the document, the UTF-8 ranges inside quotation marks: left by
  /// the quote extractor for those after it (a date inside quotes is the speaker's, not the
  /// news'). Not merged: it means nothing outside its document.
  var quoted: [[Range<Int>]] = []

  public init() {}

  init(mentions: [Mention], unknownNames: [UnknownNames.Sighting], diagnostics: [Diagnostic]) {
    self.mentions = mentions
    self.unknownNames = unknownNames
    self.diagnostics = diagnostics
  }

  /// Adds what another document found after what this one holds.
  public mutating func append(_ other: Findings) {
    mentions += other.mentions
    dated += other.dated
    quotes += other.quotes
    passages += other.passages
    unknownNames += other.unknownNames
    diagnostics += other.diagnostics
  }

  /// The findings of `documents`, one after another.
  public static func merged(_ documents: [Findings]) -> Findings {
    // Mentions, the most numerous, on one core; the rest on the other.
    let (mentions, rest) = Concurrently.run(
      { documents.flatMapped(\.mentions) },
      { () -> Findings in
        var rest = Findings()
        rest.dated = documents.flatMapped(\.dated)
        rest.quotes = documents.flatMapped(\.quotes)
        rest.passages = documents.flatMapped(\.passages)
        rest.unknownNames = documents.flatMapped(\.unknownNames)
        rest.diagnostics = documents.flatMapped(\.diagnostics)
        return rest
      })
    var all = rest
    all.mentions = mentions
    return all
  }
}

extension Array where Element == Findings {
  /// One array of what `part` gives for each element, in order, allocated once.
  fileprivate func flatMapped<T>(_ part: (Findings) -> [T]) -> [T] {
    var all: [T] = []
    all.reserveCapacity(reduce(0) { $0 + part($1).count })
    for findings in self { all += part(findings) }
    return all
  }
}
