/// What the analysis of one document found: its mentions, and what the extractors read from its
/// prose (dated sentences, quotes, passages), with the problems and unknown names seen on the way.
///
/// One value per document; the link stage joins them into one for the whole briefing.
public struct Findings: Sendable {
  /// Every mention, in document order.
  public var mentions = Mentions()
  /// Sentences of an article that speak of a date.
  public var dated: [DatedMention] = []
  /// Quoted speech in an article.
  public var quotes: [Quote] = []
  /// For each issue an article names, the passages that discuss it.
  public var passages = Passages()
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
    passages.append(contentsOf: other.passages)
    unknownNames += other.unknownNames
    diagnostics += other.diagnostics
  }

  /// Findings put together one document's after another, each document's taken as it comes,
  /// so that the whole and every part are never all held at once.
  public struct Joiner: Sendable {
    private var all = Findings()
    private var mentions = Mentions.Joiner()
    private var passages = TableJoiner<Passages>()
    /// Each distinct diagnostic message once: a name left unlinked in a thousand articles gives
    /// the same long message each time.
    private var messages: Set<ExactText> = []

    public init() {}

    public mutating func add(_ part: Findings) {
      // The mentions' and passages' strings are numbered once for all documents; the rest is
      // appended as it is.
      mentions.add(part.mentions)
      passages.add(part.passages)
      var rest = part
      rest.mentions = Mentions()
      rest.passages = Passages()
      for index in rest.diagnostics.indices {
        let message = ExactText(rest.diagnostics[index].message)
        rest.diagnostics[index].message = messages.insert(message).memberAfterInsert.text
      }
      all.append(rest)
    }

    /// The findings added, in order.
    public var joined: Findings {
      var joined = all
      joined.mentions = mentions.joined
      joined.passages = passages.joined
      return joined
    }
  }
}

/// A string told from others by its bytes: `String`'s equality is canonical equivalence, and a
/// message kept once must keep the spelling each article gave it.
private struct ExactText: Hashable, Sendable {
  let text: String

  init(_ text: String) { self.text = text }

  static func == (lhs: ExactText, rhs: ExactText) -> Bool {
    lhs.text.utf8.elementsEqual(rhs.text.utf8)
  }

  func hash(into hasher: inout Hasher) {
    for byte in text.utf8 { hasher.combine(byte) }
  }
}
