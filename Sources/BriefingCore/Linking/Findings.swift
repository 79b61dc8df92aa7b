/// What the analysis of one document found: its mentions, and what the extractors read from its
/// prose (dated sentences, quotes, passages), with the problems and unknown names seen on the way.
///
/// One value per document; the link stage merges them into one for the whole briefing.
public struct Findings: Sendable {
  /// Every mention, in document order.
  public var mentions = Mentions()
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

  init(mentions: Mentions, unknownNames: [UnknownNames.Sighting], diagnostics: [Diagnostic]) {
    self.mentions = mentions
    self.unknownNames = unknownNames
    self.diagnostics = diagnostics
  }

  /// Adds what another document found after what this one holds.
  public mutating func append(_ other: Findings) {
    mentions.append(contentsOf: other.mentions)
    dated += other.dated
    quotes += other.quotes
    passages += other.passages
    unknownNames += other.unknownNames
    diagnostics += other.diagnostics
  }

  /// The findings of `documents`, one after another. Each document's findings are let go as soon
  /// as they are copied, so a whole briefing's findings are not held twice; `documents` is left
  /// empty.
  public static func merged(_ documents: inout [Findings]) -> Findings {
    var all = Findings()
    var mentions = documents.indices.map { index in
      // Taken out, so that joining them lets each go.
      defer { documents[index].mentions = Mentions() }
      return documents[index].mentions
    }
    all.mentions = Mentions.joined(&mentions)
    all.dated.reserveCapacity(documents.total(\.dated))
    all.quotes.reserveCapacity(documents.total(\.quotes))
    all.passages.reserveCapacity(documents.total(\.passages))
    for index in documents.indices {
      let part = documents[index]
      documents[index] = Findings()
      all.append(part)
    }
    documents = []
    return all
  }
}

extension Array where Element == Findings {
  /// How many of what `part` gives the elements hold in all.
  fileprivate func total<T>(_ part: (Findings) -> [T]) -> Int {
    reduce(0) { $0 + part($1).count }
  }
}
